"""Reads for the lineage pages: versions and series, comparisons, paragraph provenance, agreed language.

Every lookup of similar paragraphs is index-based: candidates come from the
LSH band hashes (``lsh_bands && %s``, GIN index) or from full-text search
(``search_vector @@ tsquery``, GIN index), then only those few rows are
re-ranked exactly in Python (resolutions.lineage.similarity).

Measured on 100,000 paragraphs (2,000 documents made of recombined seed
clauses, so all on one topic: a worst case for candidate counts), embedded
PostgreSQL 18, 2 cores: the ``lsh_bands &&`` lookup is a bitmap index scan on
the GIN index in 5-8 ms; ``paragraph_provenance`` 35 ms; ``agreed_language``
80 ms for a 25-word paraphrase and 50 ms for a short phrase (exact phrase
first; the full-text "any two distinctive words" query, ranked, took 70-200 ms
on this single-topic data when it runs).  Band signatures cost 0.3 ms per
paragraph at ingestion.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q

from resolutions.lineage.compare import align, highlight_match, summary
from resolutions.lineage.provenance import (  # noqa: F401 (paragraph_provenance and time_key: read from here too)
    Appearance, earlier_appearances, paragraph_provenance, time_key)
from resolutions.lineage.similarity import band_hashes, phrase_similarity, words
from resolutions.languages.segmentation import comparable_text
from resolutions.languages.services import is_version_language
from resolutions.models import Document, DocumentLink, Paragraph, Series, VersionParagraph
from resolutions.parser.language import detect_language
from resolutions.search_config import config_for
from resolutions.un.languages import PREFERRED
from resolutions.un.adoption import (DRAFT_INFIX, NOT_ADOPTED_WORDS, RESOLUTION_INFIX, RESOLUTION_WORD,
                                      is_adopted)

# Candidates fetched from each index before exact re-ranking.
LSH_CANDIDATES = 400
FULLTEXT_CANDIDATES = 200
# Full-text matches ranked to choose those candidates (the first found through the GIN index).
FULLTEXT_RANKED = 2000
# Distinct words of a pasted text used for full-text candidates (see _fulltext_query).
FULLTEXT_TERMS = 6
# Up to this many words a pasted text is first looked up as an exact phrase.
SHORT_PHRASE_WORDS = 12


# ---------------------------------------------------------------------------
# Versions and series


def series_documents(series: Series) -> list[Document]:
    """The series' documents in time order (date, then session, then symbol)."""
    return sorted(series.documents.all(), key=time_key)


def previous_in_series(document: Document) -> Document | None:
    if not document.series_id:
        return None
    earlier = [d for d in series_documents(document.series) if time_key(d) < time_key(document)]
    return earlier[-1] if earlier else None


@dataclass
class DocumentPanel:
    """What the document page shows about versions: series, neighbours, links, source files.

    ``series_documents`` is a window of the series around the document (a title returning every
    session for decades makes a series of hundreds); ``series_size`` counts them all, and
    ``series_earlier`` / ``series_later`` the members left out before and after the window.
    """

    series: Series | None
    series_documents: list[Document]
    previous: Document | None
    next: Document | None
    links_out: list[DocumentLink]
    links_in: list[DocumentLink]
    source_files: list = field(default_factory=list)
    series_size: int = 0
    series_earlier: int = 0
    series_later: int = 0


# Documents of the series shown on each side of the document on its page.
SERIES_WINDOW = 5
# symbol_key and slug: what a document's address is made of (Document.get_absolute_url), so no link costs a query.
_PANEL_FIELDS = ("id", "symbol", "symbol_key", "slug", "document_type", "title", "date", "session", "series_id")


def series_window(document: Document, width: int = SERIES_WINDOW) -> tuple[list[Document], int, int, int]:
    """(the members around the document in time order, series size, members before, members after the window).

    Two queries whatever the series' size: the time keys of every member (tuples, no model
    instances), then the window's few documents.
    """
    keys = list(Document.objects.filter(series_id=document.series_id).values_list("id", "date", "session", "symbol"))
    keys.sort(key=lambda row: (row[1] or date.max, row[2] or 0, row[3] or "", row[0]))
    ids = [row[0] for row in keys]
    if document.pk not in ids:
        return [], len(ids), 0, 0
    position = ids.index(document.pk)
    start, end = max(0, position - width), min(len(ids), position + width + 1)
    found = Document.objects.only(*_PANEL_FIELDS).in_bulk(ids[start:end])
    return [found[pk] for pk in ids[start:end] if pk in found], len(ids), start, len(ids) - end


