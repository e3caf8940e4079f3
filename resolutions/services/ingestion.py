"""The one ingestion service: a file's bytes in, a SourceFile and (when it parses) a stored Document out.

Every entry point goes through here: the ``ingest`` and ``load_samples``
commands (``ingest_paths``), the admin upload page and its "Re-run ingestion"
action (``queue_uploads``, ``requeue``), and the background task
(``process_source_file``).

The order of the steps is what makes it safe:

1. the bytes are hashed; bytes already parsed are a *duplicate* and nothing is
   written (idempotent);
2. the SourceFile, bytes included, is recorded and committed on its own, so an
   upload is never lost whatever happens next;
3. the parser runs (outside any transaction); a ParseError or any other
   exception marks the SourceFile *failed* with the message, nothing else;
4. the whole document is stored in one transaction, with the search index,
   lineage and the resolution of citations that were waiting for it.

A file with the symbol of a document already in the archive is a corrected
re-upload: its parse replaces the old one and both SourceFiles stay linked to
the document, unless staff edited the document in the admin (Document.edited),
in which case their corrections win until someone passes ``discard_edits``.
"""
from __future__ import annotations

import logging
import mimetypes
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.db import IntegrityError, OperationalError, connection, connections, transaction
from psycopg.errors import DeadlockDetected
from django.utils import timezone

from resolutions.citations.keys import normalise_symbol
from resolutions.models import (
    AgendaItem,
    Citation,
    Document,
    DocumentAgendaItem,
    Footnote,
    MemberState,
    Paragraph,
    SourceFile,
    Sponsorship,
)
from resolutions.parser import ParsedDocument, ParseError, detect_format, parse
from resolutions.parser.subject import subject_from_text
from resolutions.services import indexing, lineage
from resolutions.services.annexes import store_annexes, unplaced_blocks
from resolutions.services.citations import resolve_citations, resolve_pending_citations
from resolutions.services.uploads import Upload, count_paths, iter_paths, sha256_hex
from resolutions.similarity import paragraph_and_document_bands
from resolutions.un.anchors import Anchors, subparagraph
from votes.services import votes_after_ingest

logger = logging.getLogger(__name__)

FORMAT_MEDIA_TYPES = {
    "text": "text/plain",
    "markdown": "text/markdown",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "akn": "application/akn+xml",
}

DUPLICATE = "duplicate"
PENDING = SourceFile.Status.PENDING.value
PARSED = SourceFile.Status.PARSED.value
FAILED = SourceFile.Status.FAILED.value
REFUSED = SourceFile.Status.REFUSED.value


@dataclass
class IngestionOutcome:
    """What became of one file.

    ``status`` is the SourceFile status ('parsed', 'failed', 'refused',
    'pending' for a queued upload) or 'duplicate' when the same bytes were
    already parsed (then ``source_file`` is the earlier record and nothing was
    written).  ``created`` is True when this call created a new Document.
    """

    source_file: SourceFile | None
    document: Document | None
    status: str
    message: str = ""
    created: bool = False
    name: str = ""

    @property
    def ok(self) -> bool:
        return self.status in (PARSED, DUPLICATE, PENDING)


def new_batch_id() -> str:
    return timezone.now().strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]


# ---------------------------------------------------------------------------
# Recording SourceFiles


def _media_type(filename: str, fmt: str) -> str:
    return mimetypes.guess_type(filename)[0] or FORMAT_MEDIA_TYPES.get(fmt, "application/octet-stream")


