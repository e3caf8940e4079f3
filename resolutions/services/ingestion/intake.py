"""Intake: recording what arrives as SourceFiles, claiming a file before it is parsed, and what became of it.

The reading half of intake (files, folders and zip archives turned into checked
``Upload`` objects, the size and member limits) is ``uploads.py``; this module
writes the ``SourceFile`` rows and keeps one rule about them: a record's status
agrees with its link to a document (*parsed* exactly when it is the source of a
document; *pending*, *failed* and *refused* records link to none).

``claim(sha256)`` serialises everything done to one content: two processes
handed the same bytes at once (two ``manage.py ingest`` runs, a command and a
background worker) take a PostgreSQL advisory lock keyed by the content hash
before they look the bytes up, so the second waits until the first has stored
its document (or failed) and then finds it: one document, the second outcome a
duplicate.
"""
from __future__ import annotations

import contextlib
import mimetypes
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import F, Func, Value
from django.utils import timezone

from resolutions.models import Document, SourceFile
from resolutions.parser import ParseError, detect_format
from resolutions.services.ingestion.uploads import Upload

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

# The first key of the two-key advisory locks that claim a content ("UPLD"); the one-key space is used by the
# same-text locks (same_text.lock_same_text), and PostgreSQL keeps the two key spaces apart.
CLAIM_LOCK_CLASS = 0x55504C44 - 2**31


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
# Claiming a content


def _claim_key(sha256: str) -> int:
    """A signed int4 from the content hash (a collision only makes two contents wait for each other)."""
    return int(sha256[:8] or "0", 16) - 2**31


@contextlib.contextmanager
def claim(sha256: str, *, wait: bool = True) -> Iterator[bool]:
    """Hold the content's advisory lock for the block; yields whether it was taken (always, when ``wait``).

    A session-level lock, not a transaction's: the parse runs outside any
    transaction, and the lock must outlive the store's commit so that whoever
    waited reads the committed result.  It goes with the session when the
    process dies or the connection is cut; ``wait=False`` (the background task)
    takes it only when free, and otherwise leaves the file to its holder.
    """
    key = (CLAIM_LOCK_CLASS, _claim_key(sha256))
    with connection.cursor() as cursor:
        if wait:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", key)
            taken = True
        else:
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", key)
            taken = cursor.fetchone()[0]
    try:
        yield taken
    finally:
        if taken:
            # The session (and its lock) may be gone with a cut connection: then there is nothing to release.
            with contextlib.suppress(DatabaseError):
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)


# ---------------------------------------------------------------------------
# Recording SourceFiles


def _media_type(filename: str, fmt: str) -> str:
    return mimetypes.guess_type(filename)[0] or FORMAT_MEDIA_TYPES.get(fmt, "application/octet-stream")


def create_source_file(*, sha256: str, name: str, data: bytes, size: int, uploaded_by, batch: str,
                       status: str = PENDING, error: str = "") -> tuple[SourceFile, bool]:
    """Record a SourceFile in a transaction of its own; (record, created).  another process may have won the race."""
    try:
        fmt = detect_format(data, name) if data else ""
    except ParseError:
        fmt = ""  # an unsupported format: recorded all the same, and the parse says why it fails
    name = name[:SourceFile._meta.get_field("original_name").max_length]
    try:
        with transaction.atomic():
            return SourceFile.objects.create(
                sha256=sha256, original_name=name, content=data, size=size, format=fmt,
                media_type=_media_type(name, fmt) if fmt else (mimetypes.guess_type(name)[0] or ""),
                uploaded_by=uploaded_by, batch=batch or "", status=status, error=error,
                processed_at=timezone.now() if status != PENDING else None,
            ), True
    except IntegrityError:
        source_file = SourceFile.objects.get(sha256=sha256)
        add_name(source_file, name)
        return source_file, False


def add_name(source_file: SourceFile, name: str) -> None:
    """Keep another name the same bytes arrived under (appended in SQL, so concurrent arrivals lose none)."""
    name = name[:SourceFile._meta.get_field("original_name").max_length]
    if not name or name == source_file.original_name or name in source_file.other_names:
        return
    (SourceFile.objects.filter(pk=source_file.pk).exclude(original_name=name)
     .exclude(other_names__contains=[name])
     .update(other_names=Func(F("other_names"), Value(name), function="array_append")))
    source_file.other_names = [*source_file.other_names, name]


def is_parsed(source_file: SourceFile) -> bool:
    return source_file.status == PARSED and source_file.document_id is not None


def duplicate(source_file: SourceFile, name: str) -> IngestionOutcome:
    add_name(source_file, name)
    document = source_file.document
    return IngestionOutcome(source_file, document, DUPLICATE, name=name,
                            message=f"Already in the archive as '{source_file.original_name}'"
                            + (f" ({document})." if document else "."))


def record_refused(upload: Upload, *, uploaded_by=None, batch: str = "") -> IngestionOutcome:
    """Keep a refused file (its bytes when they were read) with status refused and the reason."""
    if not upload.record:
        return IngestionOutcome(None, None, REFUSED, upload.refusal, name=upload.name)
    source_file, created = create_source_file(
        sha256=upload.sha256, name=upload.name, data=upload.data or b"", size=upload.size,
        uploaded_by=uploaded_by, batch=batch, status=REFUSED, error=upload.refusal)
    message = upload.refusal
    if not created:
        # The same bytes are already recorded (perhaps parsed): they are not lost, and that record is left alone.
        message += f" The same bytes are already recorded as '{source_file.original_name}' ({source_file.status})."
    return IngestionOutcome(source_file, source_file.document, REFUSED, message, name=upload.name)


def mark_parsed(source_file: SourceFile, document: Document, fmt: str, warnings: list[str]) -> None:
    source_file.status = PARSED
    source_file.document = document
    source_file.format = fmt or source_file.format
    source_file.warnings = warnings
    source_file.error = ""
    source_file.processed_at = timezone.now()
    source_file.save(update_fields=["status", "document", "format", "warnings", "error", "processed_at"])


def fail(source_file: SourceFile, message: str, filename: str) -> IngestionOutcome:
    """Record why a file could not be stored.

    A file already the source of a document (a re-run, a re-parse) stays
    *parsed* and linked: its document keeps the parse it has, and the reason is
    kept in ``error``.  Any other file becomes *failed*, linked to nothing.
    """
    # The link as committed: a store that failed may have set it on this object before rolling back.
    source_file.document_id = (SourceFile.objects.filter(pk=source_file.pk)
                               .values_list("document_id", flat=True).first())
    source_file.status = PARSED if source_file.document_id else FAILED
    source_file.error = message
    source_file.processed_at = timezone.now()
    source_file.save(update_fields=["status", "error", "processed_at"])
    return IngestionOutcome(source_file, source_file.document if source_file.document_id else None, FAILED,
                            message, name=filename)


def set_pending(source_file: SourceFile) -> None:
    """Queue a record again (a record that is the source of a document keeps its link while it waits)."""
    source_file.status = PENDING
    source_file.error = ""
    source_file.save(update_fields=["status", "error"])
