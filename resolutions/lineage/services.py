"""Versions, series and paragraph similarity bands: the writes of the lineage feature.

``after_ingest(document)`` is called by ``services.documents.document_changed``
(after an ingestion, a re-parse or a staff edit): version links (revision,
adopted from) and the series.  ``compute_bands(document)`` recomputes the LSH
band hashes of its paragraphs and of its whole text after a staff edit (the
ingestion service stores them with the rows).  Whether an upload is a document
already stored in another format is ingestion's question
(``services.ingestion.same_text``).

``relink_all()`` recomputes all of it for the whole archive (``manage.py relink``).
"""
from __future__ import annotations

import hashlib
import re

from django.db import connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from resolutions.lineage.provenance import _through_the_band_index
from resolutions.lineage.similarity import (NEAR_DUPLICATE, band_hashes_many, paragraph_and_document_bands,
                                              text_similarity, words)
from resolutions.models import Document, DocumentLink, Paragraph, Series
from resolutions.un.adoption import is_adopted
from resolutions.un.symbols import REVISION_INFIX, revision_parts

SAME_PARAGRAPH = 0.9
# A draft and the resolution adopted from it: same title and session, and at
# least this share of paragraphs nearly the same.
ADOPTED_SHARE = 0.6
# How a link from the draft symbol of the UN's markup says it was found (DocumentLink.method, shown on the page).
WORKFLOW = "draft symbol in the UN's markup"

_TITLE_NOISE = re.compile(
    r"\b(?:revised\s+)?draft\s+(?:resolution|decision)s?\b|\brevised\s+draft\b|\bdraft\b|\brevision\b",
    re.IGNORECASE)


# ---------------------------------------------------------------------------
# Paragraph bands


def compute_bands(document: Document) -> int:
    """Store the LSH band hashes of every paragraph and of the whole text (one bulk update); returns the count."""
    # Not through document.paragraphs: the related manager would fetch each row's deferred document_id
    # again (one query per paragraph).
    rows = list(Paragraph.objects.filter(document_id=document.pk).order_by("order").values_list("id", "text"))
    paragraph_bands, fingerprint = paragraph_and_document_bands([text for _, text in rows])
    # psycopg 3 pipelines executemany: one round trip for all rows, where bulk_update's CASE over
    # arrays grows slow with long documents.
    with connection.cursor() as cursor:
        cursor.executemany("UPDATE resolutions_paragraph SET lsh_bands = %s WHERE id = %s",
                           [(bands, pk) for (pk, _), bands in zip(rows, paragraph_bands)])
        cursor.execute("UPDATE resolutions_document SET text_bands = %s WHERE id = %s", [fingerprint, document.pk])
    return len(rows)


def paragraph_share(a_texts: list[str], b_texts: list[str], threshold: float = SAME_PARAGRAPH) -> float:
    """Share of the shorter list's paragraphs that have a paragraph of the other list at ``threshold`` or more."""
    if not a_texts or not b_texts:
        return 0.0
    shorter, longer = (a_texts, b_texts) if len(a_texts) <= len(b_texts) else (b_texts, a_texts)
    found = sum(1 for text in shorter if any(text_similarity(text, other) >= threshold for other in longer))
    return found / len(shorter)


# Paragraphs of a document asked about (the longest: boilerplate formulas such as "Decides to remain seized of
# the matter" are short, and a long paragraph rarely recurs outside its own series), and rows read per paragraph.
# A formula shared by most of the archive so contributes at most CANDIDATE_ROWS rows, not one per document
# holding it: the statement reads at most CANDIDATE_PARAGRAPHS x CANDIDATE_ROWS rows at any archive size.
CANDIDATE_PARAGRAPHS = 24
CANDIDATE_ROWS = 100
# Shorter paragraphs are formulas or headings ("Decides to remain seized of the matter", "Annex"): asked about
# only when the document has no longer ones.
CANDIDATE_MIN_WORDS = 12


