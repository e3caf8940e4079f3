"""The floor: each query of the mix as one hand-written SQL statement on the same database.

It returns what the search page needs (the top 20 ids, the total and the counts of every document facet) in a
single round trip, with no ORM and no snippets: the least any implementation on this schema has to pay.
"""
from __future__ import annotations

from django.db import connection, transaction

from resolutions.search.planner import PLANNER_SETTINGS as SEARCH_PLANNER_SETTINGS
from resolutions.search_config import SEARCH_CONFIG

FACET_SQL = """
    (SELECT json_agg(x) FROM (SELECT body, count(*) FROM m WHERE body <> '' GROUP BY 1) x),
    (SELECT json_agg(x) FROM (SELECT session, count(*) FROM m WHERE session IS NOT NULL GROUP BY 1) x),
    (SELECT json_agg(x) FROM (SELECT extract(year FROM date) y, count(*) FROM m WHERE date IS NOT NULL GROUP BY 1) x),
    (SELECT json_agg(x) FROM (SELECT committee, count(*) FROM m WHERE committee <> '' GROUP BY 1) x),
    (SELECT json_agg(x) FROM (SELECT document_type, count(*) FROM m WHERE document_type <> '' GROUP BY 1) x),
    (SELECT json_agg(x) FROM (SELECT a.agenda_item_id, count(DISTINCT a.document_id) FROM resolutions_documentagendaitem a
                              JOIN m ON m.id = a.document_id GROUP BY 1 ORDER BY 2 DESC LIMIT 200) x),
    (SELECT json_agg(x) FROM (SELECT s.state_id, count(DISTINCT s.document_id) FROM resolutions_sponsorship s
                              JOIN m ON m.id = s.document_id WHERE s.state_id IS NOT NULL
                              GROUP BY 1 ORDER BY 2 DESC LIMIT 200) x)
"""


def floor_statement(text: str, filters: dict) -> tuple[str, list]:
    """The SQL and parameters for a query (``text`` may be empty: a facet-only browse)."""
    where, params = [], []
    rank = "0::float4"
    order = "date DESC NULLS LAST, symbol, id"
    if text:
        where.append("d.search_vector @@ websearch_to_tsquery(%s::regconfig, %s)")
        params += [SEARCH_CONFIG, text]
        rank = "ts_rank_cd(d.search_vector, websearch_to_tsquery(%s::regconfig, %s), 1)"
        order = "r DESC, date DESC NULLS LAST, id"
    for field in ("session", "committee", "body"):
        if field in filters:
            where.append(f"d.{field} = %s")
            params.append(int(filters[field]) if field == "session" else filters[field])
    # The link tables and the vote tables (issue 17's filters), each as a semi-join: one row per document.
    if "sponsor" in filters:
        where.append("d.id IN (SELECT s.document_id FROM resolutions_sponsorship s JOIN resolutions_memberstate ms "
                     "ON ms.id = s.state_id WHERE ms.slug = %s)")
        params.append(filters["sponsor"])
    if "agenda" in filters:
        where.append("d.id IN (SELECT document_id FROM resolutions_documentagendaitem WHERE agenda_item_id = %s)")
        params.append(int(filters["agenda"]))
    if "language" in filters:
        where.append("(d.language = %s OR d.id IN (SELECT document_id FROM resolutions_languageversion "
                     "WHERE language = %s))")
        params += [filters["language"], filters["language"]]
    if "vote" in filters:
        slug, vote = filters["vote"].split(":")
        where.append("d.id IN (SELECT vr.document_id FROM votes_voterecord vr JOIN votes_statevote sv "
                     "ON sv.record_id = vr.id JOIN resolutions_memberstate ms ON ms.id = sv.state_id "
                     "WHERE ms.slug = %s AND sv.vote = %s)")
        params += [slug, vote]
    rank_params = [SEARCH_CONFIG, text] if text else []
    sql = f"""
        WITH m AS (SELECT d.id, d.symbol, d.date, d.session, d.committee, d.body, d.document_type, {rank} AS r
                   FROM resolutions_document d WHERE {' AND '.join(where) or 'TRUE'})
        SELECT (SELECT count(*) FROM m),
               (SELECT json_agg(id) FROM (SELECT id FROM m ORDER BY {order} LIMIT 20) t),
               {FACET_SQL}
    """
    return sql, rank_params + params


def paragraph_statement(text: str) -> tuple[str, list]:
    """Paragraph mode by hand: every matching paragraph counted and ranked, the top 20, its kind and lead counts."""
    sql = """
        WITH q AS (SELECT websearch_to_tsquery(%s::regconfig, %s) AS query),
        m AS (SELECT p.id, p.kind, p.lead, ts_rank_cd(p.search_vector, q.query, 1) AS r
              FROM resolutions_paragraph p, q WHERE p.search_vector @@ q.query)
        SELECT (SELECT count(*) FROM m),
               (SELECT json_agg(id) FROM (SELECT id FROM m ORDER BY r DESC, id DESC LIMIT 20) t),
               (SELECT json_agg(x) FROM (SELECT kind, count(*) FROM m GROUP BY 1) x),
               (SELECT json_agg(x) FROM (SELECT lead, count(*) FROM m WHERE lead <> '' GROUP BY 1
                                         ORDER BY 2 DESC LIMIT 200) x)
    """
    return sql, [SEARCH_CONFIG, text]


def symbol_statement(symbol_key: str) -> tuple[str, list]:
    return "SELECT id FROM resolutions_document WHERE symbol_key = %s LIMIT 1", [symbol_key]


# The best plan for the statement, as a person writing it by hand would ask for: PostgreSQL prices testing
# ``@@`` on a row as one cheap call and, for a word in most documents, reads every row and decompresses its
# vector (seconds at 100,000 documents) instead of taking the rows from the GIN index; JIT compilation only
# adds time here. The same settings as resolutions.search's statements (search/planner.py).
PLANNER_SETTINGS = "; ".join(f"SET LOCAL {name} = '{value}'" for name, value in SEARCH_PLANNER_SETTINGS.items())


def lookup_statement(item) -> tuple[str, list]:
    """Issue 19's look-ups by hand: the documents citing a resolution (its stored keys, as the archive's
    lookup reads them) newest first, or a symbol prefix's documents in the order of their numbers."""
    from resolutions.citations.lookup import read_cited, symbol_prefix
    from resolutions.search.citing import NATURAL_SYMBOL_ORDER

    if item.kind == "prefix":
        prefix = symbol_prefix(item.text)
        return (f"SELECT id FROM resolutions_document WHERE symbol_key LIKE %s ORDER BY {NATURAL_SYMBOL_ORDER} "
                f"LIMIT 20", [prefix.replace("%", r"\%").replace("_", r"\_") + "%"])
    cited = read_cited(item.text)
    keys = list(cited.keys) if cited is not None else []
    return ("SELECT d.id FROM resolutions_document d WHERE d.id IN (SELECT document_id FROM resolutions_citation "
            "WHERE target_key = ANY(%s)) ORDER BY d.date DESC NULLS LAST, d.id LIMIT 20", [keys])


def run_floor(item) -> object:
    if getattr(item, "kind", "words") == "paragraphs":
        sql, params = paragraph_statement(item.text)
    elif getattr(item, "kind", "words") != "words":
        sql, params = lookup_statement(item)
    elif item.symbol:
        sql, params = symbol_statement(item.symbol)
    else:
        sql, params = floor_statement(item.text, item.filters)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(PLANNER_SETTINGS)
        cursor.execute(sql, params)
        return cursor.fetchall()
