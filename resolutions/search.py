"""Full-text search, all in one place: weights, query parsing, ranking, snippets, facets, suggestions.

Design
------
* Two stored ``tsvector`` columns with GIN indexes, in the language
  configuration of ``search_config.SEARCH_CONFIG``:
  - ``Paragraph.search_vector`` is a generated column (lead and text, weight B
    for operative paragraphs, C for preambular ones), so it can never go stale;
  - ``Document.search_vector`` is written by :func:`index_document` right after
    ingestion, in the same transaction: symbol and title weight A, operative
    text B, preambular text C, footnotes D.  Document results match and rank
    on this one vector, so a search touches one row per document, not one row
    per paragraph.
* Queries go through ``websearch_to_tsquery``: quoted phrases, ``OR``, ``-word``;
  it never raises on odd input, so any text is a valid query.  A query that
  looks like a document symbol goes straight to that document.
* Document mode answers a page with one SQL statement (:func:`_document_page`): the page, the total and
  every facet count, over the FilterSet's own SQL. Only the id and date of each match are carried (the
  GIN bitmap and the filters; no vector read); the newest ``RANK_CANDIDATES`` matches are ranked with
  ``ts_rank_cd`` (weights above, normalised by length, flag 1) and the newest ``FACET_ROWS`` are counted
  per facet (many-to-many facets on their link tables joined to those rows only); above those numbers
  the page says so, and sorting by date reaches every match. Reading a document vector costs
  15-40 us, so ranking or testing every match of a common word would take seconds: the statement runs
  with sequential scans and JIT off (``PLANNER_SETTINGS``), which makes PostgreSQL take the matches from
  the GIN bitmap instead of testing ``@@`` row by row.
* Words in most documents: above ``EXACT_COUNT_LIMIT`` matches expected by the planner, the statement
  reads only a window of the newest documents (a bitmap AND of the GIN and date indexes), which holds
  the same newest matches; the total is then the planner's estimate, said as "About N". The window is
  read through the filters, and a text query over more than ``ROW_TEST_LIMIT`` column-filtered
  documents takes it too (PostgreSQL would test the word on each of them, reading its vector).
* Paragraph mode uses the same estimate above ``EXACT_COUNT_LIMIT``, ranks the latest
  ``RANK_CANDIDATES`` matches and groups facets (one query each) over the newest ``FACET_ROWS``.
* Snippets (``ts_headline``, the expensive part) are computed only for the rows
  on the page: the best two matching paragraphs of each document shown (filled up
  with its matching footnotes), in one query with a window function that reads only the page's
  paragraphs, and the page's titles with their matching words marked, in one more.  The highlight
  markers are private-use characters replaced by ``<mark>`` after HTML escaping, so no text from a
  document is ever rendered as markup.
* Suggestions for a query with no hits: the archive's own words (the
  ``SearchTerm`` table, words not stems, kept by :func:`index_document`)
  matched by edit distance with rapidfuzz.
"""
from __future__ import annotations

import html
import json
import math
import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Count, F, FloatField
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear

from resolutions.citations.keys import normalise_symbol
from resolutions.models import Document, DocumentAgendaItem, Paragraph, SearchTerm, Sponsorship
from resolutions.search_config import SEARCH_CONFIG

MAX_QUERY_CHARS = 1000           # longer input is cut here, with a notice (websearch queries longer are noise)
PAGE_SIZE = 20
RANK_CANDIDATES = 200            # at most this many matches are ranked by relevance (see the design above)
FACET_ROWS = 300                 # facet counts read at most this many matches (the newest), and say so
EXACT_COUNT_LIMIT = 10000        # above this many expected matches the total is the planner's estimate
ROW_TEST_LIMIT = 5000            # a text query over more filtered documents than this reads from the window
WINDOW_FACTOR = 1.25             # the window of newest documents is sized to hold this many times the matches kept
SNIPPETS_PER_DOCUMENT = 2
RANK_NORMALISATION = 1           # ts_rank_cd: divide by 1 + log(document length)
MARK_START, MARK_END = "\ue000", "\ue001"
HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter= … "
SYMBOL_LIKE = re.compile(r"(?:A|S|E|A/HRC|E/CN\.\d{1,2})/[A-Z0-9./()\-]{2,60}")


# ---------------------------------------------------------------------------
# Indexing


