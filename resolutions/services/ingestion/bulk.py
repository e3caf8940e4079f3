"""The bulk load: many files parsed in processes, stored in groups, their order-free follow-up done once per group.

For a first load of many files (``manage.py ingest --bulk``, ``ingest_paths(..., bulk=True)``, the benchmark's
corpus).  The result is the result of ingesting the files one by one in the same order (the test
``tests/test_bulk_ingestion.py`` compares the two dumps); what differs is how the work is done:

* the parse, and the similarity bands of its paragraphs, run in ``jobs`` forked processes, a bounded number of
  files ahead of the store (memory stays flat);
* this process stores the parses in the order of the files, ``GROUP`` documents to a transaction (a savepoint per
  file, so that one file's failure loses nothing else), through the same ``store.store_parse`` as one upload;
* the follow-up of each change that depends on what is stored at that moment (series and version links, the
  citations waiting for the document) runs at once; the rest (search vectors, word counts, citation network,
  addressees) runs set-based once per group, before the group commits (``services.deferred``): every committed
  group is complete, so a load stopped midway leaves a consistent archive and a re-run goes on from there;
* the thematic clusters are asked for once, at the end.

What a group gives up compared with one upload: the file's bytes are recorded in the group's transaction, not in
one of their own before the parse (a load stopped midway loses the files of the group in progress, which a re-run
ingests); the content's claim is a transaction-level advisory lock held to the group's commit.  A group that
fails as a whole (a deadlock with another ingestion, a bug) is rolled back and its files ingested again one by
one; a parsing process that dies hands the rest of the load to the one-by-one path (``fallback``).
"""
from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from django.db import IntegrityError, OperationalError, connection, connections, transaction
from psycopg.errors import DeadlockDetected

from addressees.services import read_addressing
from resolutions.lineage.similarity import paragraph_and_document_bands
from resolutions.models import SourceFile
from resolutions.parser import ParseError, ParsedDocument, parse
from resolutions.services import deferred
from resolutions.services.ingestion import same_text  # the module, not the package: see __init__
from resolutions.services.ingestion.intake import (
    CLAIM_LOCK_CLASS,
    IngestionOutcome,
    _claim_key,
    add_name,
    create_source_file,
    duplicate,
    fail,
    is_parsed,
    record_refused,
)
from resolutions.services.ingestion.staff_edits import has_staff_edits
from resolutions.services.ingestion.store import resolution_rows, store_parse
from resolutions.services.ingestion.uploads import Upload
from network.tasks import request_cluster_refresh

logger = logging.getLogger(__name__)

GROUP = 200            # documents to a transaction: the deferred steps' statements are shared by this many
AHEAD_PER_JOB = 8      # parses waiting for the store, per parsing process, beyond the group being gathered


@dataclass
class Prepared:
    """What a parsing process hands back for one file: its parse and bands, or why it could not be read."""

    parsed: ParsedDocument | None = None
    bands: tuple[list[list[int]], list[int]] | None = None
    addressing: dict | None = None       # addressees.services.read_addressing of store.resolution_rows
    error: str = ""


def prepare(upload: Upload) -> Prepared:
    """Parse one upload and compute its bands (no database: it runs in a parsing process)."""
    if upload.refused:
        return Prepared()
    try:
        parsed = parse(upload.data, upload.name)
    except ParseError as exc:
        return Prepared(error=str(exc) or "The file could not be read as a resolution.")
    except Exception as exc:  # a parser bug must not lose the upload nor stop the load
        logger.exception("Parser crashed on %s", upload.name)
        return Prepared(error=f"Internal error: {type(exc).__name__}: {exc}")
    return Prepared(parsed, paragraph_and_document_bands(same_text.stored_texts(parsed)),
                    read_addressing(resolution_rows(parsed)))


def ingest_bulk(uploads: Iterable[Upload], *, jobs: int, uploaded_by=None, batch: str = "",
                discard_edits: bool = False, fallback: Callable[[Iterable[Upload]], Iterator[IngestionOutcome]],
                group: int | None = None) -> Iterator[IngestionOutcome]:
    """Ingest the uploads as a bulk load (see the module docstring); outcomes arrive a group at a time, in the
    order of the files.  ``fallback(uploads)`` ingests uploads one by one (``batch.py``'s path)."""
    group = group or GROUP
    uploads = iter(uploads)
    pending: list[tuple[Upload, Prepared]] = []
    try:
        for upload, prepared in _prepared(uploads, jobs, ahead=group + jobs * AHEAD_PER_JOB):
            pending.append((upload, prepared))
            if len(pending) >= group:
                yield from _store_group(pending, uploaded_by, batch, discard_edits, fallback)
                pending = []
    except _PoolDied as died:
        # A parsing process died (killed, out of memory, a crash in a C extension): what was parsed is stored,
        # and the files not yet stored go the one-by-one way, which retries and reports a file that kills it.
        logger.error("A parsing process of the bulk load died; the rest of the files are ingested one by one")
        yield from _store_group(pending, uploaded_by, batch, discard_edits, fallback)
        pending = []
        yield from fallback(died.uploads)
    yield from _store_group(pending, uploaded_by, batch, discard_edits, fallback)
    with transaction.atomic():
        request_cluster_refresh()


class _PoolDied(Exception):
    """A parsing process died; ``uploads``: the files not yet stored (those in flight, then the rest)."""

    def __init__(self, uploads: Iterable[Upload]):
        super().__init__("A parsing process died")
        self.uploads = uploads