def _distinctive(texts: list[str]) -> list[str]:
    """The CANDIDATE_PARAGRAPHS longest distinct paragraphs (in words), preferring those of CANDIDATE_MIN_WORDS."""
    distinct = list(dict.fromkeys(texts))
    ranked = sorted(distinct, key=lambda text: len(words(text)), reverse=True)
    long_enough = [text for text in ranked if len(words(text)) >= CANDIDATE_MIN_WORDS]
    return (long_enough or ranked)[:CANDIDATE_PARAGRAPHS]


def _candidate_documents(texts: list[str], limit: int = 5, exclude: int | None = None) -> list[int]:
    """Documents sharing an LSH band with the most of these paragraphs' most distinctive ones (GIN index on
    lsh_bands, && operator), at most CANDIDATE_ROWS rows read per paragraph.

    One ``&&`` per paragraph, each under its own LIMIT (a LATERAL subquery), ranked by the number of the
    paragraphs a document shares.  It was one ``&&`` of every band of up to 200 paragraphs, grouped by document:
    every row sharing any band was read and counted -- every document holding a formula -- and PostgreSQL
    compared each row's bands with each of the thousands asked (1.5-2 s a call at 73,000 paragraphs, growing
    with the archive).
    """
    asked = [bands for bands in band_hashes_many(_distinctive(texts)) if bands]
    if not asked:
        return []
    values = ", ".join(["(%s, %s::bigint[])"] * len(asked))
    params: list = [item for index, bands in enumerate(asked) for item in (index, sorted(set(bands)))]
    # Under a LIMIT the planner may prefer walking the table until enough rows match: for a distinctive
    # paragraph that is the whole table.  The GIN index is the bound.
    with transaction.atomic(), _through_the_band_index(), connection.cursor() as cursor:
        cursor.execute(
            f"SELECT hit.document_id FROM (VALUES {values}) AS asked(paragraph, bands) "
            f"CROSS JOIN LATERAL (SELECT p.document_id FROM {Paragraph._meta.db_table} p "
            "  WHERE p.lsh_bands && asked.bands AND p.document_id <> %s LIMIT %s) AS hit "
            "GROUP BY hit.document_id ORDER BY count(DISTINCT asked.paragraph) DESC, hit.document_id LIMIT %s",
            [*params, exclude if exclude is not None else -1, CANDIDATE_ROWS, limit])
        return [row[0] for row in cursor.fetchall()]


# ---------------------------------------------------------------------------
# Version links


def _document_texts(document: Document) -> list[str]:
    return [text for text in Paragraph.objects.filter(document_id=document.pk).order_by("order")
            .values_list("text", flat=True) if words(text)]


def is_adopted_resolution(document: Document) -> bool:
    return is_adopted(document.symbol_key, document.document_type)


def _link(source: Document, target: Document, kind: str, method: str, score: float | None) -> None:
    # update_or_create in one statement (INSERT ... ON CONFLICT DO UPDATE on documentlink_unique), where Django's
    # took four (a savepoint, a locking read, the write, the release) and could meet a concurrent insert.
    DocumentLink.objects.bulk_create([DocumentLink(source=source, target=target, kind=kind, method=method,
                                                   score=score)],
                                     update_conflicts=True, unique_fields=["source", "target", "kind"],
                                     update_fields=["method", "score"])


def _link_revisions(document: Document) -> None:
    """Each revision of a symbol links to the one before it: base <- Rev.1 <- Rev.2 (whichever are stored)."""
    parts = revision_parts(document.symbol_key)
    if not parts:
        return
    base = parts[0]
    family = Document.objects.filter(Q(symbol_key=base) | Q(symbol_key__startswith=base + REVISION_INFIX)).only(*_LINK_FIELDS)
    versions = sorted(((revision_parts(d.symbol_key), d) for d in family), key=lambda item: item[0][1])
    versions = [(p, d) for p, d in versions if p and p[0] == base]
    for (_, earlier), (_, later) in zip(versions, versions[1:]):
        _link(later, earlier, DocumentLink.Kind.REVISION, "symbol", None)


def _latest_drafts(drafts: list[Document]) -> list[Document]:
    """Of several drafts of one symbol family, the last revision only."""
    best: dict[str, tuple[int, Document]] = {}
    for draft in drafts:
        base, number = revision_parts(draft.symbol_key) or (f"#{draft.pk}", 0)
        if base not in best or number > best[base][0]:
            best[base] = (number, draft)
    return [d for _, d in best.values()]