def index_document(document) -> None:
    """Write the document-level weighted vector and count its words for suggestions."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE resolutions_document d SET search_vector =
                setweight(to_tsvector(%(cfg)s::regconfig, coalesce(d.symbol, '') || ' ' || d.title), 'A')
             || setweight(to_tsvector(%(cfg)s::regconfig, coalesce((SELECT string_agg(p.lead || ' ' || p.text, ' ' ORDER BY p."order")
                    FROM resolutions_paragraph p WHERE p.document_id = d.id AND p.kind = 'operative'), '')), 'B')
             || setweight(to_tsvector(%(cfg)s::regconfig, coalesce((SELECT string_agg(p.lead || ' ' || p.text, ' ' ORDER BY p."order")
                    FROM resolutions_paragraph p WHERE p.document_id = d.id AND p.kind = 'preambular'), '')), 'C')
             || setweight(to_tsvector(%(cfg)s::regconfig, coalesce((SELECT string_agg(f.text, ' ' ORDER BY f."order")
                    FROM resolutions_footnote f WHERE f.document_id = d.id), '')), 'D')
            WHERE d.id = %(id)s
            """,
            {"cfg": SEARCH_CONFIG, "id": document.pk},
        )
        # The words (not stems) of the document, for 'did you mean'; ts_stat counts them in SQL.
        cursor.execute(
            """
            INSERT INTO resolutions_searchterm (word, frequency)
            SELECT word, ndoc FROM ts_stat(format(
                'SELECT to_tsvector(''simple'', p.text) FROM resolutions_paragraph p WHERE p.document_id = %%s'
                ' UNION ALL SELECT to_tsvector(''simple'', d.title) FROM resolutions_document d WHERE d.id = %%s',
                %(id)s, %(id)s))
            WHERE length(word) BETWEEN 3 AND 40 AND word ~ '^[a-z][a-z-]*$'
            ORDER BY word  -- rows locked in one order by every process: concurrent ingestions cannot deadlock
            ON CONFLICT (word) DO UPDATE SET frequency = resolutions_searchterm.frequency + EXCLUDED.frequency
            """,
            {"id": document.pk},
        )


# ---------------------------------------------------------------------------
# Query parsing


@dataclass
class ParsedQuery:
    text: str                       # what is searched (possibly shortened)
    notice: str = ""                # said to the user when the input was changed
    symbol: str | None = None       # the normalised symbol when the input looks like one

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    def tsquery(self) -> SearchQuery:
        return SearchQuery(self.text, search_type="websearch", config=SEARCH_CONFIG)


def parse_query(raw: str | None) -> ParsedQuery:
    """Clean user input: drop control characters, cut very long input, spot a document symbol."""
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f\ue000\ue001]", " ", raw or "")
    text = re.sub(r"\s+", " ", text).strip()
    notice = ""
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
        notice = (f"Your search was {len(raw):,} characters long; only its first {len(text):,} characters were "
                  "searched.")
    candidate = normalise_symbol(text)
    symbol = candidate if SYMBOL_LIKE.fullmatch(candidate) else None
    return ParsedQuery(text=text, notice=notice, symbol=symbol)


def find_by_symbol(query: ParsedQuery) -> Document | None:
    """The document whose symbol the query is, with or without spaces, in any case."""
    if not query.symbol:
        return None
    return Document.objects.filter(symbol_key=query.symbol).first()


def _read_cursor():
    """A cursor on the connection the router gives public reads (a replica when DATABASE_REPLICA_URLS is set)."""
    from archive.db_router import connection_for_read

    return connection_for_read(Paragraph).cursor()


def has_terms(query: ParsedQuery) -> bool:
    """False when the query has no searchable word (only stop words or punctuation)."""
    if query.is_empty:
        return False
    with _read_cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))", [SEARCH_CONFIG, query.text])
        return cursor.fetchone()[0] > 0


# ---------------------------------------------------------------------------
# Searching documents and paragraphs


@dataclass
class Snippet:
    paragraph_id: int | None        # None for a footnote
    anchor: str                     # 'op4', 'pp3', 'op4-a' or 'fn7'
    html: str
    kind: str = "paragraph"         # "paragraph" | "footnote"

    @property
    def label(self) -> str:
        """Where the snippet is, in words: 'operative 4', 'preambular 3', 'operative 4 (a)', 'footnote 7'."""
        return anchor_label(self.anchor)


def anchor_label(anchor: str) -> str:
    match = re.fullmatch(r"(op|pp|fn)(\w+?)(?:-(\w+))?", anchor or "")
    if not match:
        return anchor
    kind = {"op": "operative", "pp": "preambular", "fn": "footnote"}[match[1]]
    return f"{kind} {match[2]}" + (f" ({match[3]})" if match[3] else "")


@dataclass
class DocumentHit:
    document: Document
    rank: float | None
    snippets: list[Snippet] = field(default_factory=list)
    title_html: str = ""            # the title, escaped, with the query's words in <mark>


@dataclass
class ParagraphHit:
    paragraph: Paragraph
    rank: float | None
    anchor: str
    html: str

    @property
    def label(self) -> str:
        return anchor_label(self.anchor)


def match_documents(queryset, query: ParsedQuery):
    """Documents of ``queryset`` that match the query, annotated with ``rank`` (None without a query)."""
    if query.is_empty:
        return queryset
    tsquery = query.tsquery()
    rank = RawSQL(
        f"ts_rank_cd(resolutions_document.search_vector, websearch_to_tsquery(%s::regconfig, %s), {RANK_NORMALISATION})",
        [SEARCH_CONFIG, query.text], output_field=FloatField())
    return queryset.filter(search_vector=tsquery).annotate(rank=rank)


