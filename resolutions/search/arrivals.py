"""The newest arrivals among a search's matches: what feeds and alerts show ("what is new"), newest added first.

A feed or an alert is about what has just come into the archive, so its order is the order documents were stored
(their id), not their adoption date: a resolution of 1990 uploaded today is news. Reading the newest ``limit``
matches must stay bounded at any size:

* Without a text query the filters alone decide and PostgreSQL walks the primary key backwards (no vector read).
* With one, testing ``@@`` row by row while walking the key reads a 10 kB document vector per row (seconds for a
  rare word), so the matches' ids come from the GIN bitmap under the search's planner settings, materialised, and
  the newest are kept with a top-N sort. For a word in most documents (above ``exact_count_limit`` expected
  matches) the statement first looks only at a window of the newest ids wide enough to hold about
  ``window_factor`` times ``limit`` matches (read off the primary key through the filters), as document mode
  does with dates (``statement.py``); if the window holds fewer, it runs again over every match.
"""
from __future__ import annotations

import math

from resolutions.search.limits import DEFAULT_LIMITS, SearchLimits
from resolutions.search.planner import estimated_rows, fetch_planned, read_cursor
from resolutions.search.query import ParsedQuery


def newest_arrivals(documents, query: ParsedQuery, limit: int, limits: SearchLimits = DEFAULT_LIMITS) -> list[int]:
    """The ids of the ``limit`` most recently stored documents of ``documents`` (a filtered Document queryset)
    that match ``query``, newest first."""
    if limit <= 0:
        return []
    if query.is_empty:
        return list(documents.order_by("-pk").values_list("pk", flat=True)[:limit])
    matching = documents.filter(search_vector=query.tsquery())
    with read_cursor() as cursor:
        estimate, filtered = estimated_rows(cursor, [matching, documents])
        if estimate > limits.exact_count_limit:
            offset = math.ceil(limits.window_factor * limit * max(1, filtered) / max(1, estimate))
            if documents.query.distinct:   # through link tables: one row per document
                documents = documents.model.objects.filter(pk__in=documents.order_by().values("pk"))
            start = next(iter(documents.order_by("-pk").values_list("pk", flat=True)[offset:offset + 1]), None)
            if start is not None:
                ids = _newest(cursor, matching.filter(pk__gte=start), limit)
                if len(ids) >= limit:
                    return ids
        return _newest(cursor, matching, limit)


def _newest(cursor, matching, limit: int) -> list[int]:
    sql, params = matching.order_by().values("id").query.sql_with_params()
    statement = f"""
        WITH m AS MATERIALIZED ({sql})
        SELECT coalesce(array_agg(id ORDER BY id DESC), ARRAY[]::bigint[])
        FROM (SELECT id FROM m ORDER BY id DESC LIMIT {int(limit)}) newest"""
    (ids,) = fetch_planned(cursor, statement, params)
    return list(ids or [])