# What version linking reads of a document: never its search vector or fingerprint (kilobytes a row).
_LINK_FIELDS = ("id", "symbol", "symbol_key", "document_type", "title", "session", "series_id", "draft_symbol_key")


def _same_session_in_series(document: Document):
    """The other documents of its series and session, filtered in SQL: a series grows by the session."""
    return (Document.objects.filter(series_id=document.series_id, session=document.session)
            .exclude(pk=document.pk).only(*_LINK_FIELDS))


def _link_by_workflow(document: Document) -> bool:
    """The resolution and the draft its markup names (AKN workflow 'draftResolution', ``Document.draft_symbol``),
    whichever of the two is stored last: one link, from the resolution to the draft.  True when a link was made
    for a resolution (then no other method is tried)."""
    if is_adopted_resolution(document):
        if not document.draft_symbol_key:
            return False
        draft = Document.objects.filter(symbol_key=document.draft_symbol_key).exclude(pk=document.pk).only(
            *_LINK_FIELDS).first()
        if draft is not None:
            _link(document, draft, DocumentLink.Kind.ADOPTED, WORKFLOW, None)
        return draft is not None
    if document.symbol_key:
        for resolution in Document.objects.filter(draft_symbol_key=document.symbol_key).exclude(pk=document.pk):
            if is_adopted_resolution(resolution):
                # The named draft replaces whatever draft title and text similarity had found before it arrived.
                DocumentLink.objects.filter(source=resolution, kind=DocumentLink.Kind.ADOPTED).exclude(
                    target=document).delete()
                _link(resolution, document, DocumentLink.Kind.ADOPTED, WORKFLOW, None)
    return False


def _link_adopted(document: Document) -> None:
    """A resolution and the draft it was adopted from: by the draft symbol its markup names, by an explicit
    reference, or by title, session and text."""
    if _link_by_workflow(document):
        return
    key = title_key(document.title)
    if is_adopted_resolution(document):
        resolution = document
        referenced = Document.objects.filter(cited_by__document=resolution).distinct().only(*_LINK_FIELDS)
        drafts = [d for d in referenced if not is_adopted_resolution(d) and title_key(d.title) == key]
        for draft in _latest_drafts(drafts):
            _link(resolution, draft, DocumentLink.Kind.ADOPTED, "reference", None)
        if drafts or not key or document.series_id is None:
            return
        candidates = [d for d in _same_session_in_series(document) if not is_adopted_resolution(d)]
        texts = _document_texts(resolution)
        for draft in _latest_drafts(candidates):
            score = paragraph_share(texts, _document_texts(draft), NEAR_DUPLICATE)
            if score >= ADOPTED_SHARE:
                _link(resolution, draft, DocumentLink.Kind.ADOPTED, "title+session+similarity", round(score, 3))
    elif document.series_id is not None:
        # A draft stored after its resolution: let each resolution of the series and session look again.
        for resolution in _same_session_in_series(document):
            if is_adopted_resolution(resolution):
                _link_adopted(resolution)


def link_versions(document: Document, *, new: bool = False) -> None:
    """Recompute the document's revision and adoption links (the series must be assigned first); ``new``: the
    document was inserted in this transaction, so no link names it yet and there is none to delete."""
    if not new:
        DocumentLink.objects.filter(Q(source=document) | Q(target=document)).delete()
    _link_revisions(document)
    _link_adopted(document)


# ---------------------------------------------------------------------------
# Series


def title_key(title: str | None) -> str:
    """A title normalised for grouping: lower case, no punctuation, 'draft resolution' noise removed."""
    text = _TITLE_NOISE.sub(" ", title or "")
    return " ".join(words(text))[:300]


