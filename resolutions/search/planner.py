"""The database side of a search statement: the read connection, planner settings, the planner's estimates.

The planner prices ``search_vector @@ query`` on a row as one cheap function call, so for a word in most
documents it prefers reading every row and testing it; but testing a row means decompressing its 10 kB
document vector (2 s over 100,000 documents), while the GIN bitmap gives the same rows without reading a
vector. Sequential scans are therefore off for the search statements; JIT compilation (tens of ms to save
nothing here) too; and the matches' small columns are sorted in memory.
"""
from __future__ import annotations

import json
from contextlib import contextmanager

from django.db import connection

PLANNER_SETTINGS = {"enable_seqscan": "off", "jit": "off", "work_mem": "64MB"}


def read_cursor():
    """A cursor on the connection the router gives public reads (a replica when DATABASE_REPLICA_URLS is set)."""
    from archive.db_router import connection_for_read
    from resolutions.models import Paragraph

    return connection_for_read(Paragraph).cursor()


@contextmanager
def planner_settings(cursor):
    cursor.execute("; ".join(f"SET {name} = '{value}'" for name, value in PLANNER_SETTINGS.items()))
    try:
        yield
    finally:
        cursor.execute("; ".join(f"RESET {name}" for name in PLANNER_SETTINGS))


def _server_side_binding() -> bool:
    return bool(connection.settings_dict.get("OPTIONS", {}).get("server_side_binding"))


def fetch_planned(cursor, sql: str, params) -> tuple:
    """Run one search statement under PLANNER_SETTINGS and return its one row.

    Outside a transaction, in one round trip: the settings are SET LOCAL in the same query string, which
    PostgreSQL runs as one implicit transaction, so they end with it (client-side parameter binding, the
    default of Django's psycopg backend, allows several statements in one string). Inside a transaction
    (or with server-side binding) they are set and reset around the statement instead.
    """
    if connection.in_atomic_block or _server_side_binding():
        with planner_settings(cursor):
            cursor.execute(sql, params)
            return cursor.fetchone()
    settings = "".join(f"SET LOCAL {name} = '{value}'; " for name, value in PLANNER_SETTINGS.items())
    cursor.execute(settings + sql, params)
    while cursor.description is None and cursor.nextset():
        pass
    return cursor.fetchone()


def _plan_rows(plan) -> int:
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def estimated_rows(cursor, querysets) -> list[int]:
    """The planner's estimates for several querysets, in one round trip where the driver allows it."""
    if _server_side_binding():
        return [estimated_matches(cursor, qs) for qs in querysets]
    statements, params = [], []
    for qs in querysets:
        sql, qs_params = qs.order_by().values("id").query.sql_with_params()
        statements.append("EXPLAIN (FORMAT JSON) " + sql)
        params.extend(qs_params)
    cursor.execute("; ".join(statements), params)
    out = []
    while True:
        out.append(_plan_rows(cursor.fetchone()[0]))
        if not cursor.nextset():
            return out


def estimated_matches(cursor, matching) -> int:
    """The planner's estimate of the number of rows ``matching`` returns (statistics only, nothing read)."""
    sql, params = matching.order_by().values("id").query.sql_with_params()
    cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
    return _plan_rows(cursor.fetchone()[0])


def rounded(n: int) -> int:
    """An estimate to three significant digits (123,456 -> 123,000)."""
    if n < 1000:
        return n
    scale = 10 ** (len(str(n)) - 3)
    return round(n / scale) * scale