def order_documents(queryset, query: ParsedQuery, sort: str, total: int | None = None):
    """Order matched documents; relevance ranks at most RANK_CANDIDATES of them (the newest)."""
    if sort == "date" or query.is_empty:
        return queryset.order_by(F("date").desc(nulls_last=True), "symbol", "pk")
    if sort == "date_asc":
        return queryset.order_by(F("date").asc(nulls_last=True), "symbol", "pk")
    if total is not None and total > RANK_CANDIDATES:
        newest = queryset.order_by(F("date").desc(nulls_last=True), "-pk").values("pk")[:RANK_CANDIDATES]
        queryset = match_documents(Document.objects.filter(pk__in=newest), query)
    return queryset.order_by("-rank", F("date").desc(nulls_last=True), "pk")


def match_paragraphs(queryset, query: ParsedQuery):
    if query.is_empty:
        return queryset
    rank = RawSQL(
        f"ts_rank_cd(resolutions_paragraph.search_vector, websearch_to_tsquery(%s::regconfig, %s), {RANK_NORMALISATION})",
        [SEARCH_CONFIG, query.text], output_field=FloatField())
    return queryset.filter(search_vector=query.tsquery()).annotate(rank=rank)


def order_paragraphs(queryset, query: ParsedQuery, sort: str, total: int | None = None):
    """Order matched paragraphs; relevance ranks at most RANK_CANDIDATES of them (the latest stored)."""
    if sort == "date" or query.is_empty:
        return queryset.order_by(F("document__date").desc(nulls_last=True), "document_id", "order")
    if sort == "date_asc":
        return queryset.order_by(F("document__date").asc(nulls_last=True), "document_id", "order")
    if total is not None and total > RANK_CANDIDATES:
        latest = queryset.order_by("-pk").values("pk")[:RANK_CANDIDATES]
        queryset = match_paragraphs(Paragraph.objects.filter(pk__in=latest), query)
    return queryset.order_by("-rank", F("document__date").desc(nulls_last=True), "document_id", "order")


def highlight(text_with_markers: str) -> str:
    """Escape a ts_headline result and turn its private-use markers into <mark> tags."""
    escaped = html.escape(text_with_markers)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


ANCHOR_SQL = """
    CASE WHEN p.parent_id IS NOT NULL THEN
        (CASE WHEN pp.kind = 'operative' THEN 'op' || pp.number
              ELSE 'pp' || (SELECT count(*) FROM resolutions_paragraph x
                            WHERE x.document_id = pp.document_id AND x.parent_id IS NULL AND x.kind = 'preambular'
                              AND x."order" <= pp."order") END) || '-' || p.label
    WHEN p.kind = 'operative' THEN 'op' || p.number
    ELSE 'pp' || (SELECT count(*) FROM resolutions_paragraph x
                  WHERE x.document_id = p.document_id AND x.parent_id IS NULL AND x.kind = 'preambular'
                    AND x."order" <= p."order") END
"""


def snippets_for_documents(document_ids: list[int], query: ParsedQuery) -> dict[int, list[Snippet]]:
    """The best matching paragraphs of each document on the page, highlighted (one query).

    A document that matches only in its footnotes shows its best matching footnotes instead
    (anchor ``fn<marker>``); footnotes have no stored vector, but only the page's documents are read.
    """
    if not document_ids or query.is_empty:
        return {}
    sql = f"""
        WITH q AS (SELECT websearch_to_tsquery(%s::regconfig, %s) AS query),
        candidates AS (
            SELECT p.id, p.document_id, p.text, p.parent_id, p.kind, p.number, p.label, p."order", '' AS marker,
                   0 AS source, ts_rank_cd(p.search_vector, q.query, {RANK_NORMALISATION}) AS rank
            FROM (SELECT * FROM resolutions_paragraph WHERE document_id = ANY(%s) OFFSET 0) p, q
            WHERE p.search_vector @@ q.query
            UNION ALL
            SELECT f.id, f.document_id, f.text, NULL, 'footnote', '', '', f."order", f.marker, 1,
                   ts_rank_cd(to_tsvector(%s::regconfig, f.text), q.query, {RANK_NORMALISATION})
            FROM resolutions_footnote f, q
            WHERE f.document_id = ANY(%s) AND to_tsvector(%s::regconfig, f.text) @@ q.query
        ),
        ranked AS (
            SELECT c.*, row_number() OVER (PARTITION BY c.document_id
                                           ORDER BY c.source, c.rank DESC, c."order") AS n
            FROM candidates c
        )
        SELECT p.id, p.document_id, p.source,
               CASE WHEN p.source = 1 THEN 'fn' || p.marker ELSE {ANCHOR_SQL} END AS anchor,
               ts_headline(%s::regconfig, p.text, q.query, %s)
        FROM ranked p LEFT JOIN resolutions_paragraph pp ON pp.id = p.parent_id AND p.source = 0, q
        WHERE p.n <= %s
        ORDER BY p.document_id, p.n
    """
    ids = list(document_ids)
    out: dict[int, list[Snippet]] = {}
    with _read_cursor() as cursor:
        cursor.execute(sql, [SEARCH_CONFIG, query.text, ids, SEARCH_CONFIG, ids, SEARCH_CONFIG, SEARCH_CONFIG,
                             HEADLINE_OPTIONS, SNIPPETS_PER_DOCUMENT])
        for row_id, document_id, source, anchor, headline in cursor.fetchall():
            out.setdefault(document_id, []).append(
                Snippet(row_id if source == 0 else None, anchor, highlight(headline),
                        "footnote" if source == 1 else "paragraph"))
    return out