def _create_source_file(*, sha256: str, name: str, data: bytes, size: int, uploaded_by, batch: str,
                        status: str = PENDING, error: str = "") -> tuple[SourceFile, bool]:
    """Record a SourceFile in a transaction of its own; (record, created). Another process may have won the race."""
    try:
        fmt = detect_format(data, name) if data else ""
    except ParseError:
        fmt = ""  # an unsupported format: recorded all the same, and the parse says why it fails
    try:
        with transaction.atomic():
            return SourceFile.objects.create(
                sha256=sha256, original_name=name[:255], content=data, size=size, format=fmt,
                media_type=_media_type(name, fmt) if fmt else (mimetypes.guess_type(name)[0] or ""),
                uploaded_by=uploaded_by, batch=batch or "", status=status, error=error,
                processed_at=timezone.now() if status != PENDING else None,
            ), True
    except IntegrityError:
        return SourceFile.objects.get(sha256=sha256), False


def _is_parsed(source_file: SourceFile) -> bool:
    return source_file.status == PARSED and source_file.document_id is not None


def _duplicate(source_file: SourceFile, name: str) -> IngestionOutcome:
    document = source_file.document
    return IngestionOutcome(source_file, document, DUPLICATE, name=name,
                            message=f"Already in the archive as '{source_file.original_name}'"
                            + (f" ({document})." if document else "."))


def record_refused(upload: Upload, *, uploaded_by=None, batch: str = "") -> IngestionOutcome:
    """Keep a refused file (its bytes when they were read) with status refused and the reason."""
    if not upload.record:
        return IngestionOutcome(None, None, REFUSED, upload.refusal, name=upload.name)
    source_file, created = _create_source_file(
        sha256=upload.sha256, name=upload.name, data=upload.data or b"", size=upload.size,
        uploaded_by=uploaded_by, batch=batch, status=REFUSED, error=upload.refusal)
    message = upload.refusal
    if not created:
        # The same bytes are already recorded (perhaps parsed): they are not lost, and that record is left alone.
        message += f" The same bytes are already recorded as '{source_file.original_name}' ({source_file.status})."
    return IngestionOutcome(source_file, source_file.document, REFUSED, message, name=upload.name)


# ---------------------------------------------------------------------------
# Ingesting


def ingest_file(data: bytes, filename: str, *, uploaded_by=None, batch: str = "",
                source_file: SourceFile | None = None, discard_edits: bool = False) -> IngestionOutcome:
    """Record, parse and store one file (see the module docstring for the steps).

    ``source_file``: an already-recorded SourceFile holding these bytes (the
    background task, a re-run); it is parsed again whatever its status.
    ``discard_edits``: replace a staff-edited document's paragraphs anyway.
    """
    if source_file is None:
        sha256 = sha256_hex(data)
        existing = SourceFile.objects.filter(sha256=sha256).select_related("document").first()
        if existing is not None and _is_parsed(existing):
            if discard_edits and existing.document.edited:
                # Kept earlier without being applied because of staff edits: apply it now, as asked.
                return _parse_and_store(existing, data, filename, discard_edits=True)
            return _duplicate(existing, filename)
        if existing is None:
            source_file, created = _create_source_file(sha256=sha256, name=filename, data=data, size=len(data),
                                                       uploaded_by=uploaded_by, batch=batch)
            if not created and _is_parsed(source_file):
                return _duplicate(source_file, filename)
        else:
            # Recorded before but never parsed (failed, refused or still pending): try again on that record,
            # unless a background worker holds it right now (it locks the row, see tasks.py).
            with transaction.atomic():
                source_file = SourceFile.objects.select_for_update(skip_locked=True).filter(pk=existing.pk).first()
                if source_file is None:
                    return IngestionOutcome(existing, None, PENDING, "Being ingested by a background worker.",
                                            name=filename)
                if _is_parsed(source_file):
                    return _duplicate(source_file, filename)
                return _parse_and_store(source_file, data, filename, discard_edits=discard_edits)
    return _parse_and_store(source_file, data, filename, discard_edits=discard_edits)


def process_source_file(source_file: SourceFile, *, discard_edits: bool = False) -> IngestionOutcome:
    """Parse and store a recorded SourceFile from its kept bytes (the task and the admin's re-run)."""
    return ingest_file(bytes(source_file.content), source_file.original_name, source_file=source_file,
                       discard_edits=discard_edits)


