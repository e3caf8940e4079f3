"""Where a paragraph's wording appeared before: the earlier archive paragraphs with (nearly) the same text.

Candidates share an LSH band with the paragraph (``lsh_bands &&``, GIN index);
each is then scored exactly (resolutions.lineage.similarity.text_similarity).
Used by the provenance page and, for every paragraph of B, by the comparison.
"""
from __future__ import annotations

import heapq
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.db import connection
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
# Columns of a paragraph and its document that no page of appearances shows, and that weigh the most to read.
HEAVY_FIELDS = ("search_vector", "lsh_bands", "document__search_vector", "document__text_bands",
                "document__unplaced", "document__parse_warnings")
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


def _sharing_a_band(paragraphs: list[Paragraph]) -> tuple[str, list]:
    """SQL (and its parameters) for the rows sharing a band with any of the paragraphs: one ``lsh_bands && <its
    bands>`` per paragraph, ORed.

    The same rows as one ``&&`` with the union of every band, at a fraction of the cost: PostgreSQL checks an
    array overlap by comparing every element with every other, so one condition of a page's 600-4,000 bands cost
    each row that many comparisons -- in the GIN scan (every item it finds against every key: 0.6 s for 28
    paragraphs on 275,000 rows) and, worse, in the sequential scan the planner chose for it (0.4 s on 9,000
    rows, 20 s on 275,000).  One condition per paragraph is a BitmapOr of small GIN scans (46 ms there).
    """
    groups = sorted({tuple(sorted(set(p.lsh_bands))) for p in paragraphs if p.lsh_bands})
    return " OR ".join(["p.lsh_bands && %s::bigint[]"] * len(groups)), [list(group) for group in groups]


def _earlier_sql(document: Document) -> tuple[str, list]:
    """_earlier_filter as SQL on the document ``d``."""
    if document.date:
        return "(d.date < %s OR (d.date IS NULL AND d.session < %s))", [document.date, document.session or 0]
    return "d.session < %s", [document.session]


def _oldest_sharing_a_band(paragraphs: list[Paragraph], document: Document) -> list[tuple[int, str, list[int], tuple]]:
    """(id, text, bands, sort key) of at most ``CANDIDATE_ROWS`` paragraphs of earlier documents sharing a band with
    the paragraphs, oldest first, among the first ``PROVENANCE_ROWS`` rows the index gives.  The sort key is
    ``_paragraph_sort_key``'s, read in the same statement."""
    sharing, sharing_params = _sharing_a_band(paragraphs)
    earlier, earlier_params = _earlier_sql(document)
    sql = f"""
        WITH sharing AS MATERIALIZED (
            SELECT p.id, p.document_id, p."order", p.text, p.lsh_bands FROM {Paragraph._meta.db_table} p
            WHERE ({sharing}) AND p.document_id <> %s LIMIT %s)
        SELECT s.id, s.text, s.lsh_bands, d.date, d.session, d.symbol, s."order" FROM sharing s JOIN {Document._meta.db_table} d ON d.id = s.document_id
        WHERE {earlier}
        ORDER BY d.date, d.session, s.document_id, s."order" LIMIT %s"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [*sharing_params, document.pk, PROVENANCE_ROWS, *earlier_params, CANDIDATE_ROWS])
        return [(pk, text, bands, (day or date.max, session or 0, symbol or "", order))
                for pk, text, bands, day, session, symbol, order in cursor.fetchall()]


@contextmanager
def _through_the_band_index():
    """Inside a transaction (the time limit's): no sequential scan for the statements of the block.

    PostgreSQL estimates an ``&&`` of many bands to match a large share of the rows and reads the whole table,
    testing every row against every band: 20 s on 275,000 paragraphs, where the GIN index answers in 0.1 s.
    ``SET LOCAL`` outlives the block until the outer transaction ends, so the old value is put back.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
        previous = cursor.fetchone()[0]
    yield
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])


@dataclass
class Appearance:
    paragraph: Paragraph
    similarity: float


def _paragraph_sort_key(appearance: Appearance):
    return (*time_key(appearance.paragraph.document)[:3], appearance.paragraph.order)


