"""The statements that answer a page: document mode's one statement (page, total and every facet count), and
paragraph mode's (``paragraph_page``: the same, over paragraphs).

Document mode answers a page with one SQL statement over the FilterSet's own SQL. Only the id and date of
each match are carried (``m``: the GIN bitmap and the filters; no vector read); the newest ``limits.keep``
are kept with one top-N sort on the date (``recent``), the newest ``limits.rank_candidates`` of them ranked
with ``ts_rank_cd`` (the only place a document vector is read, besides the page's own rows) and the newest
``limits.facet_rows`` counted per facet (``f``). The statement runs under the planner settings of
``planner.py``, so the matches come from the GIN bitmap instead of a test of ``@@`` on every row.

Words in most documents: when the planner expects more than ``limits.exact_count_limit`` matches, visiting
every match only to count it would cost more than everything else, so ``m`` is restricted to the documents
dated on or after the start of a window of the newest filtered documents, wide enough to hold about
``limits.window_factor`` times the matches kept, and the total is the planner's estimate (``estimated``).
The newest matches, the ranked candidates and the facet rows are the same as without the window; if the
window holds fewer matches than are kept, the statement runs again over every match. A text query over
more than ``limits.row_test_limit`` column-filtered documents takes the window too (PostgreSQL would test
the word on each of them, reading its vector).
"""
from __future__ import annotations

import math

from resolutions.filters import through_link_tables
from resolutions.models import Document, Paragraph
from resolutions.search.citing import NATURAL_SYMBOL_ORDER
from resolutions.search.facets import DOCUMENT_FACETS, FACET_DOCUMENT_COLUMNS, facets_sql
from resolutions.search.limits import SearchLimits
from resolutions.search.linked import linked_plan
from resolutions.search.planner import (estimated_matches, estimated_rows, fetch_planned, read_cursor,
                                        rounded)
from resolutions.search.query import ParsedQuery


def document_page(query: ParsedQuery, documents, sort: str, page: int, limits: SearchLimits,
                  facets: bool = True) -> dict | None:
    """The page of documents, the total and the raw facet counts: one SQL statement, two cheap look-ups before.

    Returns None when the query has no indexable word (the caller then shows the filtered list), else
    ``{"total", "estimated", "page": [[id, rank], ...], "facets": [rows per DOCUMENT_FACETS]}`` (no facet rows
    without ``facets``). ``query`` is a ParsedQuery or what answers as one (search/partial.py's PartialQuery).
    """
    has_query = not query.is_empty
    matching = documents.filter(search_vector=query.tsquery()) if has_query else documents
    keep, page_size = limits.keep, limits.page_size
    offset = (max(1, page) - 1) * page_size
    with read_cursor() as cursor:
        estimate, window = None, None
        ranked = has_query and sort == "relevance"      # the page is among the ranked (newest) candidates
        # The page lies among the newest (never so for the most cited, which may be old).
        newest_first = sort not in ("date_asc", "symbol", "cited")
        among_newest = ranked or (newest_first and offset + page_size <= keep)
        if has_query and through_link_tables(documents):
            # Filters through link tables: which side to read first is chosen here (search/linked.py).
            plan = linked_plan(cursor, documents, query.tsquery(), limits, windowed=among_newest)
            if plan.windowed is not None:
                found = _page_statement(cursor, plan.windowed, query, sort, offset, limits, facets)
                if found is not None and found["total"] >= keep:
                    found.update(total=max(found["total"], rounded(plan.estimate)), estimated=True)
                    return found
            return _page_statement(cursor, plan.exact, query, sort, offset, limits, facets)
        if among_newest:
            if has_query:
                estimate, filtered = estimated_rows(cursor, [matching, documents])
            else:
                estimate = filtered = estimated_matches(cursor, matching)
            # Counting every match is too slow above exact_count_limit; and PostgreSQL tests a common word
            # row by row over the filtered documents (it will not intersect a bitmap of nearly every
            # document), reading each one's vector, so a text query over many of them takes the window too.
            many_filtered = filtered > limits.row_test_limit and estimate > 4 * keep
            if estimate > limits.exact_count_limit or many_filtered:
                window = window_start(cursor, documents, keep, estimate, filtered, limits.window_factor)
        if window is not None:
            found = _page_statement(cursor, matching.filter(date__gte=window), query, sort, offset, limits, facets)
            if found is not None and found["total"] < keep:
                # The newest documents hold fewer matches than the archive's share says (a word less used lately):
                # a window four times as wide before every match (counting 50,000 matches costs far more).
                wider = window_start(cursor, documents, keep, estimate, filtered, 4 * limits.window_factor)
                if wider is not None and wider != window:
                    found = _page_statement(cursor, matching.filter(date__gte=wider), query, sort, offset, limits,
                                            facets)
            if found is not None and found["total"] >= keep:
                found.update(total=max(found["total"], rounded(estimate)), estimated=True)
                return found
        return _page_statement(cursor, matching, query, sort, offset, limits, facets)