def _parse_and_store(source_file: SourceFile, data: bytes, filename: str, *, discard_edits: bool) -> IngestionOutcome:
    try:
        parsed = parse(data, filename)
    except ParseError as exc:
        return _fail(source_file, str(exc) or "The file could not be read as a resolution.", filename)
    except Exception as exc:  # a parser bug must not lose the upload nor stop a batch
        logger.exception("Parser crashed on %s", filename)
        return _fail(source_file, f"Internal error: {type(exc).__name__}: {exc}", filename)
    try:
        try:
            with transaction.atomic():
                return _store(source_file, parsed, filename, discard_edits=discard_edits)
        except (IntegrityError, OperationalError) as exc:
            if isinstance(exc, OperationalError) and not isinstance(exc.__cause__, DeadlockDetected):
                raise
            # Another process stored the same symbol between our lookup and our insert (or PostgreSQL chose
            # this transaction to break a lock cycle with another ingestion): once more, now as a re-upload.
            with transaction.atomic():
                return _store(source_file, parsed, filename, discard_edits=discard_edits)
    except Exception as exc:  # rolled back as a whole; the SourceFile keeps the bytes and the reason
        logger.exception("Storing %s failed", filename)
        return _fail(source_file, f"Internal error: {type(exc).__name__}: {exc}", filename)


def _fail(source_file: SourceFile, message: str, filename: str) -> IngestionOutcome:
    source_file.status = FAILED
    source_file.error = message
    source_file.processed_at = timezone.now()
    source_file.save(update_fields=["status", "error", "processed_at"])
    return IngestionOutcome(source_file, None, FAILED, message, name=filename)


def _clip(value, limit: int, field: str, warnings: list[str]) -> str:
    """A parsed string fitted to its column; a cut is reported rather than silently lost."""
    value = (value or "").strip() if isinstance(value, str) or value is None else str(value)
    if len(value) > limit:
        warnings.append(f"{field} was longer than {limit} characters and was cut: {value!r}")
        value = value[:limit]
    return value


def _document_fields(parsed: ParsedDocument, warnings: list[str]) -> dict:
    symbol = _clip(parsed.symbol, 80, "Symbol", warnings) or None
    parsed_date = None
    if parsed.date:
        try:
            parsed_date = date.fromisoformat(parsed.date)
        except (TypeError, ValueError):
            warnings.append(f"Date {parsed.date!r} is not an ISO date; left empty.")
    return {
        "symbol": symbol,
        "symbol_key": normalise_symbol(symbol) if symbol else None,
        "body": _clip(parsed.body, 80, "Body", warnings),
        "session": parsed.session,
        "committee": _clip(parsed.committee, 80, "Committee", warnings),
        "date": parsed_date,
        "distribution": _clip(parsed.distribution, 40, "Distribution", warnings),
        "original_language": _clip(parsed.original_language, 40, "Original language", warnings),
        "document_type": _clip(parsed.document_type, 120, "Document type", warnings),
        "title": (parsed.title or "").strip(),
        "subject": _clip(subject_from_text(parsed), Document._meta.get_field("subject").max_length, "Subject",
                         warnings),
        "preamble_subject": _clip(parsed.preamble_subject, 120, "Preamble subject", warnings),
    }


