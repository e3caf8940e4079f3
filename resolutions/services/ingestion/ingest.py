"""Ingesting one file: its bytes in, a SourceFile and (when it parses) a stored Document out.

Every entry point comes here: the ``ingest``, ``load_samples`` and ``reparse``
commands and the admin's uploads through ``batch.py``, the background task
(``resolutions.tasks``) through ``process_source_file``.

The order of the steps is what makes it safe:

1. the bytes are hashed and their content claimed, so that no other process
   ingests the same bytes meanwhile; bytes already parsed are a *duplicate* and
   nothing is written (idempotent);
2. the SourceFile, bytes included, is recorded and committed on its own, so an
   upload is never lost whatever happens next (``intake.py``);
3. the parser runs (outside any transaction); a ParseError or any other
   exception marks the SourceFile *failed* with the message, nothing else;
4. the whole document is stored in one transaction (``store.py``), with the
   search index, lineage and the resolution of citations that were waiting for
   it (``services.documents.document_changed``).
"""
from __future__ import annotations

import logging

from django.db import IntegrityError, OperationalError, transaction
from psycopg.errors import DeadlockDetected

from resolutions.models import SourceFile
from resolutions.parser import ParseError, parse
from resolutions.services.ingestion.intake import (
    IngestionOutcome,
    add_name,
    claim,
    create_source_file,
    duplicate,
    fail,
    is_parsed,
)
from resolutions.services.ingestion.staff_edits import has_staff_edits
from resolutions.services.ingestion.store import store_parse
from resolutions.services.ingestion.uploads import sha256_hex

logger = logging.getLogger(__name__)


def ingest_file(data: bytes, filename: str, *, uploaded_by=None, batch: str = "",
                source_file: SourceFile | None = None, discard_edits: bool = False,
                later_source: bool = False) -> IngestionOutcome:
    """Record, parse and store one file (see the module docstring for the steps).

    ``source_file``: an already-recorded SourceFile holding these bytes (the
    background task, a re-run); it is parsed again whatever its status.
    ``discard_edits``: replace a staff-edited document's paragraphs anyway.
    ``later_source``: ``source_file`` is a later source file of its document,
    re-read after the first (``reparse``; see ``store.store_parse``).

    Everything happens under the content's claim (``intake.claim``): a second
    process handed the same bytes waits here, then finds them parsed (a
    duplicate) or, when the first failed, tries them again on the same record.
    """
    sha256 = source_file.sha256 if source_file is not None else sha256_hex(data)
    with claim(sha256):
        if source_file is not None:
            return _parse_and_store(source_file, data, filename, discard_edits=discard_edits,
                                    later_source=later_source)
        existing = SourceFile.objects.filter(sha256=sha256).defer("content").select_related("document").first()
        if existing is not None and is_parsed(existing):
            if discard_edits and has_staff_edits(existing.document):
                # Kept earlier without being applied because of staff edits: apply it now, as asked.
                return _parse_and_store(existing, data, filename, discard_edits=True)
            return duplicate(existing, filename)
        if existing is not None:
            add_name(existing, filename)
        else:
            existing, _ = create_source_file(sha256=sha256, name=filename, data=data, size=len(data),
                                             uploaded_by=uploaded_by, batch=batch)
        # Recorded now, or before but never parsed (failed, refused or left pending): parse it on that record.
        return _parse_and_store(existing, data, filename, discard_edits=discard_edits)


def process_source_file(source_file: SourceFile, *, discard_edits: bool = False, later_source: bool = False
                        ) -> IngestionOutcome:
    """Parse and store a recorded SourceFile from its kept bytes (the task, the admin's re-run, ``reparse``)."""
    return ingest_file(bytes(source_file.content), source_file.original_name, source_file=source_file,
                       discard_edits=discard_edits, later_source=later_source)


def _parse_and_store(source_file: SourceFile, data: bytes, filename: str, *, discard_edits: bool,
                     later_source: bool = False) -> IngestionOutcome:
    try:
        parsed = parse(data, filename)
    except ParseError as exc:
        return fail(source_file, str(exc) or "The file could not be read as a resolution.", filename)
    except Exception as exc:  # a parser bug must not lose the upload nor stop a batch
        logger.exception("Parser crashed on %s", filename)
        return fail(source_file, f"Internal error: {type(exc).__name__}: {exc}", filename)
    try:
        try:
            with transaction.atomic():
                return store_parse(source_file, parsed, filename, discard_edits=discard_edits,
                                   later_source=later_source)
        except (IntegrityError, OperationalError) as exc:
            if isinstance(exc, OperationalError) and not isinstance(exc.__cause__, DeadlockDetected):
                raise
            # Another process stored the same symbol between our lookup and our insert (or PostgreSQL chose
            # this transaction to break a lock cycle with another ingestion): once more, now as a re-upload.
            with transaction.atomic():
                return store_parse(source_file, parsed, filename, discard_edits=discard_edits,
                                   later_source=later_source)
    except Exception as exc:  # rolled back as a whole; the SourceFile keeps the bytes and the reason
        logger.exception("Storing %s failed", filename)
        return fail(source_file, f"Internal error: {type(exc).__name__}: {exc}", filename)
