"""Where a paragraph's wording appeared before: the earlier archive paragraphs with (nearly) the same text.

Candidates share an LSH band with the paragraph (``lsh_bands &&``, GIN index);
each is then scored exactly (resolutions.lineage.similarity.text_similarity).
Used by the provenance page and, for every paragraph of B, by the comparison.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from resolutions.lineage.similarity import text_similarity
from resolutions.models import Document, Paragraph
from resolutions.selectors.time_limits import TimeLimitExceeded, statement_time_limit

# "The same or nearly the same text" for provenance.
PROVENANCE_THRESHOLD = 0.7
# Earlier rows sharing a band kept for exact scoring, the oldest first.
CANDIDATE_ROWS = 1600
# Earlier paragraphs (sharing an LSH band) scored exactly against one paragraph, oldest first.
PROVENANCE_CANDIDATES = 40
# Paragraphs of one document whose earlier appearances are looked up at once (a comparison's page): the longest
# real resolutions have under a thousand; beyond, the page says the rest were not looked up.
PROVENANCE_PARAGRAPHS = 2000
# Rows sharing a band read from the index before the oldest are chosen.
PROVENANCE_ROWS = 20_000
# Time allowed to the index lookup of those rows (see selectors.time_limits).
PROVENANCE_LOOKUP_MS = 2000
PROVENANCE_TIMEOUT_NOTE = ("First appearances were not looked up: the paragraphs share their wording with too "
                           "many others for the time a page may take. Each paragraph's provenance page has them.")


def time_key(document: Document):
    """Documents in time order: date, then session, then symbol (undated last)."""
    return (document.date or date.max, document.session or 0, document.symbol or "", document.pk)


def _earlier_filter(document: Document) -> Q | None:
    """Documents earlier than this one: by date when known, else by session; None when neither is known."""
    if document.date:
        return Q(document__date__lt=document.date) | Q(document__date__isnull=True,
                                                        document__session__lt=document.session or 0)
    if document.session:
        return Q(document__session__lt=document.session)
    return None


@dataclass
class Appearance:
    paragraph: Paragraph
    similarity: float


def _paragraph_sort_key(appearance: Appearance):
    return (*time_key(appearance.paragraph.document)[:3], appearance.paragraph.order)


def earlier_appearances(paragraphs: list[Paragraph], document: Document, threshold: float = PROVENANCE_THRESHOLD,
                        notes: list[str] | None = None) -> dict[int, list[Appearance]]:
    """For each paragraph (of ``document``), the earlier archive paragraphs with (nearly) the same text, oldest first.

    Two queries for all the paragraphs: candidates sharing an LSH band with any of
    the first ``PROVENANCE_PARAGRAPHS`` of them, from earlier documents (at
    most ``CANDIDATE_ROWS`` rows, the oldest of ``PROVENANCE_ROWS``); then
    exact similarity for each paragraph against its oldest
    ``PROVENANCE_CANDIDATES`` candidates sharing one of its bands (found through
    a dictionary of the candidates' bands), so a long document of repetitive
    paragraphs costs at most that many scores per paragraph, never one per
    candidate and paragraph.  What was not looked up is said in ``notes``.
    """
    result: dict[int, list[Appearance]] = {p.pk: [] for p in paragraphs}
    earlier = _earlier_filter(document)
    bands = {band for p in paragraphs[:PROVENANCE_PARAGRAPHS] for band in p.lsh_bands}
    if earlier is None or not bands:
        return result
    if notes is not None and len(paragraphs) > PROVENANCE_PARAGRAPHS:
        notes.append(f"First appearances were looked up for the first {PROVENANCE_PARAGRAPHS:,} paragraphs only.")
    # Two steps: the rows sharing a band, unordered, from the GIN index alone (ordered by date under a LIMIT,
    # PostgreSQL walked the documents by date and tested every row's bands against the whole array: over 15
    # minutes for a 10,000-paragraph document); then the oldest of those few among the earlier documents.
    # The GIN lookup costs the length of every band's posting list: under a time limit of its own.
    try:
        with statement_time_limit(PROVENANCE_LOOKUP_MS):
            sharing = list(Paragraph.objects.filter(lsh_bands__overlap=sorted(bands)).exclude(document=document)
                           .order_by().values_list("id", flat=True)[:PROVENANCE_ROWS])
    except TimeLimitExceeded:
        if notes is not None:
            notes.append(PROVENANCE_TIMEOUT_NOTE)
        return result
    candidates = list(Paragraph.objects.filter(id__in=sharing).filter(earlier)
                      .order_by("document__date", "document__session", "document_id", "order")
                      .values_list("id", "text", "lsh_bands")[:CANDIDATE_ROWS])
    by_band: dict[int, list[int]] = {}
    for position, (_, _, candidate_bands) in enumerate(candidates):  # in time order: every list is sorted
        for band in set(candidate_bands):
            by_band.setdefault(band, []).append(position)
    found: list[tuple[int, int, float]] = []
    for paragraph in paragraphs[:PROVENANCE_PARAGRAPHS]:
        lists = [by_band[band] for band in set(paragraph.lsh_bands) if band in by_band]
        if not lists:
            continue
        seen: set[int] = set()
        for position in heapq.merge(*lists):  # oldest first
            if position in seen:
                continue
            seen.add(position)
            candidate_id, text, _ = candidates[position]
            score = text_similarity(paragraph.text, text)
            if score >= threshold:
                found.append((paragraph.pk, candidate_id, round(score, 3)))
            if len(seen) >= PROVENANCE_CANDIDATES:
                break
    # Only the paragraphs kept are read whole, with their document: one more query.
    rows = {row.pk: row for row in Paragraph.objects.filter(id__in={candidate_id for _, candidate_id, _ in found})
            .select_related("document")} if found else {}
    for paragraph_id, candidate_id, score in found:
        result[paragraph_id].append(Appearance(rows[candidate_id], score))
    for appearances in result.values():
        appearances.sort(key=_paragraph_sort_key)
    return result


def paragraph_provenance(paragraph: Paragraph) -> list[Appearance]:
    """Earlier paragraphs with the same or nearly the same text, the first appearance first."""
    return earlier_appearances([paragraph], paragraph.document)[paragraph.pk]
