"""Snippets: the matching words in context, computed only for the rows on the page (``ts_headline`` is the
expensive part of a search).

The best two matching paragraphs of each document shown (filled up with its matching footnotes) come from
one query with a window function that reads only the page's paragraphs; the page's titles with their
matching words marked from one more. Matching words are marked with two private-use characters
(``MARK_START`` ... ``MARK_END``), which the query cleaning removes from user input; the web page and the
API turn them into ``<mark>`` after escaping the text (``resolutions/templatetags/search_text.py``), so no
text from a document is ever rendered as markup.
"""
from __future__ import annotations

from dataclasses import dataclass

from resolutions.languages.segmentation import mark_words
from resolutions.search.planner import read_cursor
from resolutions.search.query import ParsedQuery
from resolutions.search.scoring import rank_sql
from resolutions.search_config import compounds_sql
from resolutions.un import anchors

MARK_START, MARK_END = "\ue000", "\ue001"
SNIPPETS_PER_DOCUMENT = 2
HEADLINE_OPTIONS = (f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=15, MaxFragments=2, "
                    "FragmentDelimiter= … ")


@dataclass
class Snippet:
    paragraph_id: int | None        # None for a footnote
    anchor: str                     # 'op4', 'pp3', 'op4-a', 's2-op1', 'annex-1-p3' or 'fn7'
    text: str                       # the matching words between MARK_START and MARK_END
    kind: str = "paragraph"         # "paragraph" | "footnote"
    language: str = ""              # the language version it is from ('' for the main text): the page's ?lang=

    @property
    def label(self) -> str:
        """Where the snippet is, in words: 'operative 4', 'preambular 3', 'operative 4 (a)', 'footnote 7'."""
        return anchors.describe(self.anchor)




def _text_tables(query: ParsedQuery) -> tuple[str, str, str]:
    """The rows a snippet is read from: the main text's, or, for a search in a language version's language
    (``query.language``), that version's (``resolutions.languages``: a subquery taking the language parameter
    after the query's), with the same columns: paragraphs, footnotes, and the footnote's annex number."""
    if not query.language:
        return ("resolutions_paragraph", "resolutions_footnote",
                '(SELECT a."order" FROM resolutions_annex a WHERE a.id = f.annex_id)')
    return ("""(SELECT vp.* FROM resolutions_versionparagraph vp JOIN resolutions_languageversion v
                  ON v.id = vp.version_id AND v.language = %s) AS vp_rows""",
            """(SELECT vf.*, v.document_id FROM resolutions_versionfootnote vf JOIN resolutions_languageversion v
                  ON v.id = vf.version_id AND v.language = %s)""", "f.annex_order")


def _marked(headline: str, query: ParsedQuery) -> str:
    """Chinese words marked in Python (``ts_headline`` cannot find them); any other headline as PostgreSQL made it."""
    return mark_words(headline, query.text, query.language, MARK_START, MARK_END)


def _language_param(query: ParsedQuery) -> list:
    return [query.language] if query.language else []


