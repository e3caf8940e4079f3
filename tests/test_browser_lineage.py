"""In a real browser: the 2008 draft's page -> "Compare with previous" -> a changed paragraph's "first appeared in".

Seeds 002 (A/C.3/61/L.7/Rev.1, 2006) and 000 (the 2008 draft) are one series; 2008
op 1 "Urges Member States ... to ratify or accede ..." is 2006 op 3 with one word
changed, so its row is "changed" and its words first appeared in 2006 op 3.
"""
import os
import shutil

import pytest

from resolutions.services.ingestion.ingest import ingest_file

from .conftest import seed_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture
def browser_page():
    if not os.path.exists(CHROMIUM) and not shutil.which("chromium"):
        pytest.skip("Chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM if os.path.exists(CHROMIUM)
                                             else shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_default_timeout(10_000)
        yield page
        browser.close()


def ingest(prefix):
    path = seed_path(prefix)
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def test_document_page_compare_with_previous_then_first_appeared_in(live_server, browser_page):
    older, newer = ingest("002"), ingest("000")
    page = browser_page
    page.goto(live_server.url + newer.get_absolute_url())
    page.get_by_role("link", name="Compare with previous").click()
    page.wait_for_url(f"**/compare/{older.pk}/{newer.pk}/")
    row = page.locator("tr#b-op1")  # the 2008 paragraph 1
    assert row.get_attribute("class") == "row-changed"
    assert "Urges Member States that have not yet done so" in row.inner_text()
    assert "and" in row.locator("ins").first.inner_text()
    row.locator("a.first-appeared-link").click()
    page.wait_for_url(f"**{older.get_absolute_url()}#op3")
    assert older.symbol in page.content()
