"""The citation network in a browser: the drawing and its lists on a document page, the most-cited page and a
paragraph's addressees, without a horizontal scroll on a 390-pixel phone and clean under axe-core; the README's
screenshot of the network panel is taken here."""
from pathlib import Path

import pytest

from network.services import refresh_clusters
from resolutions.services.ingestion.ingest import ingest_file
from tests.test_browser_journey import axe_violations

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SC = "unxml-sc-resolutions"
FILES = {"2722": f"{SC}/2024/English/S_RES_2722-2400437E.xml", "2768": f"{SC}/2025/English/S_RES_2768-2500616E.xml",
         "2812": f"{SC}/2026/English/S_RES_2812-2600463E.xml"}

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium_page(chromium_page):
    chromium_page.set_default_timeout(60_000)     # nine sessions share two cores
    return chromium_page


def test_the_network_panel_is_drawn_listed_and_fits_a_phone(live_server, chromium_page, corpus_dir):
    docs = {n: ingest_file((corpus_dir / path).read_bytes(), f"{n}.xml").document for n, path in FILES.items()}
    refresh_clusters()
    page = chromium_page
    page.goto(live_server.url + docs["2768"].get_absolute_url())
    panel = page.locator(".network-panel")
    assert panel.locator("svg.network a").count() == 3          # itself, what it cites, what cites it
    assert panel.locator(".network-lists a").count() == 2
    assert axe_violations(page) == []
    panel.screenshot(path=str(SCREENSHOTS / "network.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    for url in (docs["2768"].get_absolute_url(), "/network/most-cited/"):
        page.goto(live_server.url + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
        assert axe_violations(page) == [], url