def _store(source_file: SourceFile, parsed: ParsedDocument, filename: str, *, discard_edits: bool) -> IngestionOutcome:
    """Store the parse as one Document with all its rows (the caller holds the transaction)."""
    warnings = list(parsed.warnings)
    fields = _document_fields(parsed, warnings)
    document = None
    if fields["symbol_key"]:
        document = Document.objects.select_for_update().filter(symbol_key=fields["symbol_key"]).first()
    if document is None and source_file.document_id:
        # This very file was stored before (a re-run): replace its own document, do not add a second one.
        document = Document.objects.select_for_update().filter(pk=source_file.document_id).first()
    texts = lineage.stored_texts(parsed)
    paragraph_bands, fingerprint = paragraph_and_document_bands(texts)
    lineage.lock_same_text(fingerprint, has_symbol=bool(fields["symbol_key"]))
    if document is None:
        # The same text already stored from another file (another format of it): one document, two source
        # files. Its non-empty metadata is kept, empty fields are filled from this file (lineage issue).
        same = lineage.find_same_document(parsed, fingerprint)
        if same is not None:
            document = Document.objects.select_for_update().get(pk=same.pk)
        if document is not None and document.symbol_key and fields["symbol_key"] \
                and document.symbol_key != fields["symbol_key"]:
            document = None  # another file with another symbol merged into it while we waited for its row
        if document is not None:
            fields = lineage.merge_into(document, fields)
            if lineage.keeps_stored_parse(document, parsed):
                # This file has less of the header (seed 001 beside 000): it only becomes another source file.
                for name, value in fields.items():
                    setattr(document, name, value)
                document.save()
                indexing.index_document(document)
                lineage.after_ingest(document)
                resolve_pending_citations(document)  # the merge may have given it a symbol
                message = f"Same text as {document}: kept as another source file of it."
                _mark_parsed(source_file, document, parsed.format, warnings + [message])
                return IngestionOutcome(source_file, document, PARSED, message, name=filename)

    if document is not None and document.edited and not discard_edits:
        message = (f"The parse was not applied: staff edited {document} in the admin, and their corrections are "
                   "kept. Re-run ingestion discarding staff edits to replace them with this file's parse.")
        _mark_parsed(source_file, document, parsed.format, warnings + [message])
        return IngestionOutcome(source_file, document, PARSED, message, name=filename)

    created = document is None
    if created:
        document = Document(**fields)
    else:
        for name, value in fields.items():
            setattr(document, name, value)
        document.edited = False
        _delete_parse(document)
    document.parse_warnings = warnings
    document.unplaced = unplaced_blocks(parsed)
    document.text_bands = fingerprint
    document.save()

    _store_agenda_items(document, parsed)
    _store_sponsorships(document, parsed)
    paragraph_rows = _store_paragraphs(document, parsed, paragraph_bands)
    footnote_rows = _store_footnotes(document, parsed)
    resolution_rows = sum(1 + len(p.subparagraphs) for p in parsed.paragraphs)
    store_annexes(document, parsed, paragraph_bands[resolution_rows:], first_order=resolution_rows + 1)
    _store_citations(document, parsed, paragraph_rows, footnote_rows)
    votes_after_ingest(document, parsed)

    indexing.index_document(document)
    lineage.after_ingest(document)
    resolve_pending_citations(document)

    _mark_parsed(source_file, document, parsed.format, warnings)
    message = str(document) if created else f"{document} (replaced the earlier parse)"
    return IngestionOutcome(source_file, document, PARSED, message, created=created, name=filename)


def _mark_parsed(source_file: SourceFile, document: Document, fmt: str, warnings: list[str]) -> None:
    source_file.status = PARSED
    source_file.document = document
    source_file.format = fmt or source_file.format
    source_file.warnings = warnings
    source_file.error = ""
    source_file.processed_at = timezone.now()
    source_file.save(update_fields=["status", "document", "format", "warnings", "error", "processed_at"])


def _delete_parse(document: Document) -> None:
    """Remove the rows an earlier parse made (citations from this document go with its paragraphs)."""
    document.citations.all().delete()
    document.paragraphs.all().delete()
    document.footnotes.all().delete()
    document.annexes.all().delete()
    document.sponsorships.all().delete()
    DocumentAgendaItem.objects.filter(document=document).delete()