def document_panel(document: Document, source_files: list | None = None) -> DocumentPanel:
    """``source_files``: the document's, when the page has read them already (one query fewer)."""
    members, size, earlier, later = series_window(document) if document.series_id else ([], 0, 0, 0)
    position = next((i for i, d in enumerate(members) if d.pk == document.pk), None)
    previous = members[position - 1] if position else None
    following = members[position + 1] if position is not None and position + 1 < len(members) else None
    return DocumentPanel(
        series=document.series if document.series_id else None,
        series_documents=members,
        series_size=size,
        series_earlier=earlier,
        series_later=later,
        previous=previous,
        next=following,
        links_out=list(document.links_out.select_related("target")),
        links_in=list(document.links_in.select_related("source")),
        source_files=source_files if isinstance(source_files, list) else list(
            document.source_files.only("id", "document_id", "original_name", "format", "uploaded_at")),
    )


def all_series():
    return Series.objects.order_by("title")


# ---------------------------------------------------------------------------
# Comparison


def _paragraph_rows(document: Document) -> list[Paragraph]:
    rows = list(document.paragraphs.select_related("parent").order_by("order"))
    by_id = {row.pk: row for row in rows}
    for row in rows:
        if row.parent_id:
            row.parent = by_id.get(row.parent_id, row.parent)
    return rows


# The comparison page shows this many rows at a time (the table of two long documents is thousands of rows, each
# with its changes marked word by word and its first appearance looked up); the JSON keeps every row.
COMPARISON_PAGE_ROWS = 200


@dataclass
class Comparison:
    a: Document
    b: Document
    rows: list                       # the rows of this page (every row when not paged)
    counts: dict[str, int]           # of every row
    first_appeared: dict[int, Appearance]
    notes: list[str] = field(default_factory=list)
    total_rows: int = 0
    page: int = 1
    pages: int = 1
    first_row: int = 1               # the number of this page's first row, counting from 1

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.rows) - 1


def common_language(a: Document, b: Document) -> str | None:
    """The language two documents are compared in: their main texts' when it is the same, else the first language
    both are in (A's main text's, B's, then the UN's order); None when they share none."""
    if a.language == b.language:
        return a.language
    mine = {a.language, *a.language_versions.values_list("language", flat=True)}
    theirs = {b.language, *b.language_versions.values_list("language", flat=True)}
    shared = mine & theirs
    return next((code for code in [a.language, b.language, *sorted(shared)] if code in shared), None)


def _rows_in(document: Document, language: str) -> list:
    """The document's paragraphs in ``language``: its main text's, or that language version's rows."""
    if language == document.language:
        return _paragraph_rows(document)
    rows = list(VersionParagraph.objects.filter(document=document, version__language=language).order_by("order"))
    by_id = {row.pk: row for row in rows}
    for row in rows:
        if row.parent_id:
            row.parent = by_id.get(row.parent_id)
    return rows


