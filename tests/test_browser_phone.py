"""At a phone's width (390 px) no page is wider than the screen, every page passes axe-core, the search page shows
its results before its facets and the comparison page stacks its columns.

Documents of the real corpus are ingested in the test: A/RES/80/39 (footnotes, a recorded vote from the UN's table),
S/RES/1454 (2002) (annexes A and B, a long Goods Review List), A/RES/78/220 (the UN's AKN, with its own vote), and
its French text (the two side by side), the seeds A/C.3/61/L.7/Rev.1 (2006) and its 2008 successor (one series: compared, provenance).
"""
import json

import pytest
from django.contrib.auth import get_user_model

from resolutions.models import Paragraph
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import seed_path
from tests.test_browser_journey import axe_violations
from votes.services import import_vote_tables

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}   # an iPhone 12-15's CSS viewport
GA80_TABLE = "unxml-ga-resolutions/data_extract/80.json"


def _ingest(path):
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _vote_table(corpus_dir, tmp_path, symbols):
    """The UN table's own lines for these symbols, in a file of their own (a few rows, not the session's 300)."""
    source = corpus_dir / GA80_TABLE
    lines = [line for line in source.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["symbol"] in symbols]
    target = tmp_path / "data_extract" / "80.json"
    target.parent.mkdir(parents=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


@pytest.fixture
def archive(corpus_dir, tmp_path):
    documents = {
        "footnotes": _ingest(corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md"),
        "annexes": _ingest(corpus_dir / "cr-unsc-gold/data/res_en_gold/S_RES_1454_2002_EN_GOLD.txt"),
        "akn": _ingest(corpus_dir / "unxml-ga-resolutions/78session/English/A_RES_78_220-2325993E.xml"),
        "french": _ingest(corpus_dir / "unxml-ga-resolutions/78session/French/A_RES_78_220-2325993F.xml"),
        "older": _ingest(seed_path("002")),
        "newer": _ingest(seed_path("000")),
    }
    import_vote_tables([_vote_table(corpus_dir, tmp_path, {"A/RES/80/39"})], progress=False)
    return documents


@pytest.fixture
def chromium_page(chromium_page):
    # Nine sessions share two cores: a page with axe-core's run can take longer than the fixture's 10 s.
    chromium_page.set_default_timeout(60_000)
    return chromium_page


# Swagger UI (drf-spectacular-sidecar's files, not the archive's markup) draws its operation rows as buttons holding
# buttons and its method badges and greyed descriptions below AA contrast; these two rules fail inside its widget
# only, and nothing of ours. Every other rule must pass there too.
THIRD_PARTY_VIOLATIONS = {"/api/docs/": {"color-contrast", "nested-interactive"}}


def _width_and_accessibility(page, url):
    page.goto(url)
    if "/api/docs/" in url:
        page.wait_for_selector("#swagger-ui .opblock")   # measured once the operations are drawn, never before
    width = page.evaluate("document.documentElement.scrollWidth")
    return width, axe_violations(page)


def test_every_page_fits_a_390_pixel_phone_and_passes_axe(live_server, chromium_page, archive):
    page = chromium_page
    page.set_viewport_size(PHONE)
    older, newer = archive["older"], archive["newer"]
    paragraph = Paragraph.objects.filter(document=newer, kind="operative").order_by("order").first()
    # A state that voted on A/RES/80/39 (the table lists France in favour) and one that sponsored the 2006 draft.
    pages = [
        "/", "/search/?q=trafficking", "/search/?q=trafficking&mode=paragraphs",
        "/search/?q=" + "A/RES/80", archive["footnotes"].get_absolute_url(), archive["annexes"].get_absolute_url(),
        archive["akn"].get_absolute_url(), archive["akn"].get_absolute_url() + "?lang=en&beside=fr",
        older.get_absolute_url(), f"/compare/?b={older.symbol}", f"/compare/{older.pk}/{newer.pk}/", "/compare/",
        "/agreed-language/?q=Urges+Member+States+that+have+not+yet+done+so+to+consider+ratifying",
        f"/paragraphs/{paragraph.pk}/provenance/", "/browse/agenda-items/", "/browse/sessions/", "/browse/bodies/",
        "/browse/states/", "/browse/states/belarus/", "/browse/states/france/votes/",
        "/votes/compare/?a=france&b=united-states-of-america", "/series/", "/network/most-cited/",
        "/alerts/follow/search/?q=trafficking", "/api/docs/",
    ]
    measured = {url: _width_and_accessibility(page, live_server.url + url) for url in pages}
    for url, allowed in THIRD_PARTY_VIOLATIONS.items():
        width, violations = measured[url]
        measured[url] = (width, [v for v in violations if v[0] not in allowed])

    get_user_model().objects.create_superuser("staff", "staff@example.org", "a-long-staff-password")
    page.goto(live_server.url + "/admin/login/?next=/admin/resolutions/sourcefile/upload/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", "a-long-staff-password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/resolutions/sourcefile/upload/")
    measured["admin upload"] = (page.evaluate("document.documentElement.scrollWidth"), axe_violations(page))

    too_wide = {url: width for url, (width, _) in measured.items() if width > PHONE["width"]}
    assert too_wide == {}
    failing = {url: violations for url, (_, violations) in measured.items() if violations}
    assert failing == {}


def test_the_search_page_shows_results_before_its_facets_on_a_phone(live_server, chromium_page, archive):
    page = chromium_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/search/?q=trafficking")
    first_hit = page.locator("li.hit").first.bounding_box()
    facets = page.locator("aside.facets").bounding_box()
    assert first_hit["y"] < facets["y"]
    assert first_hit["y"] < PHONE["height"]            # the first result is on the first screen
    # The facets are a disclosure block that works without script: its summary folds them away.
    disclosure = page.locator("details.facets-disclosure")
    assert disclosure.get_attribute("open") is not None
    page.locator("details.facets-disclosure > summary").click()
    assert disclosure.get_attribute("open") is None
    assert not page.locator("aside.facets section.facet").first.is_visible()
    # A link at the top of the results leads to them.
    page.get_by_role("link", name="Refine these results").click()
    page.wait_for_url("**#refine")


def test_the_comparison_page_stacks_its_columns_on_a_phone(live_server, chromium_page, archive):
    page = chromium_page
    older, newer = archive["older"], archive["newer"]
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + f"/compare/{older.pk}/{newer.pk}/")
    # 2008 operative 1 is 2006 operative 3 with one word changed (see test_browser_lineage): a changed row.
    row = page.locator("tr#b-op1")
    status, text = row.locator("td.status").bounding_box(), row.locator("td.text").bounding_box()
    assert text["y"] > status["y"]                       # below it, not beside it
    assert text["width"] > 0.8 * (PHONE["width"] - 40)   # the text takes the screen's width, not a 120 px column
    page.set_viewport_size({"width": 1280, "height": 900})
    status, text = row.locator("td.status").bounding_box(), row.locator("td.text").bounding_box()
    assert text["x"] > status["x"] and abs(text["y"] - status["y"]) < 5   # side by side on a wide screen