def window_start(cursor, documents, keep: int, estimate: int, filtered: int | None = None,
                 window_factor: float = SearchLimits.window_factor):
    """The date from which the newest filtered documents hold about ``window_factor`` x ``keep`` matches, or None.

    The share of the filtered documents that match is the planner's estimate of the matches over its
    estimate of the filtered documents; the date is read off the date index through the filters, so a
    filter on old documents (``date_to``, a sponsor) gets a window among its own documents.
    """
    filtered = max(1, filtered if filtered is not None else estimated_matches(cursor, documents))
    offset = math.ceil(window_factor * keep * filtered / max(1, estimate))
    if offset >= filtered:
        return None
    if documents.query.distinct:     # filters through link tables: one row per document, then the dates
        documents = Document.objects.filter(pk__in=documents.order_by().values("pk"))
    dates = documents.filter(date__isnull=False).order_by("-date").values_list("date", flat=True)
    return next(iter(dates[offset:offset + 1]), None)


def _page_statement(cursor, matching, query: ParsedQuery, sort: str, offset: int, limits: SearchLimits,
                    facets: bool = True) -> dict | None:
    has_query = not query.is_empty
    page_size, keep = limits.page_size, limits.keep
    # Only what ordering needs is carried for every match; the facet columns are read for the newest few.
    columns = ["id", "date"] + (["symbol"] if sort != "relevance" or not has_query else [])
    columns += ["symbol_key"] if sort == "symbol" else []
    m_sql, m_params = matching.order_by().values(*columns).query.sql_with_params()
    newest = "date DESC NULLS LAST, id DESC"
    if has_query and sort == "relevance":
        # Rank the newest rank_candidates matches; the ranked page's rows carry their rank.
        page_sql = f"""
            SELECT json_agg(json_build_array(id, rank) ORDER BY rank DESC, date DESC NULLS LAST, id) FROM (
                SELECT c.id, c.date, {query.rank_sql("d.search_vector")} AS rank
                FROM recent c JOIN resolutions_document d ON d.id = c.id, q
                WHERE c.pos <= {limits.rank_candidates}
                ORDER BY rank DESC, c.date DESC NULLS LAST, c.id LIMIT {page_size} OFFSET {offset}) t"""
    else:
        order = {"date_asc": "date ASC NULLS LAST, symbol, id",
                 # A symbol prefix listed in the natural order of its numbers (resolutions.search.citing).
                 "symbol": f"{NATURAL_SYMBOL_ORDER}, id"}.get(sort, "date DESC NULLS LAST, symbol, id")
        rows = "SELECT * FROM m"
        if sort == "cited":
            # The network's count of citing documents (network.NetworkNode), most cited first, then the newest.
            order = f"cited_by DESC, {order}"
            rows = "SELECT m.*, coalesce(c.cited_by, 0) AS cited_by FROM m LEFT JOIN network_networknode c ON c.document_id = m.id"
        rank = query.rank_sql("d.search_vector") if has_query else "NULL::real"
        page_sql = f"""
            SELECT json_agg(json_build_array(p.id, {rank}) ORDER BY p.n) FROM (
                SELECT id, row_number() OVER (ORDER BY {order}) AS n FROM (
                    {rows} ORDER BY {order} LIMIT {page_size} OFFSET {offset}) x) p
            JOIN resolutions_document d ON d.id = p.id, q"""
    q_sql, q_params = query.q_sql() if has_query else ("NULL::tsquery AS query", [])
    facet_sql = ""
    if facets:
        facet_sql = f""",
        f AS MATERIALIZED (
            SELECT {FACET_DOCUMENT_COLUMNS}
            FROM recent r JOIN resolutions_document d ON d.id = r.id WHERE r.pos <= {limits.facet_rows})"""
    facet_columns = f", {facets_sql(DOCUMENT_FACETS)}" if facets else ""
    sql = f"""
        WITH q AS (SELECT {q_sql}),
        m AS MATERIALIZED ({m_sql}),
        recent AS MATERIALIZED (
            SELECT r.*, row_number() OVER (ORDER BY {newest}) AS pos
            FROM (SELECT * FROM m ORDER BY {newest} LIMIT {keep}) r){facet_sql}
        SELECT (SELECT coalesce(numnode(query), 1) FROM q), (SELECT count(*) FROM m), ({page_sql}){facet_columns}
    """
    params = q_params + list(m_params)
    nodes, total, page_rows, *facet_rows = fetch_planned(cursor, sql, params)
    if has_query and nodes == 0:
        return None
    return {"total": total, "estimated": False, "page": page_rows or [],
            "facets": [rows or [] for rows in facet_rows]}


