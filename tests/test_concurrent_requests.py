"""Two comparisons of the largest document at once leave every other page answering, under gunicorn with the
production settings and archive/gunicorn.conf.py (issue 18, finding 1: with two sync workers both were busy
for over a minute and every other page waited).

No durations are asserted: other pages are requested while both comparison requests are open, and the test
counts the answers that came back before either comparison had answered; with a worker per request
(gunicorn's sync workers, 2 of them) there can be none (tried: 0).
"""
import datetime
import threading
import urllib.request

import pytest

from bench import load
from tests.seeded import clear_archive
from tests.test_compare import long_document

pytestmark = pytest.mark.django_db

OTHER_PAGES = ["/", "/search/?q=decides", "/browse/bodies/", "/api/documents/", "/compare/", "/series/"]


@pytest.fixture(scope="module")
def largest_document(django_db_setup, django_db_blocker):
    """A committed 10,000-paragraph document (gunicorn's workers must see it), removed afterwards."""
    with django_db_blocker.unblock():
        clear_archive()
        document = long_document("A/RES/99/1", datetime.date(2020, 1, 1), 10_000)
        yield document
        clear_archive()


def fetch(url: str, results: list, name: str, answered: threading.Event | None = None) -> None:
    """GET ``url``; ``answered`` is set as soon as the response's status line and headers have arrived."""
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            if answered is not None:
                answered.set()
            response.read()
            results.append((name, response.status))
    except urllib.error.HTTPError as error:
        results.append((name, error.code))
    except OSError as error:
        results.append((name, repr(error)))
    finally:
        if answered is not None:
            answered.set()


def test_two_comparisons_of_the_largest_document_leave_other_pages_answering(largest_document, monkeypatch):
    monkeypatch.setenv("ARCHIVE_HEAVY_RATE", "1000/minute")
    monkeypatch.setenv("ARCHIVE_API_ANON_RATE", "1000/minute")
    port = load.free_port()
    base = f"http://127.0.0.1:{port}"
    server = load.subprocess.Popen(
        [load.sys.executable, "-m", "gunicorn", "archive.wsgi:application", "-c", "archive/gunicorn.conf.py",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=load.ROOT, env=load.server_env(), stdout=load.subprocess.DEVNULL, stderr=load.subprocess.DEVNULL)
    try:
        load.wait_until_ready(base + "/", server)
        comparisons: list = []
        compare_url = f"{base}/compare/{largest_document.pk}/{largest_document.pk}/"
        started = [threading.Event() for _ in range(2)]
        running = [threading.Thread(target=fetch, args=(compare_url, comparisons, "compare", event))
                   for event in started]
        for thread in running:
            thread.start()
        answered, during = [], 0
        # Other pages, one after another, as long as neither comparison has answered (a first round in any case).
        while len(answered) < len(OTHER_PAGES) or not any(event.is_set() for event in started):
            path = OTHER_PAGES[len(answered) % len(OTHER_PAGES)]
            fetch(base + path, answered, path)
            if not any(event.is_set() for event in started):
                during += 1
            if len(answered) >= 200:
                break
        for thread in running:
            thread.join(timeout=600)
    finally:
        load.stop(server)
    assert [status for _, status in comparisons] == [200, 200], comparisons
    assert all(status == 200 for _, status in answered), [a for a in answered if a[1] != 200]
    assert during >= 1, "no other page answered while both comparisons were running"