def earlier_appearances(paragraphs: list[Paragraph], document: Document, threshold: float = PROVENANCE_THRESHOLD,
                        notes: list[str] | None = None, first_only: bool = False) -> dict[int, list[Appearance]]:
    """For each paragraph (of ``document``), the earlier archive paragraphs with (nearly) the same text, oldest first.

    Two queries for all the paragraphs: candidates sharing an LSH band with any of
    the first ``PROVENANCE_PARAGRAPHS`` of them, from earlier documents (at
    most ``CANDIDATE_ROWS`` rows, the oldest of ``PROVENANCE_ROWS``); then
    exact similarity for each paragraph against its oldest
    ``PROVENANCE_CANDIDATES`` candidates sharing one of its bands (found through
    a dictionary of the candidates' bands), so a long document of repetitive
    paragraphs costs at most that many scores per paragraph, never one per
    candidate and paragraph.  What was not looked up is said in ``notes``.

    ``first_only``: each paragraph's list holds its first appearance only (what a comparison shows), and only
    those rows are read whole -- the same first appearance as the whole list's, without reading every other.
    """
    result: dict[int, list[Appearance]] = {p.pk: [] for p in paragraphs}
    earlier = _earlier_filter(document)
    bands = {band for p in paragraphs[:PROVENANCE_PARAGRAPHS] for band in p.lsh_bands}
    if earlier is None or not bands:
        return result
    if notes is not None and len(paragraphs) > PROVENANCE_PARAGRAPHS:
        notes.append(f"First appearances were looked up for the first {PROVENANCE_PARAGRAPHS:,} paragraphs only.")
    # One statement: the rows sharing a band, unordered, from the GIN index alone (ordered by date under a LIMIT,
    # PostgreSQL walked the documents by date and tested every row's bands against the whole array: over 15 minutes
    # for a 10,000-paragraph document), each with its document read once from the heap; then the oldest of those few
    # among the earlier documents.  (As two statements, the 20,000 ids sent back as parameters cost 0.5 s of Python
    # to bind; as an IN subquery, PostgreSQL joined every paragraph of every earlier document to them.)
    # The GIN lookup costs the length of every band's posting list: under a time limit of its own.
    try:
        with statement_time_limit(PROVENANCE_LOOKUP_MS), _through_the_band_index():
            candidates = _oldest_sharing_a_band(paragraphs[:PROVENANCE_PARAGRAPHS], document)
    except TimeLimitExceeded:
        if notes is not None:
            notes.append(PROVENANCE_TIMEOUT_NOTE)
        return result
    by_band: dict[int, list[int]] = {}
    for position, (_, _, candidate_bands, _) in enumerate(candidates):  # in time order: every list is sorted
        for band in set(candidate_bands):
            by_band.setdefault(band, []).append(position)
    found: list[tuple[int, int, float, tuple]] = []
    for paragraph in paragraphs[:PROVENANCE_PARAGRAPHS]:
        lists = [by_band[band] for band in set(paragraph.lsh_bands) if band in by_band]
        if not lists:
            continue
        seen: set[int] = set()
        for position in heapq.merge(*lists):  # oldest first
            if position in seen:
                continue
            seen.add(position)
            candidate_id, text, _, sort_key = candidates[position]
            score = text_similarity(paragraph.text, text)
            if score >= threshold:
                found.append((paragraph.pk, candidate_id, round(score, 3), sort_key))
            if len(seen) >= PROVENANCE_CANDIDATES:
                break
    if first_only:
        # The earliest by the order below (min keeps the first of equals, as the stable sort does).
        first: dict[int, tuple] = {}
        for item in found:
            if item[0] not in first or item[3] < first[item[0]][3]:
                first[item[0]] = item
        found = list(first.values())
    # Only the paragraphs kept are read whole, with their document: one more query.
    # Their search vectors and bands (and their documents') are not shown: not read.
    rows = {row.pk: row for row in Paragraph.objects.filter(id__in={item[1] for item in found})
            .select_related("document").defer(*HEAVY_FIELDS)} if found else {}
    for paragraph_id, candidate_id, score, _ in found:
        result[paragraph_id].append(Appearance(rows[candidate_id], score))
    for appearances in result.values():
        appearances.sort(key=_paragraph_sort_key)
    return result


def paragraph_provenance(paragraph: Paragraph) -> list[Appearance]:
    """Earlier paragraphs with the same or nearly the same text, the first appearance first."""
    return earlier_appearances([paragraph], paragraph.document)[paragraph.pk]