def _unique_slug(title: str) -> str:
    # A title without Latin letters (Arabic, Chinese, Russian) slugifies to nothing: its base is its own digest, so
    # such series do not all walk and race for the next 'series-N' (a query per taken N, every process wanting the
    # same N: the parallel AKN load's duplicate slug on A_RES_80_28-2519817C.xml).
    base = slugify(title)[:190] or f"series-{hashlib.sha1(title_key(title).encode()).hexdigest()[:10]}"
    slug, n = base, 1
    while Series.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


SERIES_ATTEMPTS = 5      # each failed attempt means another process took the slug just chosen: rare, never endless


def series_for_title(key: str, title: str) -> Series:
    """The series of this normalised title, created when new.

    Another process ingesting at the same time (``ingest --jobs``, the workers) may create the same series, or
    another one with the slug chosen here, between the look and the insert.  So the insert is ``ON CONFLICT DO
    NOTHING`` (a duplicate key would abort the whole ingestion's transaction) and the series is looked up again:
    the other process's series when it was the same title, else a fresh slug is chosen and inserted again.  Under
    READ COMMITTED each statement sees what the other process committed; an insert meeting a row not yet committed
    waits for it."""
    for _ in range(SERIES_ATTEMPTS):
        series = Series.objects.filter(title_key=key).first()
        if series is not None:
            return series
        Series.objects.bulk_create([Series(title_key=key, title=" ".join(title.split()), slug=_unique_slug(title))],
                                   ignore_conflicts=True)
    series = Series.objects.filter(title_key=key).first()
    if series is None:
        raise RuntimeError(f"no free slug for the series {title!r} after {SERIES_ATTEMPTS} attempts")
    return series


def series_by_title(document: Document) -> Series | None:
    """The series ``assign_series`` gives a document with a title (created when new); None without one (its series
    then depends on its stored paragraphs).  The ingestion sets it on a new document before the insert, which
    spares the update that would follow it."""
    key = title_key(document.title)
    return series_for_title(key, document.title) if key else None


def assign_series(document: Document) -> Series | None:
    """Put the document in the series of its normalised title (created when new).

    A document without a title joins the series of the stored document whose
    paragraphs it shares most (LSH candidates, then exact share >= ADOPTED_SHARE).
    """
    old_series_id = document.series_id
    key = title_key(document.title)
    series = None
    if key:
        series = series_for_title(key, document.title)
    else:
        texts = _document_texts(document)
        for candidate_id in _candidate_documents(texts, limit=3, exclude=document.pk):
            candidate = Document.objects.get(pk=candidate_id)
            if candidate.series_id and paragraph_share(texts, _document_texts(candidate),
                                                       NEAR_DUPLICATE) >= ADOPTED_SHARE:
                series = candidate.series
                break
    if (series.pk if series else None) != old_series_id:
        document.series = series
        document.save(update_fields=["series"])
        if old_series_id and not Document.objects.filter(series_id=old_series_id).exists():
            Series.objects.filter(pk=old_series_id).delete()
    return series


# ---------------------------------------------------------------------------
# Entry points


def after_ingest(document: Document, *, new: bool = False) -> None:
    """Link a freshly stored document to its versions and series.

    The LSH bands of its paragraphs and of its whole text are written with the
    rows themselves by the ingestion service (``Paragraph.lsh_bands`` at insert,
    ``Document.text_bands``): an update afterwards would write every paragraph
    row, and its full-text index entries, a second time.  ``new``: the document
    was inserted in this transaction, with the series of its title when it has
    one (``series_by_title``, nothing stored since can change it), and no link
    names it yet.
    """
    if not (new and document.series_id is not None):
        assign_series(document)
    link_versions(document, new=new)


def relink_all(progress=None) -> dict[str, int]:
    """Recompute bands, series and version links for every document (``manage.py relink``)."""
    documents = list(Document.objects.order_by("date", "pk"))
    paragraphs = 0
    for document in documents:
        paragraphs += compute_bands(document)
    for document in documents:
        assign_series(document)
    Series.objects.filter(documents__isnull=True).delete()
    DocumentLink.objects.all().delete()
    for document in documents:
        _link_revisions(document)
        _link_adopted(document)
        if progress:
            progress(document)
    return {"documents": len(documents), "paragraphs": paragraphs, "series": Series.objects.count(),
            "links": DocumentLink.objects.count()}