# Paragraph mode's orders besides relevance, as order_paragraphs (ranking.py) gives them to the exports, written over
# the sort keys of a match: its document's date, the network's count of documents citing it (most cited first), the
# paragraph's document and place.
PARAGRAPH_ORDERS = {
    "date": "k_date DESC NULLS LAST, k_document, k_order",
    "date_asc": "k_date ASC NULLS LAST, k_document, k_order",
    "cited": "k_cited DESC NULLS LAST, k_date DESC NULLS LAST, k_document, k_order",
}


def paragraph_page(query: ParsedQuery, matched, sort: str, page: int, limits: SearchLimits, *,
                   estimated: bool, definitions) -> dict:
    """Paragraph mode's page, total and every facet count of ``definitions``: one SQL statement, as document mode.

    ``matched``: the filtered paragraphs (``Paragraph`` or a language version's ``VersionParagraph``) matching the
    query. The newest ``limits.keep`` matches by id (the latest stored) are read once (``recent``): relevance ranks
    the newest ``limits.rank_candidates`` of them and the facets count the newest ``limits.facet_rows``; the other
    orders page through every match. ``estimated``: the total is the planner's (more than exact_count_limit
    expected), so the matches are not counted and, in relevance order, never all visited.
    Returns ``{"total": int | None, "page": [[id, rank], ...], "facets": [rows per definition]}``.
    """
    has_query = not query.is_empty
    table = matched.model._meta.db_table
    m_sql, m_params = matched.order_by().values("id").query.sql_with_params()
    offset = (max(1, page) - 1) * limits.page_size
    rank = query.rank_sql("p.search_vector") if has_query else "NULL::real"
    key = "relevance" if has_query and sort not in PARAGRAPH_ORDERS else (sort if sort in PARAGRAPH_ORDERS else "date")
    if key == "relevance":
        page_sql = f"""
            SELECT json_agg(json_build_array(id, rank) ORDER BY rank DESC, date DESC NULLS LAST, document_id, "order")
            FROM (SELECT p.id, {rank} AS rank, d.date, p.document_id, p."order"
                  FROM recent r JOIN {table} p ON p.id = r.id JOIN resolutions_document d ON d.id = p.document_id, q
                  WHERE r.pos <= {limits.rank_candidates}
                  ORDER BY rank DESC, d.date DESC NULLS LAST, p.document_id, p."order"
                  LIMIT {limits.page_size} OFFSET {offset}) t"""
    else:
        order = PARAGRAPH_ORDERS[key]
        cited = "LEFT JOIN network_networknode nn ON nn.document_id = d.id" if key == "cited" else ""
        # Only the page's rows are ranked (a vector read each), after the order chose them.
        page_sql = f"""
            SELECT json_agg(json_build_array(p.id, {rank}) ORDER BY x.n) FROM (
                SELECT id, row_number() OVER (ORDER BY {order}) AS n FROM (
                    SELECT * FROM (
                        SELECT p.id, d.date AS k_date, p.document_id AS k_document, p."order" AS k_order,
                               {"nn.cited_by" if cited else "NULL::int"} AS k_cited
                        FROM m JOIN {table} p ON p.id = m.id JOIN resolutions_document d ON d.id = p.document_id {cited}
                    ) keyed ORDER BY {order} LIMIT {limits.page_size} OFFSET {offset}) y) x
            JOIN {table} p ON p.id = x.id, q"""
    if table == Paragraph._meta.db_table:
        pf_sql = f"SELECT p.id, p.kind, p.lead, p.document_id FROM recent r JOIN {table} p ON p.id = r.id"
    else:
        # A language version's rows (resolutions.languages) count as the main text's paragraph at their anchor for
        # the facets read from the main text (addressees); their own kind and lead for the others.
        pf_sql = f"""SELECT (SELECT mp.id FROM resolutions_paragraph mp WHERE mp.document_id = p.document_id
                                AND mp.anchor = p.anchor LIMIT 1) AS id, p.kind, p.lead, p.document_id
                     FROM recent r JOIN {table} p ON p.id = r.id"""
    q_sql, q_params = query.q_sql() if has_query else ("NULL::tsquery AS query", [])
    sql = f"""
        WITH q AS (SELECT {q_sql}),
        m AS ({m_sql}),
        recent AS MATERIALIZED (
            SELECT id, row_number() OVER (ORDER BY id DESC) AS pos
            FROM (SELECT id FROM m ORDER BY id DESC LIMIT {limits.keep}) r),
        pf AS MATERIALIZED ({pf_sql} WHERE r.pos <= {limits.facet_rows}),
        f AS MATERIALIZED (
            SELECT {FACET_DOCUMENT_COLUMNS} FROM resolutions_document d
            WHERE d.id IN (SELECT document_id FROM pf))
        SELECT {"NULL" if estimated else "(SELECT count(*) FROM m)"}, ({page_sql}), {facets_sql(definitions)}
    """
    with read_cursor() as cursor:
        total, page_rows, *facet_rows = fetch_planned(cursor, sql, q_params + list(m_params))
    return {"total": total, "page": page_rows or [], "facets": [rows or [] for rows in facet_rows]}
