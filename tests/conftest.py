"""Shared fixtures: where the sample documents and the real corpus live."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def seed_path(prefix: str) -> Path:
    """samples/000_*.txt etc., by their three-digit prefix."""
    (path,) = SAMPLES.glob(f"{prefix}_*")
    return path


@pytest.fixture
def seed_bytes():
    return lambda prefix: seed_path(prefix).read_bytes()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.exists():
        pytest.skip(f"The real corpus is not at {CORPUS} (it sits beside the project as ../shared/corpus/real).")
    return CORPUS


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture
def chromium_page():
    """A page in Debian's Chromium driven by Playwright (never a downloaded browser)."""
    import os
    import shutil

    executable = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if executable is None:
        pytest.skip("Chromium is not installed: run `apt-get install chromium` (.ci/run does) to run browser tests.")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's ORM calls stay synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(10_000)
        yield page
        browser.close()


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Every test client comes from one address: tests other than the rate limits' own (test_rate_limits.py,
    test_api.py, test_replica_router.py set their rates through settings) run without the per-client allowances,
    whose counts live in the database (and whose bookkeeping queries are not the page's own)."""
    settings.ARCHIVE_RATE_LIMITS = {"anon": None, "heavy": None}
    # The document page cache (resolutions/page_cache.py) forgets pages when a write commits; a test's writes never
    # commit (the test's transaction is rolled back), so the page cache is off except in its own tests
    # (test_page_cache.py), which run the commit callbacks.
    settings.ARCHIVE_PAGE_CACHE = False
