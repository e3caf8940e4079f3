"""One call answers a search page: ``search`` (document or paragraph mode) over querysets already filtered.

What it returns is data: hits with marked text (``snippets.MARK_START`` ... ``MARK_END``), facets, totals and
notice codes (``notices.py``); the web page and the API turn them into words and HTML.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from resolutions.models import Document, Paragraph
from resolutions.search import citing
from resolutions.search.facets import DOCUMENT_FACETS, PARAGRAPH_FACETS, Facet, facets_from_rows
from resolutions.search.limits import DEFAULT_LIMITS, SearchLimits
from resolutions.search.notices import Notice
from resolutions.search.partial import partial_paragraphs, partial_query
from resolutions.search.planner import estimated_matches, read_cursor, rounded
from resolutions.search.query import ParsedQuery, has_terms, parse_query, without_terms
from resolutions.search.ranking import match_paragraphs
from resolutions.search.snippets import (Snippet, headlines_for_paragraphs, snippets_for_documents,
                                         titles_for_documents)
from resolutions.search.statement import document_page, paragraph_page
from resolutions.search.suggestions import correction, suggest
from resolutions.un import anchors

SUGGEST_BELOW = 5                # fewer hits than this: offer the closest words of the archive


@dataclass
class DocumentHit:
    document: Document
    rank: float | None
    snippets: list[Snippet] = field(default_factory=list)
    title: str = ""                 # the title with the query's words marked ('' when it has none)
    partial: bool = False           # matches some of the query's words, not all (search/partial.py)


@dataclass
class ParagraphHit:
    paragraph: Paragraph
    rank: float | None
    anchor: str
    text: str                       # the paragraph's text (or its best fragment) with the query's words marked
    language: str = ""              # the language version it is from ('' for the main text): the page's ?lang=
    partial: bool = False           # matches some of the query's words, not all (search/partial.py)
    addressing: object = None       # what it does and whom it addresses, set by the API (addressees.selectors)

    @property
    def label(self) -> str:
        return anchors.describe(self.anchor)


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
    notices: list[Notice] = field(default_factory=list)
    facets_from: int | None = None   # set when the facet counts were read from only this many (newest) matches
    total_is_estimate: bool = False  # the total is the planner's estimate (more than exact_count_limit matches)
    page_size: int = DEFAULT_LIMITS.page_size
    lookup: citing.Lookup | None = None   # the query is a citation or a symbol prefix (resolutions.search.citing)
    offers: list[str] = field(default_factory=list)   # symbols the query may mean: '1325' -> 'S/RES/1325 (2000)'
    corrected_from: str | None = None     # the query as typed, when a correction with many more matches is shown
    cited_itself: bool = False       # the looked-up document is counted in ``total`` (shown above the citing ones)

    @property
    def citing_total(self) -> int:
        """How many of the matches cite the looked-up thing (``total`` without the document itself)."""
        return self.total - self.cited_itself


def _pages(total: int, page: int, query: ParsedQuery, sort: str, mode: str, estimated: bool,
           limits: SearchLimits) -> tuple[int, int, list[Notice]]:
    """Number of pages, the page shown (a page past the end shows the last) and what to say about them;
    relevance order reaches only the ranked candidates."""
    reachable, notices = total, []
    if sort == "relevance" and not query.is_empty and total > limits.rank_candidates:
        reachable = limits.rank_candidates
        notices.append(Notice("ranked_newest", total=total, estimated=estimated, ranked=limits.rank_candidates,
                              mode=mode))
    elif estimated:
        notices.append(Notice("estimated_total", total=total, mode=mode))
    pages = max(1, -(-reachable // limits.page_size))
    return pages, min(max(1, page), pages), notices


def search(query: ParsedQuery, documents, paragraphs, *, mode: str, sort: str, page: int, params,
           page_size: int | None = None, limits: SearchLimits = DEFAULT_LIMITS, correct: bool = True) -> SearchResult:
    """Run a search over pre-filtered querysets (filters come from resolutions.filters).

    ``documents``: Document queryset with the document filters applied;
    ``paragraphs``: Paragraph queryset with document and paragraph filters applied (a language version's
    VersionParagraph rows when the query is in its language, ``query.language``);
    ``params``: the filter parameters, to mark the selected facet values;
    ``correct``: whether a correction with many more matches may be shown instead of few weak ones.
    A query that is a citation or a symbol prefix is a look-up (``citing.py``), not a search for its words.
    """
    if page_size is not None:
        limits = limits.with_page_size(page_size)
    # Look-ups and corrections read the main text (its citations, its English vocabulary): a search in a language
    # version's language (``query.language``) is a search for its words.
    lookup = citing.read_lookup(query) if not query.language else None
    if lookup is not None:
        return _search_lookup(lookup, query, documents, paragraphs, mode, sort, page, params, limits)
    result = _search_words(query, documents, paragraphs, mode, sort, page, params, limits)
    result.offers = citing.symbol_offers(query)
    fixed = correction(query, result.total) if correct and not query.language else None
    if fixed:
        # A few weak matches (or none) and a correction with many more: the correction's results are shown, and the
        # query as typed is offered instead ('Showing results for trafficking; search instead for trafficing').
        corrected = _search_words(parse_query(fixed), documents, paragraphs, mode, sort, page, params, limits)
        if corrected.total > result.total:
            corrected.corrected_from, corrected.suggestions = query.text, []
            return corrected
    return result


def _search_words(query, documents, paragraphs, mode, sort, page, params, limits) -> SearchResult:
    if mode == "paragraphs":
        return _search_paragraphs(query, paragraphs, sort, page, params, limits)
    return _search_documents(query, documents, sort, page, params, limits)


def _search_lookup(lookup, query, documents, paragraphs, mode, sort, page, params, limits) -> SearchResult:
    """A citation: the documents (or paragraphs) citing it, newest first, the citation marked in each snippet; a
    symbol prefix: its documents in the natural order of their numbers. Facets as for any search."""
    listing = ParsedQuery(text="", notices=query.notices)      # no words: the look-up decides what matches
    if lookup.kind == "citation" and mode == "paragraphs":
        result = _search_paragraphs(listing, citing.citing_paragraphs(paragraphs, lookup), sort, page, params,
                                    limits, lookup=lookup)
    else:
        if lookup.kind == "citation":
            matching = citing.citing_documents(documents, lookup)
        else:
            matching = citing.prefix_documents(documents, lookup)
            if sort == "relevance" and matching.count() <= citing.NATURAL_ORDER_LIMIT:
                sort = "symbol"
        result = _search_documents(listing, matching, sort, page, params, limits, lookup=lookup)
        if lookup.document is not None and documents.filter(pk=lookup.document.pk).exists():
            # The document whose symbol was typed is a match (a search engine finds it by its symbol): counted,
            # and shown above the documents citing it (the pages are those of the citing ones).
            result.total, result.cited_itself = result.total + 1, True
    result.query, result.lookup = query, lookup
    return result


def _search_documents(query, documents, sort, page, params, limits, lookup=None) -> SearchResult:
    found = document_page(query, documents, sort, page, limits)
    if found is None:     # the query has no indexable word: say so and show the filtered list
        query = without_terms(query)
        found = document_page(query, documents, sort, page, limits)
    total, estimated = found["total"], found["estimated"]
    pages, shown, notices = _pages(total, page, query, sort, "documents", estimated, limits)
    if shown != page:
        found = document_page(query, documents, sort, shown, limits)
    hits = _document_hits(found["page"], query, lookup=lookup)
    if sort == "relevance" and shown == 1 and total < limits.page_size:
        more = _partial_hits(query, documents, [hit.document.pk for hit in hits], limits.page_size - total, limits)
        if more:
            hits += more
            notices.append(Notice("partial_matches", total=total, shown=len(more), mode="documents"))
    facets = facets_from_rows(DOCUMENT_FACETS, found["facets"], params)
    suggestions = suggest(query) if total < SUGGEST_BELOW and not query.is_empty else []
    return SearchResult(query, "documents", total, shown, pages, hits, facets, suggestions,
                        list(query.notices) + notices,
                        facets_from=limits.facet_rows if estimated or total > limits.facet_rows else None,
                        total_is_estimate=estimated, page_size=limits.page_size)


def _document_hits(page_rows, query, partial: bool = False, lookup=None) -> list[DocumentHit]:
    rows = _documents_of(page_rows)
    ids = [r.pk for r in rows]
    snippets = citing.citation_snippets(ids, lookup) if lookup and lookup.kind == "citation" else \
        snippets_for_documents(ids, query)
    titles = titles_for_documents(ids, query)
    return [DocumentHit(r, r.rank, snippets.get(r.pk, []), titles.get(r.pk, ""), partial) for r in rows]


def _partial_hits(query, documents, shown_ids, room: int, limits) -> list[DocumentHit]:
    """Documents matching some of the words (search/partial.py), to fill the ``room`` left on the first page."""
    relaxed = partial_query(query)
    if relaxed is None:
        return []
    found = document_page(relaxed, documents.exclude(pk__in=shown_ids), "relevance", 1, limits.with_page_size(room),
                          facets=False)
    return _document_hits(found["page"], relaxed, partial=True) if found else []


def _documents_of(page_rows) -> list[Document]:
    """The page's Document objects in the statement's order, each with its ``rank``."""
    by_id = Document.objects.defer("search_vector").in_bulk([pk for pk, _ in page_rows])  # never shown
    rows = []
    for pk, rank in page_rows:
        if pk in by_id:
            document = by_id[pk]
            document.rank = rank
            rows.append(document)
    return rows


def _paragraphs_of(model, page_rows) -> list:
    """The page's paragraphs (with their documents) in the statement's order, each with its ``rank``."""
    by_id = model.objects.select_related("document").in_bulk([pk for pk, _ in page_rows])
    rows = []
    for pk, rank in page_rows:
        if pk in by_id:
            row = by_id[pk]
            row.rank = rank
            rows.append(row)
    return rows


def _search_paragraphs(query, paragraphs, sort, page, params, limits, lookup=None) -> SearchResult:
    if not query.is_empty and not has_terms(query):
        query = without_terms(query)
    matched = match_paragraphs(paragraphs, query)
    # Counting a word found in 80,000 of 3 million paragraphs visits all of them (seconds): above
    # exact_count_limit expected matches the total is the planner's estimate, as in document mode.
    # A look-up's matches are bounded by the citations of one thing: counted, never estimated (the planner prices
    # its subqueries far above what they hold).
    estimate = 0
    if lookup is None:
        with read_cursor() as cursor:
            estimate = estimated_matches(cursor, matched)
    estimated = estimate > limits.exact_count_limit
    definitions = PARAGRAPH_FACETS + DOCUMENT_FACETS
    # The page, the total and every facet count in one statement (statement.paragraph_page), as document mode; a
    # page past the end is asked again as the last page once the total is known.
    found = paragraph_page(query, matched, sort, page, limits, estimated=estimated, definitions=definitions)
    total = rounded(estimate) if estimated else found["total"]
    pages, shown, notices = _pages(total, page, query, sort, "paragraphs", estimated, limits)
    if shown != page:
        found = paragraph_page(query, matched, sort, shown, limits, estimated=estimated, definitions=definitions)
    page = shown
    rows = _paragraphs_of(paragraphs.model, found["page"])
    heads = headlines_for_paragraphs([r.pk for r in rows], query)
    if lookup is not None:
        texts = citing.citing_paragraph_texts(rows, lookup)
        heads = {pk: (anchor, texts.get(pk, text)) for pk, (anchor, text) in heads.items()}
    hits = [ParagraphHit(r, r.rank, *heads.get(r.pk, ("", r.text)), query.language) for r in rows]
    relaxed = partial_query(query) if lookup is None and sort == "relevance" and page == 1 else None
    if relaxed is not None and total < limits.page_size:
        more = list(partial_paragraphs(relaxed, paragraphs, [r.pk for r in rows], limits.page_size - total, limits))
        heads = headlines_for_paragraphs([r.pk for r in more], relaxed)
        hits += [ParagraphHit(r, r.rank, *heads.get(r.pk, ("", r.text)), query.language, partial=True) for r in more]
        if more:
            notices.append(Notice("partial_matches", total=total, shown=len(more), mode="paragraphs"))
    facets = facets_from_rows(definitions, found["facets"], params)
    # Few or no hits: offer the closest words of the archive (a misspelling may still match a rare word).
    suggestions = suggest(query) if total < SUGGEST_BELOW and not query.is_empty else []
    return SearchResult(query, "paragraphs", total, page, pages, hits, facets, suggestions,
                        list(query.notices) + notices,
                        facets_from=min(total, limits.facet_rows) if total > limits.facet_rows else None,
                        total_is_estimate=estimated, page_size=limits.page_size)