def _store_agenda_items(document: Document, parsed: ParsedDocument) -> None:
    for order, ref in enumerate(parsed.agenda_items, start=1):
        number = (ref.number or "").strip()[:20]
        if not number:
            continue
        item, created = AgendaItem.objects.get_or_create(
            body=document.body, session=document.session, number=number,
            defaults={"title": (ref.title or "").strip()},
        )
        if not created and ref.title and not item.title:
            item.title = ref.title.strip()
            item.save(update_fields=["title"])
        DocumentAgendaItem.objects.get_or_create(document=document, agenda_item=item, defaults={"order": order})


def _name_key(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).casefold()


def member_state_index() -> dict[str, MemberState]:
    """Every name and alias of every MemberState, case-folded, to the state."""
    index: dict[str, MemberState] = {}
    for state in MemberState.objects.only("id", "name", "aliases"):
        for name in [state.name, *state.aliases]:
            index.setdefault(_name_key(name), state)
    return index


def find_state(index: dict[str, MemberState], *names: str | None) -> MemberState | None:
    for name in names:
        if not name:
            continue
        key = _name_key(name)
        for candidate in (key, key.removeprefix("the ")):
            if candidate in index:
                return index[candidate]
    return None


def _store_sponsorships(document: Document, parsed: ParsedDocument) -> None:
    if not parsed.sponsors:
        return
    index = member_state_index()
    Sponsorship.objects.bulk_create([
        Sponsorship(document=document, order=order, name_as_printed=sponsor.name.strip()[:160],
                    state=find_state(index, sponsor.state, sponsor.name))
        for order, sponsor in enumerate(parsed.sponsors, start=1)
    ])


def _store_paragraphs(document: Document, parsed: ParsedDocument, bands: list[list[int]]) -> list[Paragraph]:
    """Top-level paragraphs in order, then their sub-paragraphs as child rows; ``order`` counts every row.

    ``bands`` are the rows' LSH band hashes in that order (``lineage.stored_texts``).
    """
    top_level, children, order, anchors = [], [], 0, Anchors()
    for paragraph in parsed.paragraphs:
        row = Paragraph(document=document, order=order + 1, kind=paragraph.kind,
                        number=(paragraph.number or "")[:10], lead=(paragraph.lead or "")[:80], text=paragraph.text,
                        heading=(paragraph.heading or "")[:300],
                        footnote_refs=[str(ref)[:10] for ref in paragraph.footnote_refs], lsh_bands=bands[order])
        row.anchor = anchors.paragraph(row.kind, row.number, row.heading)
        order += 1
        top_level.append(row)
        for sub in paragraph.subparagraphs:
            children.append((row, Paragraph(document=document, order=order + 1, kind=paragraph.kind,
                                            label=(sub.label or "")[:10], text=sub.text,
                                            footnote_refs=[str(ref)[:10] for ref in sub.footnote_refs],
                                            lsh_bands=bands[order], anchor=subparagraph(row.anchor,
                                                                                        (sub.label or "")[:10]))))
            order += 1
    Paragraph.objects.bulk_create(top_level)  # PostgreSQL returns the primary keys the children need
    for parent, child in children:
        child.parent = parent
    Paragraph.objects.bulk_create([child for _, child in children])
    return top_level


def _store_footnotes(document: Document, parsed: ParsedDocument) -> dict[str, Footnote]:
    rows = [Footnote(document=document, order=order, marker=str(note.marker)[:10], text=note.text)
            for order, note in enumerate(parsed.footnotes, start=1)]
    Footnote.objects.bulk_create(rows)
    by_marker: dict[str, Footnote] = {}
    for row in rows:
        by_marker.setdefault(row.marker, row)
    return by_marker


