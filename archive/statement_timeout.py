"""A PostgreSQL ``statement_timeout`` for the public pages' reads, not for the admin, ingestion or commands.

Each public read (GET, HEAD or OPTIONS outside the admin) runs its statements with
``ARCHIVE_PUBLIC_STATEMENT_TIMEOUT_MS`` (default 5,000 ms: the slowest search measured at 100,000
documents took 0.6 s); every other request resets the connection's default before its first statement,
so a persistent connection never carries a public limit into a staff upload.  The worker and management
commands never pass through here.  A statement cancelled by the limit gives a 503 page that says why,
with Retry-After, never a traceback.  The setting costs one ``SET`` per request that reads the database,
sent with its first statement (a wrapper around the connection's execution: no connection is opened for a
request that reads nothing).
"""
from __future__ import annotations

from contextlib import ExitStack

from django.conf import settings
from django.db import OperationalError, connections
from django.http import HttpResponse

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MESSAGE = ("This request took longer than the archive allows a page ({seconds:g} s) and was stopped. "
           "Try a narrower search or a smaller comparison.")


def is_public_read(request) -> bool:
    return request.method in SAFE_METHODS and not request.path_info.startswith("/admin/")


class _SetOnFirstStatement:
    """An execute wrapper: before the connection's first statement of the request, set (or reset) the limit."""

    def __init__(self, milliseconds: int | None):
        self.milliseconds = milliseconds
        self.done = False

    def __call__(self, execute, sql, params, many, context):
        if not self.done:
            self.done = True
            # A cursor of its own on the driver's connection: the statement's cursor may be a named (server-side)
            # one, which runs nothing but its query, and Django's cursor would come back through this wrapper.
            with context["connection"].connection.cursor() as cursor:
                if self.milliseconds:
                    cursor.execute(f"SET statement_timeout = {int(self.milliseconds)}")
                else:
                    cursor.execute("RESET statement_timeout")
        return execute(sql, params, many, context)


def _cancelled(error: BaseException) -> bool:
    from psycopg import errors

    return isinstance(error.__cause__, errors.QueryCanceled)


class PublicStatementTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        milliseconds = settings.ARCHIVE_PUBLIC_STATEMENT_TIMEOUT_MS if is_public_read(request) else None
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(_SetOnFirstStatement(milliseconds)))
            return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError) and _cancelled(exception) and is_public_read(request):
            seconds = settings.ARCHIVE_PUBLIC_STATEMENT_TIMEOUT_MS / 1000
            response = HttpResponse(MESSAGE.format(seconds=seconds), status=503,
                                    content_type="text/plain; charset=utf-8")
            response["Retry-After"] = "60"
            return response
        return None
