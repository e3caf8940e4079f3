"""A PostgreSQL time limit around one read whose cost depends on the archive's contents, not the request's size.

Most reads are bounded by their own limits (rows, candidates).  A GIN lookup of
many keys is not: its cost is the length of every key's posting list, so
paragraphs shared by thousands of rows (a long document of near-identical
paragraphs, or boilerplate printed in thousands of resolutions) make it slow
whatever the key count.  :func:`statement_time_limit` gives such a read a
budget of its own (``SET LOCAL statement_timeout`` in a savepoint on the
primary) and turns PostgreSQL's cancellation into :class:`TimeLimitExceeded`,
which the caller answers with a partial result and a note, never an error page.
"""
from __future__ import annotations

from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction


class TimeLimitExceeded(Exception):
    """The read was cancelled by its statement_timeout."""


def _cancelled(error: BaseException) -> bool:
    from psycopg import errors

    return isinstance(error.__cause__, errors.QueryCanceled)


@contextmanager
def statement_time_limit(milliseconds: int, using: str = DEFAULT_DB_ALIAS):
    """Every statement inside the block runs with ``statement_timeout = milliseconds``.

    The block runs in a savepoint (so reads go to the primary, see archive.db_router);
    the previous timeout is restored on the way out, cancelled or not.
    """
    connection = connections[using]
    try:
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                # One statement: the target list is evaluated left to right, the old value read before it changes.
                cursor.execute("SELECT current_setting('statement_timeout'), set_config('statement_timeout', %s, true)",
                               [str(int(milliseconds))])
                previous = cursor.fetchone()[0]
            yield
            with connection.cursor() as cursor:
                # SET LOCAL outlives a released savepoint (until the outer transaction ends): put it back.
                cursor.execute("SELECT set_config('statement_timeout', %s, true)", [previous])
    except OperationalError as error:
        if _cancelled(error):
            raise TimeLimitExceeded(str(error)) from error
        raise