def _store_citations(document: Document, parsed: ParsedDocument, paragraphs: list[Paragraph],
                     footnotes: dict[str, Footnote]) -> None:
    rows = []
    for order, citation in enumerate(parsed.citations, start=1):
        paragraph = None
        if citation.paragraph is not None and 0 <= citation.paragraph < len(paragraphs):
            paragraph = paragraphs[citation.paragraph]
        rows.append(Citation(
            document=document, paragraph=paragraph,
            footnote=footnotes.get(str(citation.footnote)) if citation.footnote is not None else None,
            order=order, kind=citation.kind, raw_text=citation.text,
            cited_body=(citation.body or "")[:80], number=(citation.number or "")[:40],
            symbol=(citation.symbol or "")[:80], volume=(citation.volume or "")[:20],
            treaty_number=(citation.treaty_number or "")[:20], target_key=citation.target_key[:120],
        ))
    resolve_citations(rows)
    Citation.objects.bulk_create(rows)


# ---------------------------------------------------------------------------
# Batches: the command line and the admin


def ingest_upload(upload: Upload, *, uploaded_by=None, batch: str = "", discard_edits: bool = False
                  ) -> IngestionOutcome:
    """One checked upload (from services.uploads): refused ones are recorded as such, the others ingested."""
    if upload.refused:
        return record_refused(upload, uploaded_by=uploaded_by, batch=batch)
    return ingest_file(upload.data, upload.name, uploaded_by=uploaded_by, batch=batch, discard_edits=discard_edits)


def ingest_paths(paths: Iterable, *, uploaded_by=None, batch: str | None = None, progress: bool = True,
                 on_outcome: Callable[[IngestionOutcome], None] | None = None,
                 discard_edits: bool = False, jobs: int = 1) -> list[IngestionOutcome]:
    """Ingest files, folders (recursively) and .zip archives; every file on its own, one failure stops nothing.

    ``on_outcome`` is called after each file (the command prints its line there).
    ``jobs`` > 1 parses and stores in that many processes (each file still in its
    own transaction; outcomes then arrive in the order the files finish).
    """
    from tqdm import tqdm

    paths = [Path(p) for p in paths]
    batch = batch if batch is not None else new_batch_id()
    outcomes = []
    uploads = iter_paths(paths)
    if jobs > 1 and not connection.in_atomic_block:
        results = _ingest_in_processes(uploads, jobs, uploaded_by=uploaded_by, batch=batch,
                                       discard_edits=discard_edits)
    else:
        results = (_ingest_one(upload, uploaded_by, batch, discard_edits) for upload in uploads)
    with tqdm(total=count_paths(paths), disable=not progress, file=sys.stderr, unit="file",
              desc="Ingesting") as bar:
        for outcome in results:
            outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
            bar.update(1)
    return outcomes


def _ingest_one(upload: Upload, uploaded_by, batch: str, discard_edits: bool) -> IngestionOutcome:
    try:
        return ingest_upload(upload, uploaded_by=uploaded_by, batch=batch, discard_edits=discard_edits)
    except Exception as exc:  # e.g. the database went away while recording: report it, go on
        logger.exception("Ingesting %s failed", upload.name)
        return IngestionOutcome(None, None, FAILED, f"Internal error: {type(exc).__name__}: {exc}", name=upload.name)