def _prepared(uploads: Iterator[Upload], jobs: int, ahead: int) -> Iterator[tuple[Upload, Prepared]]:
    """(upload, its preparation) in the order of the files, parsed ``jobs`` at a time, at most ``ahead`` files
    submitted and not yet handed to the store.

    The store takes a whole group before it writes anything, and while it writes the group this generator is not
    called: only what was submitted before goes on being parsed.  So ``ahead`` is a group and a few more (the
    caller's ``group + jobs * AHEAD_PER_JOB``): the next group is parsed while this one is stored, where a
    handful ahead left the parsing processes idle through the store and the store idle through the next group's
    parse.  Memory stays bounded: at most ``ahead`` parses wait here besides the group being stored."""
    if jobs <= 1 or connection.in_atomic_block:
        for upload in uploads:
            yield upload, prepare(upload)
        return
    connections.close_all()   # no parsing process inherits (and later closes) this process's connection
    in_flight: deque = deque()
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        exhausted = False
        while True:
            while not exhausted and len(in_flight) < ahead:
                upload = next(uploads, None)
                if upload is None:
                    exhausted = True
                    break
                in_flight.append((upload, pool.submit(prepare, upload)))
            if not in_flight:
                return
            upload, future = in_flight[0]
            try:
                prepared = future.result()
            except BrokenProcessPool:
                raise _PoolDied(itertools.chain([u for u, _ in in_flight], uploads)) from None
            in_flight.popleft()
            yield upload, prepared


def _store_group(items: list[tuple[Upload, Prepared]], uploaded_by, batch: str, discard_edits: bool,
                 fallback) -> Iterator[IngestionOutcome]:
    """Store the group in one transaction with its deferred follow-up; a group that fails goes one by one."""
    if not items:
        return
    try:
        with transaction.atomic(), deferred.deferring(refresh=False) as later:
            records = _claim_group(items)
            outcomes = [_store_one(upload, prepared, uploaded_by, batch, discard_edits, records)
                        for upload, prepared in items]
            later.flush()
    except Exception:
        logger.exception("A group of the bulk load failed as a whole; its %s files are ingested one by one",
                         len(items))
        outcomes = list(fallback(upload for upload, _ in items))
    yield from outcomes


def _claim_group(items: list[tuple[Upload, Prepared]]) -> dict[str, SourceFile | None]:
    """Claim every content of the group (``intake.claim``'s locks, held to the group's commit, taken in one order)
    and read the records already holding them: ``{sha256: record or None}``."""
    shas = sorted({upload.sha256 for upload, _ in items if upload.sha256})
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, key) FROM unnest(%s::int[]) AS key ORDER BY key",
                       [CLAIM_LOCK_CLASS, sorted({_claim_key(sha) for sha in shas})])
    records: dict[str, SourceFile | None] = dict.fromkeys(shas)
    for record in SourceFile.objects.filter(sha256__in=shas).defer("content").select_related("document"):
        records[record.sha256] = record
    return records


def _store_one(upload: Upload, prepared: Prepared, uploaded_by, batch: str, discard_edits: bool,
               records: dict[str, SourceFile | None]) -> IngestionOutcome:
    """One file of a group, as ``ingest.ingest_file`` does it, inside the group's transaction.  ``records``: the
    group's contents as recorded when it began; a content met again in the group is read anew."""
    fresh = upload.sha256 in records
    first = records.pop(upload.sha256, None)
    if upload.refused:
        return record_refused(upload, uploaded_by=uploaded_by, batch=batch)
    if fresh:
        existing = first
    else:
        existing = (SourceFile.objects.filter(sha256=upload.sha256).defer("content").select_related("document")
                    .first())
    if existing is not None and is_parsed(existing):
        if not (discard_edits and has_staff_edits(existing.document)):
            return duplicate(existing, upload.name)
    elif existing is not None:
        add_name(existing, upload.name)
    else:
        existing, _ = create_source_file(sha256=upload.sha256, name=upload.name, data=upload.data,
                                         size=upload.size, uploaded_by=uploaded_by, batch=batch)
    if prepared.parsed is None:
        return fail(existing, prepared.error, upload.name)
    try:
        try:
            return _store_parse(existing, prepared, upload.name, discard_edits)
        except (IntegrityError, OperationalError) as exc:
            if isinstance(exc, OperationalError) and not isinstance(exc.__cause__, DeadlockDetected):
                raise
            return _store_parse(existing, prepared, upload.name, discard_edits)  # as ingest.py: as a re-upload
    except Exception as exc:  # this file's savepoint rolled back; the group goes on
        logger.exception("Storing %s failed", upload.name)
        return fail(existing, f"Internal error: {type(exc).__name__}: {exc}", upload.name)


def _store_parse(source_file: SourceFile, prepared: Prepared, name: str, discard_edits: bool) -> IngestionOutcome:
    """``store.store_parse`` in a savepoint, the addressing read ahead handed to the deferral for its rows."""
    later = deferred.active()
    later.file_started(prepared.addressing)
    stored = False
    try:
        with transaction.atomic():
            outcome = store_parse(source_file, prepared.parsed, name, discard_edits=discard_edits,
                                  bands=prepared.bands)
        stored = True
        return outcome
    finally:
        later.file_done(stored)
