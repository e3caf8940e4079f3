"""Public reads run under a PostgreSQL statement_timeout; the admin does not; a statement that runs past it is a
503 page that says why, never a server error's traceback (archive/statement_timeout.py)."""
import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from archive.statement_timeout import PublicStatementTimeoutMiddleware
from resolutions.selectors.time_limits import TimeLimitExceeded, statement_time_limit

pytestmark = pytest.mark.django_db


def timeout_seen(path: str, method: str = "get") -> str:
    """The statement_timeout a request's own statements run under."""
    seen = {}

    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            seen["value"] = cursor.fetchone()[0]
        return HttpResponse("ok")

    middleware = PublicStatementTimeoutMiddleware(view)
    middleware(getattr(RequestFactory(), method)(path))
    return seen["value"]


def test_public_reads_have_a_statement_timeout_and_the_admin_does_not(settings):
    settings.ARCHIVE_PUBLIC_STATEMENT_TIMEOUT_MS = 4000
    assert timeout_seen("/search/?q=trafficking") == "4s"
    assert timeout_seen("/compare/1/2/", "head") == "4s"
    # The same connection, next an admin page and an upload: the default again, not the public limit.
    assert timeout_seen("/admin/resolutions/document/") == "0"
    assert timeout_seen("/search/") == "4s"
    assert timeout_seen("/search/", "post") == "0"


def test_a_public_read_past_its_time_is_a_503_that_says_why(client, settings):
    settings.ARCHIVE_PUBLIC_STATEMENT_TIMEOUT_MS = 50

    def slow(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(2)")   # 2 s against a 50 ms limit: always cancelled
        return HttpResponse("never")

    middleware = PublicStatementTimeoutMiddleware(slow)
    request = RequestFactory().get("/search/")
    try:
        response = middleware(request)
    except Exception as error:   # as Django's handler does: the middleware turns the exception into a response
        response = middleware.process_exception(request, error)
    assert response.status_code == 503 and response["Retry-After"]
    assert b"took longer than the archive allows" in response.content


def test_a_time_limited_read_is_cancelled_and_the_connection_keeps_its_own_limit():
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 7000")
    with pytest.raises(TimeLimitExceeded):
        with statement_time_limit(20):
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_sleep(2)")
    with statement_time_limit(5000):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "7s"