def _ingest_in_processes(uploads: Iterable[Upload], jobs: int, *, uploaded_by, batch: str,
                         discard_edits: bool) -> Iterator[IngestionOutcome]:
    """Ingest uploads in ``jobs`` forked processes, a bounded number in flight (memory stays flat).

    The parent reads and checks the files; each child parses and stores with its
    own database connection.  The parent's connections are closed before each
    fork so that no child inherits (and later closes) a socket it shares.  When a
    child dies (killed, out of memory, a crash in a C extension) the pool stops:
    the transactions in flight roll back, those files are tried once more in a
    fresh pool, and a file that was in flight when a pool broke twice is
    reported as failed (nothing of it stored; a re-run of the batch ingests it).
    The rest of the batch goes on.
    """
    import itertools
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    uploads = iter(uploads)
    again: list[Upload] = []     # in flight when a pool broke: tried once more
    tried_again: set[str] = set()
    while True:
        connections.close_all()
        in_flight: dict = {}     # future -> upload
        broken = False
        queue, again = again, []
        # itertools.chain, not a generator: leaving the loop must not close the files' iterator.
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for upload in itertools.chain(queue, uploads):
                try:
                    in_flight[pool.submit(_ingest_one, upload, uploaded_by, batch, discard_edits)] = upload
                except BrokenProcessPool:
                    again.append(upload)
                    broken = True
                    break
                if len(in_flight) >= jobs * 4:
                    done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                    for future in done:
                        upload = in_flight.pop(future)
                        try:
                            yield future.result()
                        except BrokenProcessPool:
                            again.append(upload)
                            broken = True
                    if broken:
                        break
            for future, upload in list(in_flight.items()):
                try:
                    yield future.result()
                except BrokenProcessPool:
                    again.append(upload)
                    broken = True
        for upload in [u for u in again if u.name in tried_again]:
            again.remove(upload)
            yield IngestionOutcome(None, None, FAILED, "An ingestion process died twice while this file was in "
                                   "flight; nothing of it was stored. Ingest it again (alone, to see whether it is "
                                   "the cause).", name=upload.name)
        tried_again.update(upload.name for upload in again)
        if not broken and not again:
            return
        logger.error("An ingestion process died; %s file(s) in flight are tried again in a new pool", len(again))


def queue_uploads(uploads: Iterable[Upload], *, uploaded_by=None, batch: str | None = None) -> list[IngestionOutcome]:
    """Record uploads as pending SourceFiles and enqueue the background task for each (the admin upload page).

    Bytes already parsed come back as duplicates and nothing is queued; bytes
    recorded before without success are queued again on their old record.
    """
    from resolutions.tasks import ingest_source_file

    batch = batch if batch is not None else new_batch_id()
    outcomes = []
    for upload in uploads:
        if upload.refused:
            outcomes.append(record_refused(upload, uploaded_by=uploaded_by, batch=batch))
            continue
        source_file, created = _create_source_file(sha256=upload.sha256, name=upload.name, data=upload.data,
                                                   size=upload.size, uploaded_by=uploaded_by, batch=batch)
        if not created:
            if _is_parsed(source_file):
                outcomes.append(_duplicate(source_file, upload.name))
                continue
            _set_pending(source_file)
        ingest_source_file.enqueue(source_file.pk)
        source_file.refresh_from_db()  # an immediate backend has already processed it
        outcomes.append(IngestionOutcome(source_file, source_file.document, source_file.status,
                                         source_file.error, name=upload.name))
    return outcomes


def _set_pending(source_file: SourceFile) -> None:
    source_file.status = PENDING
    source_file.error = ""
    source_file.save(update_fields=["status", "error"])


def requeue(source_files: Iterable[SourceFile], *, discard_edits: bool = False) -> tuple[int, list[str]]:
    """Queue recorded files for ingestion again (the admin action); returns (queued, skipped names with why)."""
    from resolutions.tasks import ingest_source_file

    queued, skipped = 0, []
    for source_file in source_files:
        if source_file.status == REFUSED:
            skipped.append(f"{source_file.original_name} (refused: {source_file.error})")
            continue
        _set_pending(source_file)
        ingest_source_file.enqueue(source_file.pk, discard_edits=discard_edits)
        queued += 1
    return queued, skipped


def requeue_stale(older_than: timedelta) -> list[SourceFile]:
    """Queue again the files left *pending* longer than ``older_than`` that no worker holds now.

    A worker killed in the middle of a file leaves it pending, its task claimed by
    a process that no longer exists.  A file a live worker is processing has its
    row locked and is skipped here (SKIP LOCKED); one still waiting in the queue
    may be queued a second time, which is harmless: the task parses only a file
    still pending, once.
    """
    cutoff = timezone.now() - older_than
    with transaction.atomic():
        stale = list(SourceFile.objects.select_for_update(skip_locked=True)
                     .filter(status=PENDING, uploaded_at__lt=cutoff).defer("content"))
    requeue(stale)
    return stale
