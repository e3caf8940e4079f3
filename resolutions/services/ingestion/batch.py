"""Batches: many files at once, in processes or through the background queue, and files queued again.

* ``ingest_paths`` (the ``ingest`` and ``load_samples`` commands): files,
  folders and zip archives, each file on its own, in this process or in a pool
  of ``jobs`` processes;
* ``queue_uploads`` (the admin's upload page): each upload recorded as pending
  and a background task queued for it (``resolutions.tasks``);
* ``requeue`` (the admin's re-run actions) and ``requeue_stale`` (files left
  pending by a worker that died).

One file's work is ``ingest.ingest_file``; nothing here touches a document.
"""
from __future__ import annotations

import itertools
import logging
import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import timedelta
from pathlib import Path

from django.db import connection, connections
from django.utils import timezone
from tqdm import tqdm

from resolutions.models import SourceFile
from resolutions.services.ingestion.bulk import ingest_bulk
from resolutions.services.ingestion.ingest import ingest_file
from resolutions.services.ingestion.intake import (
    DUPLICATE,
    FAILED,
    PARSED,
    PENDING,
    REFUSED,
    IngestionOutcome,
    claim,
    create_source_file,
    duplicate,
    is_parsed,
    new_batch_id,
    record_refused,
    set_pending,
)
from resolutions.services.ingestion.uploads import Upload, count_paths, iter_paths
from resolutions.tasks import ingest_source_file

logger = logging.getLogger(__name__)


def ingest_upload(upload: Upload, *, uploaded_by=None, batch: str = "", discard_edits: bool = False
                  ) -> IngestionOutcome:
    """One checked upload (from uploads.py): refused ones are recorded as such, the others ingested."""
    if upload.refused:
        return record_refused(upload, uploaded_by=uploaded_by, batch=batch)
    return ingest_file(upload.data, upload.name, uploaded_by=uploaded_by, batch=batch, discard_edits=discard_edits)


def ingest_paths(paths: Iterable, *, uploaded_by=None, batch: str | None = None, progress: bool = True,
                 on_outcome: Callable[[IngestionOutcome], None] | None = None,
                 discard_edits: bool = False, jobs: int = 1, bulk: bool = False) -> list[IngestionOutcome]:
    """Ingest files, folders (recursively) and .zip archives; every file on its own, one failure stops nothing.

    ``on_outcome`` is called after each file (the command prints its line there).
    ``jobs`` > 1 parses and stores in that many processes (each file still in its
    own transaction; outcomes then arrive in the order the files finish).
    ``bulk``: a first load of many files (``bulk.py``): parsed in ``jobs``
    processes, stored in groups with their derived data written set-based; the
    same result as one by one.
    """
    paths = [Path(p) for p in paths]
    batch = batch if batch is not None else new_batch_id()
    outcomes = []
    uploads = iter_paths(paths)
    if bulk:
        def one_by_one(rest):
            if jobs > 1 and not connection.in_atomic_block:
                return _ingest_in_processes(rest, jobs, uploaded_by=uploaded_by, batch=batch,
                                            discard_edits=discard_edits)
            return (_ingest_one(upload, uploaded_by, batch, discard_edits) for upload in rest)

        results = ingest_bulk(uploads, jobs=jobs, uploaded_by=uploaded_by, batch=batch, discard_edits=discard_edits,
                              fallback=one_by_one)
    elif jobs > 1 and not connection.in_atomic_block:
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


def _ingest_one(upload: Upload, uploaded_by, batch: str, discard_edits: bool, retried: bool = False
                ) -> IngestionOutcome:
    try:
        outcome = ingest_upload(upload, uploaded_by=uploaded_by, batch=batch, discard_edits=discard_edits)
    except Exception as exc:  # e.g. the database went away while recording: report it, go on
        logger.exception("Ingesting %s failed", upload.name)
        return IngestionOutcome(None, None, FAILED, f"Internal error: {type(exc).__name__}: {exc}", name=upload.name)
    if retried and outcome.status == DUPLICATE and _recorded_by(outcome.source_file, upload, batch):
        # When one process of a pool dies, the pool stops every other one too, and the futures of all the
        # files in flight break, although a file another process was storing may have been committed just
        # before it was stopped.  Tried again, such a file is found parsed: it is this run's own upload
        # (recorded by this batch under this name), stored by this run, not a duplicate of an earlier one.
        return IngestionOutcome(outcome.source_file, outcome.document, PARSED,
                                f"{outcome.document} (stored before its process pool stopped)", name=upload.name)
    return outcome


def _recorded_by(source_file: SourceFile | None, upload: Upload, batch: str) -> bool:
    width = SourceFile._meta.get_field("original_name").max_length
    return (source_file is not None and bool(batch) and source_file.batch == batch
            and source_file.original_name == upload.name[:width])


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
                    in_flight[pool.submit(_ingest_one, upload, uploaded_by, batch, discard_edits,
                                          upload.name in tried_again)] = upload
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
    batch = batch if batch is not None else new_batch_id()
    outcomes = []
    for upload in uploads:
        if upload.refused:
            outcomes.append(record_refused(upload, uploaded_by=uploaded_by, batch=batch))
            continue
        with claim(upload.sha256):  # an ingestion of the same bytes in progress finishes first
            source_file, created = create_source_file(sha256=upload.sha256, name=upload.name, data=upload.data,
                                                       size=upload.size, uploaded_by=uploaded_by, batch=batch)
            if not created:
                if is_parsed(source_file):
                    outcomes.append(duplicate(source_file, upload.name))
                    continue
                set_pending(source_file)
        ingest_source_file.enqueue(source_file.pk)
        source_file.refresh_from_db()  # an immediate backend has already processed it
        outcomes.append(IngestionOutcome(source_file, source_file.document, source_file.status,
                                         source_file.error, name=upload.name))
    return outcomes


def requeue(source_files: Iterable[SourceFile], *, discard_edits: bool = False) -> tuple[int, list[str]]:
    """Queue recorded files for ingestion again (the admin action); returns (queued, skipped names with why)."""
    queued, skipped = 0, []
    for source_file in source_files:
        if source_file.status == REFUSED:
            skipped.append(f"{source_file.original_name} (refused: {source_file.error})")
            continue
        set_pending(source_file)
        ingest_source_file.enqueue(source_file.pk, discard_edits=discard_edits)
        queued += 1
    return queued, skipped


def requeue_stale(older_than: timedelta) -> list[SourceFile]:
    """Queue again the files left *pending* longer than ``older_than`` that no process holds now.

    A worker killed in the middle of a file leaves it pending, its task claimed by
    a process that no longer exists.  A file a live process is ingesting has its
    content claimed (``intake.claim``) and is skipped here; one still waiting in
    the queue may be queued a second time, which is harmless: the task parses
    only a file still pending, once.
    """
    cutoff = timezone.now() - older_than
    stale = []
    for source_file in SourceFile.objects.filter(status=PENDING, uploaded_at__lt=cutoff).defer("content"):
        with claim(source_file.sha256, wait=False) as free:
            if free:
                stale.append(source_file)
    requeue(stale)
    return stale