def compare_documents(a: Document, b: Document, page: int | None = None,
                      per_page: int = COMPARISON_PAGE_ROWS) -> Comparison:
    """Align A's paragraphs with B's in one language (``common_language``: wording is never compared across
    languages); for each paragraph of B's main text, its first appearance in the archive before B.

    With ``page`` (from 1; past the end is the last page), only that page's ``per_page`` rows are kept and their
    paragraphs' first appearances looked up; the counts are always of every row."""
    notes: list[str] = []
    language = common_language(a, b)
    if language is None:
        notes.append("These two documents share no language in the archive: their texts are not compared.")
        return Comparison(a, b, [], summary([]), {}, notes)
    a_rows, b_rows = _rows_in(a, language), _rows_in(b, language)
    rows = align(a_rows, b_rows)
    counts, total = summary(rows), len(rows)
    pages, first_row = 1, 1
    if page is not None:
        pages = max(1, -(-total // per_page))
        page = min(max(page, 1), pages)
        first_row = (page - 1) * per_page + 1
        rows = rows[first_row - 1:first_row - 1 + per_page]
        b_rows = [row.b for row in rows if row.b is not None]
    appearances = {}
    if language == b.language:
        appearances = earlier_appearances(b_rows, b, notes=notes)
    else:
        notes.append(f"Compared in their common language ({language}); first appearances are looked up for main "
                     "texts only.")
    first = {pk: found[0] for pk, found in appearances.items() if found}
    for row in rows:
        row.first_appeared = first.get(row.b.pk) if row.b is not None else None
    return Comparison(a, b, rows, counts, first, notes, total_rows=total, page=page or 1, pages=pages,
                      first_row=first_row)


def _paragraph_json(paragraph: Paragraph | None) -> dict | None:
    if paragraph is None:
        return None
    return {"id": paragraph.pk, "anchor": paragraph.anchor, "kind": paragraph.kind, "number": paragraph.number,
            "label": paragraph.label, "lead": paragraph.lead, "text": paragraph.text}


def _document_json(document: Document) -> dict:
    return {"id": document.pk, "symbol": document.symbol, "title": document.title, "body": document.body,
            "session": document.session, "date": document.date.isoformat() if document.date else None,
            "document_type": document.document_type}


def comparison_json(comparison: Comparison) -> dict:
    rows = []
    for row in comparison.rows:
        first = comparison.first_appeared.get(row.b.pk) if row.b is not None else None
        rows.append({
            "status": row.status,
            "changed": row.changed,
            "similarity": row.similarity,
            "a": _paragraph_json(row.a),
            "b": _paragraph_json(row.b),
            "diff": [{"op": c.op, "text": c.text} for c in row.diff],
            "first_appeared_in": None if first is None else {
                "paragraph": first.paragraph.pk, "anchor": first.paragraph.anchor,
                "document": _document_json(first.paragraph.document), "similarity": first.similarity},
        })
    return {"a": _document_json(comparison.a), "b": _document_json(comparison.b), "counts": comparison.counts,
            "notes": comparison.notes, "rows": rows}


# ---------------------------------------------------------------------------
# Agreed language


@dataclass
class AgreedLanguageFilters:
    body: str = ""
    date_from: date | None = None
    date_to: date | None = None
    document_type: str = ""  # "" any, "adopted" adopted resolutions only, "draft" drafts only, or an exact type
    language: str = ""       # ISO 639-1 of the texts compared with; "" the pasted text's own (detected)


@dataclass
class AgreedLanguageResult:
    paragraph: Paragraph
    similarity: float
    adopted: bool
    highlighted: list
    language: str = ""       # the language version the paragraph is from ('' the main text): the page's ?lang=


def _filter_paragraphs(queryset, filters: AgreedLanguageFilters):
    if filters.body:
        queryset = queryset.filter(document__body=filters.body)
    if filters.date_from:
        queryset = queryset.filter(document__date__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(document__date__lte=filters.date_to)
    if filters.document_type in ("adopted", "draft"):
        # un.adoption.is_adopted, as a filter.
        not_draft = ~Q(document__symbol_key__contains=DRAFT_INFIX)
        for word in NOT_ADOPTED_WORDS:
            not_draft &= ~Q(document__document_type__icontains=word)
        adopted = (Q(document__symbol_key__contains=RESOLUTION_INFIX)
                   | (Q(document__document_type__icontains=RESOLUTION_WORD) & not_draft))
        queryset = queryset.filter(adopted) if filters.document_type == "adopted" else queryset.exclude(adopted)
    elif filters.document_type:
        queryset = queryset.filter(document__document_type=filters.document_type)
    return queryset


def _in_language(language: str):
    """The paragraphs in ``language``, never another (agreed language is wording, and wording is one language's):
    a language version's rows, which hold every text the archive has in that language, or for English the main
    texts that are English."""
    if is_version_language(language):
        return VersionParagraph.objects.filter(version__language=language)
    return Paragraph.objects.filter(document__language=language)


def _fulltext_query(text: str, config: str) -> SearchQuery | None:
    """Paragraphs holding any two of the query's most distinctive words: ``(a & b) | (a & c) | ...``.

    A paraphrase shares some words with its source, not all of them (so not an
    AND of every word), and an OR of every word would match most of the archive
    ("Member States", "trafficking") and rank it all.  Pairs of the longest
    words (a cheap stand-in for the rarest) keep the GIN lookup selective.
    """
    terms = sorted({w for w in words(text) if w.isalpha() and len(w) > 3}, key=lambda w: (-len(w), w))
    terms = terms[:FULLTEXT_TERMS]
    if not terms:
        return None
    if len(terms) == 1:
        return SearchQuery(terms[0], search_type="raw", config=config)
    pairs = [f"({a} & {b})" for i, a in enumerate(terms) for b in terms[i + 1:]]
    return SearchQuery(" | ".join(pairs), search_type="raw", config=config)


def agreed_language(text: str, filters: AgreedLanguageFilters | None = None, limit: int = 20,
                    min_similarity: float = 0.3) -> list[AgreedLanguageResult]:
    """The archive paragraphs closest in wording to ``text``, best first (adopted texts first among equals), in one
    language: ``filters.language``, else the text's own (``parser.language.detect_language``; English when it cannot
    tell), never mixing languages (``_in_language``).

    Candidates: paragraphs sharing an LSH band with the text (near-identical
    paragraphs) plus the best full-text matches of any of its words (a short
    phrase inside a long paragraph, which MinHash cannot see); both through GIN
    indexes.  Then exact scoring with ``phrase_similarity``.
    """
    filters = filters or AgreedLanguageFilters()
    language = filters.language or detect_language(text) or PREFERRED
    rows_model = VersionParagraph if is_version_language(language) else Paragraph
    config, text = config_for(language), comparable_text(text, language)    # Chinese: cut into words
    if not words(text):
        return []
    base = _filter_paragraphs(_in_language(language), filters)
    ids: set[int] = set()
    bands = band_hashes(text)
    # Candidates unordered (order_by()): the model's default order (newest document first) under a LIMIT
    # made PostgreSQL walk the documents by date and test every paragraph's bands row by row (8 s on
    # 3 million paragraphs) instead of reading the GIN index; they are re-ranked exactly below anyway.
    if bands:
        ids.update(base.filter(lsh_bands__overlap=bands).order_by().values_list("id", flat=True)[:LSH_CANDIDATES])
    if len(words(text)) <= SHORT_PHRASE_WORDS:
        # A short phrase is usually pasted as found: its exact occurrences are few and found at once.
        phrase = SearchQuery(text, search_type="phrase", config=config)
        ids.update(base.filter(search_vector=phrase).order_by().values_list("id", flat=True)[:FULLTEXT_CANDIDATES])
    query = _fulltext_query(text, config) if len(ids) < limit else None
    if query is not None:
        # Ranked among a bounded set of matches: ranking every match of two common words reads thousands of
        # vectors (seconds on 3 million paragraphs).
        matches = base.filter(search_vector=query).order_by().values("id")[:FULLTEXT_RANKED]
        ids.update(rows_model.objects.filter(id__in=matches)
                   .annotate(rank=SearchRank(F("search_vector"), query))
                   .order_by("-rank").values_list("id", flat=True)[:FULLTEXT_CANDIDATES])
    if not ids:
        return []
    scored = []
    for paragraph_id, paragraph_text, symbol_key, document_type in (
            rows_model.objects.filter(id__in=ids)
            .values_list("id", "text", "document__symbol_key", "document__document_type")):
        score = phrase_similarity(text, comparable_text(paragraph_text, language))
        if score >= min_similarity:
            scored.append((paragraph_id, round(score, 3), is_adopted(symbol_key, document_type)))
    # Best first; adopted texts first among equally close ones (same first decimal).
    scored.sort(key=lambda item: (-round(item[1], 1), not item[2], -item[1], item[0]))
    scored = scored[:limit]
    rows = {row.pk: row for row in rows_model.objects.filter(id__in=[paragraph_id for paragraph_id, _, _ in scored])
            .select_related("document")}
    version = language if rows_model is VersionParagraph else ""
    results = [AgreedLanguageResult(rows[paragraph_id], score, adopted, [], version)
               for paragraph_id, score, adopted in scored]
    for result in results:
        result.highlighted = highlight_match(text, comparable_text(result.paragraph.text, language))
    return results


def agreed_language_choices() -> dict:
    """Values offered by the filter form."""
    return {
        "bodies": list(Document.objects.exclude(body="").order_by("body").values_list("body", flat=True).distinct()),
        "document_types": list(Document.objects.exclude(document_type="").order_by("document_type")
                               .values_list("document_type", flat=True).distinct()),
    }