def titles_for_documents(document_ids: list[int], query: ParsedQuery) -> dict[int, str]:
    """The titles of the documents on the page with the query's words marked (one query)."""
    if not document_ids or query.is_empty:
        return {}
    with _read_cursor() as cursor:
        cursor.execute(
            "SELECT d.id, ts_headline(%s::regconfig, d.title, websearch_to_tsquery(%s::regconfig, %s), %s) "
            "FROM resolutions_document d WHERE d.id = ANY(%s) AND d.title <> ''",
            [SEARCH_CONFIG, SEARCH_CONFIG, query.text,
             f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true", list(document_ids)])
        return {document_id: highlight(headline) for document_id, headline in cursor.fetchall()}


def headlines_for_paragraphs(paragraph_ids: list[int], query: ParsedQuery) -> dict[int, tuple[str, str]]:
    """Anchor and highlighted text of each paragraph on the page (one query)."""
    if not paragraph_ids:
        return {}
    text_sql = "ts_headline(%s::regconfig, p.text, websearch_to_tsquery(%s::regconfig, %s), %s)"
    params: list = [SEARCH_CONFIG, SEARCH_CONFIG, query.text, HEADLINE_OPTIONS.replace("MaxFragments=2", "MaxFragments=0")]
    if query.is_empty:
        text_sql, params = "p.text", []
    sql = f"""
        SELECT p.id, {ANCHOR_SQL} AS anchor, {text_sql}
        FROM resolutions_paragraph p LEFT JOIN resolutions_paragraph pp ON pp.id = p.parent_id
        WHERE p.id = ANY(%s)
    """
    with _read_cursor() as cursor:
        cursor.execute(sql, params + [list(paragraph_ids)])
        return {pid: (anchor, highlight(text)) for pid, anchor, text in cursor.fetchall()}


# ---------------------------------------------------------------------------
# Facets


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str            # the URL parameter
    title: str
    values: list[FacetValue]


DOCUMENT_FACETS = [
    ("body", "Body"),
    ("session", "Session"),
    ("year", "Year"),
    ("committee", "Committee"),
    ("agenda", "Agenda item"),
    ("sponsor", "Sponsor"),
    ("type", "Document type"),
]
PARAGRAPH_FACETS = [("kind", "Paragraph kind"), ("lead", "Lead phrase")]
FACET_LIMIT = 15


def document_facets(documents, params) -> list[Facet]:
    """Counts per value of each document facet over the matching documents (one GROUP BY each)."""
    ids = documents.order_by().values("pk")
    base = Document.objects.filter(pk__in=ids)
    facets = [
        _facet("body", "Body", base.exclude(body="").values_list("body").annotate(n=Count("pk")), params),
        _facet("session", "Session", base.filter(session__isnull=False).values_list("session")
               .annotate(n=Count("pk")), params, sort_by_value=True),
        _facet("year", "Year", base.filter(date__isnull=False).annotate(y=ExtractYear("date")).values_list("y")
               .annotate(n=Count("pk")), params, sort_by_value=True),
        _facet("committee", "Committee", base.exclude(committee="").values_list("committee")
               .annotate(n=Count("pk")), params),
        # Many-to-many facets group the link tables directly (no join back to the documents, no DISTINCT
        # over the join, which sorts on disk): a hash aggregate over the link rows. A state is printed once
        # per sponsor list, so a row is a document.
        _facet("agenda", "Agenda item",
               DocumentAgendaItem.objects.filter(document_id__in=ids)
               .values_list("agenda_item__pk", "agenda_item__number", "agenda_item__title", "agenda_item__session")
               .annotate(n=Count("document_id")), params, labelled=True),
        _facet("sponsor", "Sponsor",
               Sponsorship.objects.filter(document_id__in=ids, state__isnull=False)
               .values_list("state__slug", "state__name").annotate(n=Count("document_id")),
               params, labelled=True),
        _facet("type", "Document type", base.exclude(document_type="").values_list("document_type")
               .annotate(n=Count("pk")), params),
    ]
    return [f for f in facets if f.values]


def paragraph_facets(paragraphs, params) -> list[Facet]:
    base = paragraphs.order_by()
    return [f for f in (
        _facet("kind", "Paragraph kind", base.values_list("kind").annotate(n=Count("pk")), params),
        _facet("lead", "Lead phrase", base.exclude(lead="").values_list("lead").annotate(n=Count("pk")), params),
    ) if f.values]


def _facet(name, title, rows, params, *, sort_by_value=False, labelled=False) -> Facet:
    return _facet_rows(name, title, list(rows.order_by("-n")[:200]), params, sort_by_value=sort_by_value,
                       labelled=labelled)


def _facet_rows(name, title, rows, params, *, sort_by_value=False, labelled=False) -> Facet:
    """A facet from (value, count) rows, or (value, label, count) and agenda rows when ``labelled``."""
    selected = set(params.getlist(name)) if hasattr(params, "getlist") else {params.get(name)}
    values = []
    for row in rows:
        if labelled:
            if name == "agenda":
                pk, number, title_, session, n = row
                label = f"{number}. {title_}" + (f" ({session})" if session else "")
                value = str(pk)
            else:
                value, label, n = row
        else:
            value, n = row
            label = str(value)
        values.append(FacetValue(str(value), label, n, str(value) in selected))
    if sort_by_value:
        values.sort(key=lambda v: v.value, reverse=True)
    else:
        values.sort(key=lambda v: (-v.count, v.label))
    chosen = [v for v in values if v.selected]
    return Facet(name, title, (chosen + [v for v in values if not v.selected])[:max(FACET_LIMIT, len(chosen))])


# ---------------------------------------------------------------------------
# Suggestions


def suggest(query: ParsedQuery, limit: int = 5) -> list[str]:
    """Close words from the archive's vocabulary for each unknown word of the query ('trafficing' -> 'trafficking')."""
    from rapidfuzz import fuzz, process, utils

    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,40}", query.text)][:10]
    if not words:
        return []
    known = set(SearchTerm.objects.filter(word__in=words).values_list("word", flat=True))
    suggestions: list[str] = []
    replaced = []
    for word in words:
        if word in known:
            replaced.append(word)
            continue
        # Candidates share the first letter and have a similar length: an indexed, bounded read.
        candidates = list(SearchTerm.objects.filter(
            word__startswith=word[0], word__regex=rf"^.{{{max(3, len(word) - 2)},{len(word) + 2}}}$")
            .order_by("-frequency").values_list("word", flat=True)[:5000])
        best = process.extractOne(word, candidates, scorer=fuzz.ratio, processor=utils.default_process,
                                  score_cutoff=75)
        replaced.append(best[0] if best else word)
    suggestion = " ".join(replaced)
    if suggestion != " ".join(words):
        suggestions.append(suggestion)
    return suggestions[:limit]


# ---------------------------------------------------------------------------
# One call for the search page


@dataclass
class SearchResult:
    query: ParsedQuery
    mode: str                      # "documents" | "paragraphs"
    total: int
    page: int
    pages: int
    hits: list
    facets: list[Facet]
    suggestions: list[str]
    notice: str = ""
    facets_from: int | None = None   # set when the facet counts were read from only this many (newest) matches
    total_is_estimate: bool = False  # the total is the planner's estimate (more than EXACT_COUNT_LIMIT matches)


def _pages(total: int, page: int, page_size: int, query: ParsedQuery, sort: str, notice: str, what: str,
           estimated: bool = False):
    """Number of pages and the page shown; relevance order reaches only the ranked candidates."""
    reachable = total
    if sort == "relevance" and not query.is_empty and total > RANK_CANDIDATES:
        reachable = RANK_CANDIDATES
        notice = (notice + " " if notice else "") + (
            f"{'About ' if estimated else ''}{total:,} {what} match; the {RANK_CANDIDATES:,} most recent of them "
            "are ranked by relevance. Add words or filters to narrow the search, or sort by date to go through "
            "all of them.")
    elif estimated:
        notice = (notice + " " if notice else "") + f"About {total:,} {what} match."
    pages = max(1, -(-reachable // page_size))
    return pages, min(max(1, page), pages), notice


def search(query: ParsedQuery, documents, paragraphs, *, mode: str, sort: str, page: int, params,
           page_size: int = PAGE_SIZE) -> SearchResult:
    """Run a search over pre-filtered querysets (filters come from resolutions.filters).

    ``documents``: Document queryset with the document filters applied;
    ``paragraphs``: Paragraph queryset with document and paragraph filters applied.
    """
    notice = query.notice
    if mode != "paragraphs":
        found = _document_page(query, documents, sort, page, page_size)
        if found is None:     # the query has no indexable word: say so and show the filtered list
            query, notice = _without_terms(query, notice)
            found = _document_page(query, documents, sort, page, page_size)
        estimated = found["estimated"]
        total, page, pages, rows, facet_rows, notice = _paged(found, documents, query, sort, page, page_size, notice,
                                                               "documents")
        snippets = snippets_for_documents([r.pk for r in rows], query)
        titles = titles_for_documents([r.pk for r in rows], query)
        hits = [DocumentHit(r, getattr(r, "rank", None), snippets.get(r.pk, []), titles.get(r.pk, ""))
                for r in rows]
        facets = _document_facets_from_rows(facet_rows, params)
        suggestions = suggest(query) if total < 5 and not query.is_empty else []
        return SearchResult(query, mode, total, page, pages, hits, facets, suggestions, notice,
                            facets_from=FACET_ROWS if estimated or total > FACET_ROWS else None,
                            total_is_estimate=estimated)
    if not query.is_empty and not has_terms(query):
        query, notice = _without_terms(query, notice)
    matched = match_paragraphs(paragraphs, query)
    # Counting a word found in 80,000 of 3 million paragraphs visits all of them (seconds): above
    # EXACT_COUNT_LIMIT expected matches the total is the planner's estimate, as in document mode.
    with _read_cursor() as cursor:
        estimate = _estimated_matches(cursor, matched)
    estimated = estimate > EXACT_COUNT_LIMIT
    total = _rounded(estimate) if estimated else matched.count()
    pages, page, notice = _pages(total, page, page_size, query, sort, notice, "paragraphs", estimated)
    # An estimated total means too many to count, so never too few to bound the ranking.
    rows = list(order_paragraphs(matched, query, sort, max(total, RANK_CANDIDATES + 1) if estimated else total)
                .select_related("document")
                [(page - 1) * page_size: page * page_size])
    heads = headlines_for_paragraphs([r.pk for r in rows], query)
    hits = [ParagraphHit(r, getattr(r, "rank", None), *heads.get(r.pk, ("", html.escape(r.text)))) for r in rows]
    counted = matched
    if total > FACET_ROWS:
        # The newest FACET_ROWS matches, read once (not once per facet).
        newest = list(matched.order_by("-pk").values_list("pk", flat=True)[:FACET_ROWS])
        counted = Paragraph.objects.filter(pk__in=newest)
    facets = paragraph_facets(counted, params) + document_facets(
        Document.objects.filter(pk__in=counted.values("document_id")), params)
    # Few or no hits: offer the closest words of the archive (a misspelling may still match a rare word).
    suggestions = suggest(query) if total < 5 and not query.is_empty else []
    return SearchResult(query, mode, total, page, pages, hits, facets, suggestions, notice,
                        facets_from=min(total, FACET_ROWS) if total > FACET_ROWS else None,
                        total_is_estimate=estimated)


def _document_page(query: ParsedQuery, documents, sort: str, page: int, page_size: int) -> dict | None:
    """The page of documents, the total and the raw facet counts: one SQL statement, two cheap look-ups before.

    Returns None when the query has no indexable word (the caller then shows the filtered list).
    The statement materialises the id and date of every match once (``m``: the GIN bitmap and the filters,
    no vector read), keeps the newest ``max(FACET_ROWS, RANK_CANDIDATES)`` of them (``recent``, one top-N
    sort on the date), ranks only the newest ``RANK_CANDIDATES`` (the only place a document vector is read,
    besides the page's own rows), and counts every facet over the newest ``FACET_ROWS``.

    When the planner expects more than ``EXACT_COUNT_LIMIT`` matches (a word in most documents), visiting
    every match only to count it would cost more than everything else; then ``m`` is restricted to the
    documents dated on or after the start of a window of the newest filtered documents, wide enough to hold about
    ``WINDOW_FACTOR`` times the matches kept, and the total is the planner's estimate (``estimated``). The newest matches,
    the ranked candidates and the facet rows are the same as without the window; if the window holds
    fewer matches than are kept, the statement runs again over every match.
    """
    has_query = not query.is_empty
    matching = documents.filter(search_vector=query.tsquery()) if has_query else documents
    keep = max(FACET_ROWS, RANK_CANDIDATES)
    offset = (max(1, page) - 1) * page_size
    with _read_cursor() as cursor:
        estimate, window = None, None
        ranked = has_query and sort == "relevance"      # the page is among the ranked (newest) candidates
        if ranked or (sort != "date_asc" and offset + page_size <= keep):   # the page lies among the newest
            if has_query:
                estimate, filtered = _estimated_rows(cursor, [matching, documents])
            else:
                estimate = filtered = _estimated_matches(cursor, matching)
            # Counting every match is too slow above EXACT_COUNT_LIMIT; and PostgreSQL tests a common word
            # row by row over the filtered documents (it will not intersect a bitmap of nearly every
            # document), reading each one's vector, so a text query over many of them takes the window too
            # (not through link tables, a sponsor or agenda item: there the join to them costs the most).
            many_filtered = filtered > ROW_TEST_LIMIT and estimate > 4 * keep and not documents.query.distinct
            if estimate > EXACT_COUNT_LIMIT or many_filtered:
                window = _window_start(cursor, documents, keep, estimate, filtered)
        if window is not None:
            found = _page_statement(cursor, matching.filter(date__gte=window), query, sort, page_size, offset)
            if found is not None and found["total"] >= keep:
                found.update(total=max(found["total"], _rounded(estimate)), estimated=True)
                return found
        return _page_statement(cursor, matching, query, sort, page_size, offset)


def _estimated_rows(cursor, querysets) -> list[int]:
    """The planner's estimates for several querysets, in one round trip where the driver allows it."""
    if connection.settings_dict.get("OPTIONS", {}).get("server_side_binding"):
        return [_estimated_matches(cursor, qs) for qs in querysets]
    statements, params = [], []
    for qs in querysets:
        sql, qs_params = qs.order_by().values("id").query.sql_with_params()
        statements.append("EXPLAIN (FORMAT JSON) " + sql)
        params.extend(qs_params)
    cursor.execute("; ".join(statements), params)
    out = []
    while True:
        plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        out.append(int(plan[0]["Plan"]["Plan Rows"]))
        if not cursor.nextset():
            return out


def _estimated_matches(cursor, matching) -> int:
    """The planner's estimate of the number of rows ``matching`` returns (statistics only, nothing read)."""
    sql, params = matching.order_by().values("id").query.sql_with_params()
    cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
    plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def _window_start(cursor, documents, keep: int, estimate: int, filtered: int | None = None):
    """The date from which the newest filtered documents hold about WINDOW_FACTOR x ``keep`` matches, or None.

    The share of the filtered documents that match is the planner's estimate of the matches over its
    estimate of the filtered documents; the date is read off the date index through the filters, so a
    filter on old documents (``date_to``, a sponsor) gets a window among its own documents.
    """
    filtered = max(1, filtered if filtered is not None else _estimated_matches(cursor, documents))
    offset = math.ceil(WINDOW_FACTOR * keep * filtered / max(1, estimate))
    if offset >= filtered:
        return None
    if documents.query.distinct:     # filters through link tables: one row per document, then the dates
        documents = Document.objects.filter(pk__in=documents.order_by().values("pk"))
    dates = documents.filter(date__isnull=False).order_by("-date").values_list("date", flat=True)
    return next(iter(dates[offset:offset + 1]), None)


def _rounded(n: int) -> int:
    """An estimate to three significant digits (123,456 -> 123,000)."""
    if n < 1000:
        return n
    scale = 10 ** (len(str(n)) - 3)
    return round(n / scale) * scale


def _page_statement(cursor, matching, query: ParsedQuery, sort: str, page_size: int, offset: int) -> dict | None:
    has_query = not query.is_empty
    # Only what ordering needs is carried for every match; the facet columns are read for the newest few.
    columns = ["id", "date"] + (["symbol"] if sort != "relevance" or not has_query else [])
    m_sql, m_params = matching.order_by().values(*columns).query.sql_with_params()
    keep = max(FACET_ROWS, RANK_CANDIDATES)
    newest = "date DESC NULLS LAST, id DESC"
    if has_query and sort == "relevance":
        # Rank the newest RANK_CANDIDATES matches; the ranked page's rows carry their rank.
        page_sql = f"""
            SELECT json_agg(json_build_array(id, rank) ORDER BY rank DESC, date DESC NULLS LAST, id) FROM (
                SELECT c.id, c.date, ts_rank_cd(d.search_vector, q.query, {RANK_NORMALISATION}) AS rank
                FROM recent c JOIN resolutions_document d ON d.id = c.id, q
                WHERE c.pos <= {RANK_CANDIDATES}
                ORDER BY rank DESC, c.date DESC NULLS LAST, c.id LIMIT {page_size} OFFSET {offset}) t"""
    else:
        order = "date ASC NULLS LAST, symbol, id" if sort == "date_asc" else "date DESC NULLS LAST, symbol, id"
        rank = (f"ts_rank_cd(d.search_vector, q.query, {RANK_NORMALISATION})" if has_query else "NULL::real")
        page_sql = f"""
            SELECT json_agg(json_build_array(p.id, {rank}) ORDER BY p.n) FROM (
                SELECT id, row_number() OVER (ORDER BY {order}) AS n FROM (
                    SELECT id, date, symbol FROM m ORDER BY {order} LIMIT {page_size} OFFSET {offset}) x) p
            JOIN resolutions_document d ON d.id = p.id, q"""
    sql = f"""
        WITH q AS (SELECT {"websearch_to_tsquery(%s::regconfig, %s)" if has_query else "NULL::tsquery"} AS query),
        m AS MATERIALIZED ({m_sql}),
        recent AS MATERIALIZED (
            SELECT r.*, row_number() OVER (ORDER BY {newest}) AS pos
            FROM (SELECT * FROM m ORDER BY {newest} LIMIT {keep}) r),
        f AS MATERIALIZED (
            SELECT d.id, d.date, d.session, d.committee, d.body, d.document_type
            FROM recent r JOIN resolutions_document d ON d.id = r.id WHERE r.pos <= {FACET_ROWS})
        SELECT (SELECT coalesce(numnode(query), 1) FROM q), (SELECT count(*) FROM m), ({page_sql}),
               {FACET_SQL}
    """
    params = ([SEARCH_CONFIG, query.text] if has_query else []) + list(m_params)
    nodes, total, page_rows, *facet_rows = _fetch_planned(cursor, sql, params)
    if has_query and nodes == 0:
        return None
    return {"total": total, "estimated": False, "page": page_rows or [],
            "facets": [rows or [] for rows in facet_rows]}


# The planner prices ``search_vector @@ query`` on a row as one cheap function call, so for a word in most
# documents it prefers reading every row and testing it; but testing a row means decompressing its 10 kB
# document vector (2 s over 100,000 documents), while the GIN bitmap gives the same rows without reading a
# vector. Sequential scans are therefore off for the search statements; JIT compilation (tens of ms to save
# nothing here) too; and the matches' small columns are sorted in memory.
PLANNER_SETTINGS = {"enable_seqscan": "off", "jit": "off", "work_mem": "64MB"}


@contextmanager
def _planner_settings(cursor):
    cursor.execute("; ".join(f"SET {name} = '{value}'" for name, value in PLANNER_SETTINGS.items()))
    try:
        yield
    finally:
        cursor.execute("; ".join(f"RESET {name}" for name in PLANNER_SETTINGS))


def _fetch_planned(cursor, sql: str, params) -> tuple:
    """Run one search statement under PLANNER_SETTINGS and return its one row.

    Outside a transaction, in one round trip: the settings are SET LOCAL in the same query string, which
    PostgreSQL runs as one implicit transaction, so they end with it (client-side parameter binding, the
    default of Django's psycopg backend, allows several statements in one string). Inside a transaction
    (or with server-side binding) they are set and reset around the statement instead.
    """
    if connection.in_atomic_block or connection.settings_dict.get("OPTIONS", {}).get("server_side_binding"):
        with _planner_settings(cursor):
            cursor.execute(sql, params)
            return cursor.fetchone()
    settings = "".join(f"SET LOCAL {name} = '{value}'; " for name, value in PLANNER_SETTINGS.items())
    cursor.execute(settings + sql, params)
    while cursor.description is None and cursor.nextset():
        pass
    return cursor.fetchone()


# Facet counts over the CTE ``f`` (the newest FACET_ROWS matches): one json array of rows per facet, in the
# order of DOCUMENT_FACETS. Many-to-many facets group the link tables joined to ``f`` (one row per document:
# a state is printed once per sponsor list, an agenda item once per document).
FACET_SQL = """
    (SELECT json_agg(json_build_array(body, n)) FROM (
        SELECT body, count(*) AS n FROM f WHERE body <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200) x),
    (SELECT json_agg(json_build_array(session, n)) FROM (
        SELECT session, count(*) AS n FROM f WHERE session IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200) x),
    (SELECT json_agg(json_build_array(y, n)) FROM (
        SELECT extract(year FROM date)::int AS y, count(*) AS n FROM f WHERE date IS NOT NULL
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200) x),
    (SELECT json_agg(json_build_array(committee, n)) FROM (
        SELECT committee, count(*) AS n FROM f WHERE committee <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200) x),
    (SELECT json_agg(json_build_array(id, number, title, session, n)) FROM (
        SELECT ai.id, ai.number, ai.title, ai.session, count(*) AS n
        FROM resolutions_documentagendaitem a JOIN f ON f.id = a.document_id
             JOIN resolutions_agendaitem ai ON ai.id = a.agenda_item_id
        GROUP BY ai.id ORDER BY n DESC, ai.id LIMIT 200) x),
    (SELECT json_agg(json_build_array(slug, name, n)) FROM (
        SELECT ms.slug, ms.name, count(*) AS n
        FROM resolutions_sponsorship s JOIN f ON f.id = s.document_id
             JOIN resolutions_memberstate ms ON ms.id = s.state_id
        GROUP BY ms.id ORDER BY n DESC, ms.slug LIMIT 200) x),
    (SELECT json_agg(json_build_array(document_type, n)) FROM (
        SELECT document_type, count(*) AS n FROM f WHERE document_type <> '' GROUP BY 1 ORDER BY 2 DESC, 1
        LIMIT 200) x)
"""


def _document_hits_page(found: dict) -> list:
    """The page's Document objects in the statement's order, each with its ``rank``."""
    ids = [row[0] for row in found["page"]]
    by_id = Document.objects.defer("search_vector").in_bulk(ids)   # the page never shows the vector
    rows = []
    for pk, rank in found["page"]:
        if pk in by_id:
            document = by_id[pk]
            document.rank = rank
            rows.append(document)
    return rows


def _paged(found, documents, query, sort, page, page_size, notice, what):
    """Total, page, pages, the page's rows, the facet rows and the notice; a page past the end shows the last."""
    total = found["total"]
    pages, shown, notice = _pages(total, page, page_size, query, sort, notice, what, found["estimated"])
    if shown != page:
        found = _document_page(query, documents, sort, shown, page_size)
    return total, shown, pages, _document_hits_page(found), found["facets"], notice


def _document_facets_from_rows(facet_rows, params) -> list[Facet]:
    facets = []
    for (name, title), rows in zip(DOCUMENT_FACETS, facet_rows):
        facets.append(_facet_rows(name, title, [tuple(r) for r in rows], params,
                                  sort_by_value=name in ("session", "year"), labelled=name in ("agenda", "sponsor")))
    return [f for f in facets if f.values]


def _without_terms(query: ParsedQuery, notice: str) -> tuple[ParsedQuery, str]:
    notice = (notice + " " if notice else "") + (
        "Your search has no words the archive indexes (only very common words or punctuation); "
        "showing everything that matches the filters instead.")
    return ParsedQuery(text="", notice=notice), notice
