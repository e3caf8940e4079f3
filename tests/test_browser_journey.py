"""In a real browser: search a phrase from a seed, apply two facets, open a result, follow a footnote and a
citation, come back; accessibility checked with axe-core; screenshots for the README."""
import warnings
from pathlib import Path

import pytest

from resolutions.models import Document
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import seed_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def axe_violations(page):
    """WCAG 2.1 A/AA violations found by axe-core; the check is skipped, with a warning, without the package."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        warnings.warn("axe-core accessibility checks skipped: axe-playwright-python is not installed "
                      "(pip install -r requirements.txt).")
        return []

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                       "resultTypes": ["violations"]})   # no detail on passes: twice as fast
    return [(v["id"], v["help"], len(v["nodes"])) for v in results.response["violations"]]


def test_search_facets_document_footnote_citation_and_back(live_server, chromium_page):
    # Three seeds are enough for the journey (000 and 001 are another copy of 004's series; skipped for speed).
    for prefix in ("002", "003", "004"):
        path = seed_path(prefix)
        ingest_file(path.read_bytes(), path.name)
    # A cited resolution the archive holds, so a citation link leads somewhere.
    cited = Document.objects.create(symbol="A/RES/34/180", symbol_key="A/RES/34/180", body="General Assembly",
                                    title="Convention on the Elimination of All Forms of Discrimination against Women")
    from resolutions.services.citations import resolve_pending_citations
    resolve_pending_citations(cited)

    page = chromium_page
    page.goto(live_server.url + "/")
    page.locator("#home-q").fill('"coordination of efforts against trafficking"')
    page.locator("form.big-search button").click()
    page.wait_for_url("**/search/?q=*")
    assert axe_violations(page) == []

    page.locator(".facets").get_by_role("link", name="61", exact=True).click()            # Session 61
    page.wait_for_url("**session=61*")
    page.locator(".facets").get_by_role("link", name="Third Committee", exact=True).click()
    page.wait_for_url("**committee=Third+Committee*")
    assert "session=61" in page.url
    hits = page.locator("li.hit")
    assert hits.count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search.png"), full_page=True)
    search_url = page.url

    hits.first.locator("a.hit-title").click()
    page.wait_for_url("**/A/C.3/61/L.7/Rev.1/")   # the document at its symbol: its citable address
    assert page.locator("h1.title").inner_text() == "Improving the coordination of efforts against trafficking in persons"
    assert axe_violations(page) == []
    page.screenshot(path=str(SCREENSHOTS / "document.png"))

    page.locator("#op4 a.fn-ref", has_text="7").click()                         # footnote 7 of operative paragraph 4
    page.wait_for_url("**#fn7")
    assert page.locator("#fn7").inner_text().startswith("Resolution 34/180, annex.")
    page.locator("#fn7 a.citation.resolved").click()                              # the cited resolution
    page.wait_for_url(f"**{cited.get_absolute_url()}")
    assert "Cited by" in page.content() and "A/C.3/61/L.7/Rev.1" in page.content()

    page.go_back()
    page.wait_for_url("**#fn7")
    page.locator("#fn7 a.fn-back").click()
    page.wait_for_url("**#op4")
    page.go_back()
    page.go_back()
    page.go_back()
    page.wait_for_url(search_url)
    assert page.locator("li.hit").count() == 1
