"""In a real browser (Debian's Chromium): A/RES/80/1 read in English, switched to French at operative 3 and to
Arabic (right to left), then side by side with Arabic, wide and on a 390-pixel phone; the Chinese and Arabic text
drawn with fonts that have their glyphs; axe-core finds no WCAG 2.1 A/AA violation on any of these pages."""
from __future__ import annotations

import subprocess

import pytest

from tests.language_files import ingest, language_files, xml_paragraphs
from tests.test_browser_journey import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def resolution(corpus_dir):
    files = language_files(corpus_dir, "A/RES/80/1")
    for path in files.values():
        assert ingest(path).status == "parsed"
    return files


def _fonts_for(page, selector: str) -> set[str]:
    """The platform fonts Chromium drew the element's text with (DevTools' CSS.getPlatformFontsForNode)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"] for font in fonts if font["glyphCount"] > 0}


def _installed_families(language: str) -> set[str]:
    out = subprocess.run(["fc-list", f":lang={language}", "family"], capture_output=True, text=True).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",")}


def test_switch_to_french_at_operative_3_without_losing_the_paragraph(live_server, chromium_page, resolution):
    page = chromium_page
    page.goto(f"{live_server.url}/A/RES/80/1/#op3")
    nav = page.get_by_role("navigation", name="Languages of this document")
    nav.get_by_role("link", name="Français", exact=True).first.click()
    page.wait_for_url("**/A/RES/80/1/?lang=fr#op3")
    french = xml_paragraphs(resolution["fr"])["3"]
    assert " ".join(page.locator("#op3").inner_text().split())[3:33] == french[:30]
    assert page.locator(".document-text").get_attribute("lang") == "fr"
    assert page.locator("h1.title").get_attribute("lang") == "fr"
    assert axe_violations(page) == []


def test_the_switcher_is_plain_links_that_work_without_javascript(live_server, resolution):
    import os
    import shutil

    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM_ARGS
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(executable):
        pytest.skip("Chromium is not installed: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_context(java_script_enabled=False).new_page()
        page.goto(f"{live_server.url}/A/RES/80/1/")
        page.get_by_role("navigation", name="Languages of this document").get_by_role(
            "link", name="Русский", exact=True).first.click()
        page.wait_for_url("**/A/RES/80/1/?lang=ru")
        assert page.locator("#op3").count() == 1
        assert page.locator(".document-text").get_attribute("lang") == "ru"
        browser.close()


def test_arabic_reads_right_to_left_in_a_font_with_arabic_glyphs(live_server, chromium_page, resolution):
    page = chromium_page
    page.goto(f"{live_server.url}/A/RES/80/1/?lang=ar#op2")
    text = page.locator(".document-text")
    assert text.get_attribute("lang") == "ar" and text.get_attribute("dir") == "rtl"
    assert page.locator("#op2").evaluate("el => getComputedStyle(el).direction") == "rtl"
    arabic = xml_paragraphs(resolution["ar"])["2"]
    assert arabic[:20] in " ".join(page.locator("#op2").inner_text().split())
    installed = _installed_families("ar")
    assert installed, "no font with Arabic glyphs is installed (apt-get install fonts-noto-core or fonts-dejavu)"
    assert _fonts_for(page, "#op2 p") & installed
    assert axe_violations(page) == []


def test_chinese_is_drawn_with_a_chinese_font(live_server, chromium_page, resolution):
    installed = _installed_families("zh")
    if not installed:
        pytest.skip("No font with Chinese glyphs is installed: apt-get install fonts-noto-cjk (.ci/run does).")
    page = chromium_page
    page.goto(f"{live_server.url}/A/RES/80/1/?lang=zh")
    assert page.locator(".document-text").get_attribute("lang") == "zh"
    used = _fonts_for(page, "#op2 p")
    assert used & installed, used


def test_side_by_side_aligns_paragraphs_and_stacks_on_a_phone(live_server, chromium_page, resolution):
    page = chromium_page
    page.goto(f"{live_server.url}/A/RES/80/1/")
    nav = page.get_by_role("navigation", name="Languages of this document")
    nav.locator("a[hreflang=ar]").last.click()            # "Side by side with" العربية
    page.wait_for_url("**/A/RES/80/1/?lang=en&beside=ar")
    row = page.locator("#op3")
    english, arabic = row.locator(".sbs-cell").nth(0), row.locator(".sbs-cell").nth(1)
    assert xml_paragraphs(resolution["en"])["3"][:30] in " ".join(english.inner_text().split())
    assert xml_paragraphs(resolution["ar"])["3"][:20] in " ".join(arabic.inner_text().split())
    assert arabic.get_attribute("dir") == "rtl" and arabic.get_attribute("lang") == "ar"
    left, right = english.bounding_box(), arabic.bounding_box()
    assert right["x"] >= left["x"] + left["width"] and abs(right["y"] - left["y"]) < 2    # beside each other
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    left, right = english.bounding_box(), arabic.bounding_box()
    assert right["y"] >= left["y"] + left["height"]                                        # stacked
    assert page.evaluate("document.documentElement.scrollWidth") <= 390                    # no sideways scrolling
    assert axe_violations(page) == []