def snippets_for_documents(document_ids: list[int], query: ParsedQuery) -> dict[int, list[Snippet]]:
    """The best matching paragraphs of each document on the page, marked (one query).

    A document that matches only in its footnotes shows its best matching footnotes instead
    (anchor ``fn<marker>``, ``annex-1-fn<marker>`` in an annex); footnotes have no stored vector, but only the page's documents are read.
    """
    if not document_ids or query.is_empty:
        return {}
    paragraphs, footnotes, annex_order = _text_tables(query)
    q_sql, q_params = query.q_sql()
    headline_sql, headline_params = query.headline_sql()
    # The main text's footnotes are indexed with their compounds written both ways, as the paragraphs are.
    footnote_vector = f"to_tsvector(%s::regconfig, {'f.text' if query.language else compounds_sql('f.text')})"
    sql = f"""
        WITH q AS (SELECT {q_sql}), h AS (SELECT {headline_sql} AS query),
        candidates AS (
            SELECT p.id, p.document_id, p.text, p.anchor, NULL::integer AS annex_order, p."order", 0 AS source,
                   {rank_sql("p.search_vector", "q.query")} AS rank
            FROM (SELECT * FROM {paragraphs} WHERE document_id = ANY(%s) OFFSET 0) p, q
            WHERE p.search_vector @@ q.query
            UNION ALL
            SELECT f.id, f.document_id, f.text, f.marker, {annex_order}, f."order", 1,
                   {rank_sql(footnote_vector, "q.query")}
            FROM {footnotes} f, q
            WHERE f.document_id = ANY(%s) AND {footnote_vector} @@ q.query
        ),
        ranked AS (
            SELECT c.*, row_number() OVER (PARTITION BY c.document_id
                                           ORDER BY c.source, c.rank DESC, c."order") AS n
            FROM candidates c
        )
        SELECT p.id, p.document_id, p.source, p.anchor, p.annex_order, ts_headline(%s::regconfig, p.text, h.query, %s)
        FROM ranked p, h
        WHERE p.n <= %s
        ORDER BY p.document_id, p.n
    """
    ids = list(document_ids)
    out: dict[int, list[Snippet]] = {}
    with read_cursor() as cursor:
        config = query.config
        language = _language_param(query)
        cursor.execute(sql, [*q_params, *headline_params, *language, ids, config, *language, ids, config, config,
                             HEADLINE_OPTIONS, SNIPPETS_PER_DOCUMENT])
        for row_id, document_id, source, anchor, annex_order, headline in cursor.fetchall():
            # A footnote's row carries its marker: its anchor is the rule's (resolutions.un.anchors.footnote).
            out.setdefault(document_id, []).append(
                Snippet(row_id if source == 0 else None, anchors.footnote(anchor, annex_order) if source else anchor,
                        _marked(headline, query), "footnote" if source == 1 else "paragraph", query.language))
    return out


def titles_for_documents(document_ids: list[int], query: ParsedQuery) -> dict[int, str]:
    """The titles of the documents on the page with the query's words marked (one query)."""
    if not document_ids or query.is_empty:
        return {}
    # A search in a language version's language marks that version's title.
    titles = ("(SELECT document_id AS id, title FROM resolutions_languageversion WHERE language = %s)"
              if query.language else "resolutions_document")
    headline_sql, headline_params = query.headline_sql()
    with read_cursor() as cursor:
        cursor.execute(
            f"SELECT d.id, ts_headline(%s::regconfig, d.title, {headline_sql}, %s) "
            f"FROM {titles} d WHERE d.id = ANY(%s) AND d.title <> ''",
            [query.config, *headline_params,
             f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true", *_language_param(query),
             list(document_ids)])
        return {pk: _marked(title, query) for pk, title in cursor.fetchall()}


def headlines_for_paragraphs(paragraph_ids: list[int], query: ParsedQuery) -> dict[int, tuple[str, str]]:
    """Anchor and marked text of each paragraph on the page (one query)."""
    if not paragraph_ids:
        return {}
    if query.is_empty:
        text_sql, params = "p.text", []
    else:
        headline_sql, headline_params = query.headline_sql()
        text_sql = f"ts_headline(%s::regconfig, p.text, {headline_sql}, %s)"
        params = [query.config, *headline_params, HEADLINE_OPTIONS.replace("MaxFragments=2", "MaxFragments=0")]
    table = "resolutions_versionparagraph" if query.language else "resolutions_paragraph"
    sql = f"""
        SELECT p.id, p.anchor, {text_sql}, p.text FROM {table} p WHERE p.id = ANY(%s)
    """
    with read_cursor() as cursor:
        cursor.execute(sql, params + [list(paragraph_ids)])
        return {pid: (anchor, _marked(with_cuts(headline, text), query))
                for pid, anchor, headline, text in cursor.fetchall()}


def with_cuts(headline: str, text: str) -> str:
    """The headline with '…' where ``ts_headline`` cut the paragraph's text (before it, after it, or both)."""
    shown = headline.replace(MARK_START, "").replace(MARK_END, "").split()
    words = text.split()
    if not shown or len(shown) >= len(words):
        return headline
    start = next((i for i in range(len(words) - len(shown) + 1) if words[i:i + len(shown)] == shown), 0)
    return (("… " if start > 0 else "") + headline.strip()
            + (" …" if start + len(shown) < len(words) else ""))
