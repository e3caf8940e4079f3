"""Two ingestion workers on one queue: every file is ingested exactly once.

The queue is the database (django-tasks-db), so a worker is a plain process: here two
``manage.py db_worker`` processes, started as they would be on two machines, against the test
database.  Each upload is queued twice, back to back (as a double-clicked re-run would), so the
two workers are handed copies of the same file at the same moment: the task claim
(django-tasks-db's SELECT ... FOR UPDATE SKIP LOCKED on the queue) and the task's own lock on
the SourceFile (resolutions/tasks.py) must make exactly one of them parse it.

Expected documents come from the file names of the hand-corrected Security Council texts
(cr-unsc-gold: S_RES_0313_1972_EN_GOLD.txt is S/RES/313 (1972)), never from the parser's output.
"""
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from urllib.parse import quote

import pytest
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from resolutions.models import Document, SourceFile
from resolutions.services.ingestion.batch import queue_uploads
from resolutions.services.ingestion.uploads import upload_from_path
from resolutions.tasks import ingest_source_file

from .conftest import ROOT

pytestmark = pytest.mark.django_db(transaction=True)  # the workers are other processes: rows must be committed

FILES = 20                  # distinct uploads; each queued twice
WORKERS = ("worker-a", "worker-b")
DEADLINE = 120              # seconds for the workers to start, and again to drain the queue (a limit on a busy machine, not a measure)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def worker_database_url(application_name: str) -> str:
    """The test database for a child process (no embedded server of its own), named in pg_stat_activity."""
    s = connection.settings_dict
    return (f"postgresql://{s['USER']}@{quote(s['HOST'], safe='')}/{s['NAME']}"
            f"?application_name={application_name}")


def start_worker(name: str, log_dir):
    env = {**os.environ, "DATABASE_URL": worker_database_url(name), "DEBUG": "1"}
    for variable in ("ARCHIVE_TASKS_IMMEDIATE", "DATABASE_REPLICA_URLS"):
        env.pop(variable, None)
    log = open(log_dir / f"{name}.log", "w")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1",
         "--worker-id", name],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    return process, log


def connected_workers() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT application_name FROM pg_stat_activity WHERE application_name = ANY(%s)",
                       [list(WORKERS)])
        return {row[0] for row in cursor.fetchall()}


def wait_until(condition, what: str, logs) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            output = "\n".join(f"--- {path.name}\n{path.read_text()[-2000:]}" for path in logs)
            raise AssertionError(f"{what} within {DEADLINE} s\n{output}")
        time.sleep(0.1)


def ingestion_tasks():
    """The ingestion tasks only: each ingested document also asks for a thematic-cluster refresh (network/tasks.py),
    deferred 30 s on this queue so that a batch is clustered once; that task is not what this test is about."""
    return DBTaskResult.objects.filter(task_path=ingest_source_file.module_path)


def gold_symbol(name: str) -> str:
    number, year = re.match(r"S_RES_(\d+)_(\d{4})_EN_GOLD", name).groups()
    return f"S/RES/{int(number)} ({year})"


def test_two_workers_on_one_queue_ingest_every_file_exactly_once(corpus_dir, settings, tmp_path):
    settings.TASKS = DATABASE_QUEUE
    folder = corpus_dir / "cr-unsc-gold" / "data" / "res_en_gold"
    # The shortest texts (one to four paragraphs): the test is about the queue, not about parsing time.
    paths = sorted(folder.glob("S_RES_*_EN_GOLD.txt"), key=lambda p: (p.stat().st_size, p.name))[:FILES]
    assert len(paths) == FILES

    workers = [start_worker(name, tmp_path) for name in WORKERS]
    logs = [tmp_path / f"{name}.log" for name in WORKERS]
    try:
        # Both workers are polling the queue before anything is in it.
        wait_until(lambda: connected_workers() == set(WORKERS), "both workers did not connect", logs)
        with transaction.atomic():  # the whole queue appears at once, for both workers to compete over
            for path in paths:
                (outcome,) = queue_uploads([upload_from_path(path)])
                assert outcome.status == SourceFile.Status.PENDING, outcome.message
                ingest_source_file.enqueue(outcome.source_file.pk)  # the same file again, right behind it
        wait_until(lambda: not ingestion_tasks().filter(status__in=["READY", "RUNNING"]).exists(),
                   "the queue was not drained", logs)
    finally:
        for process, log in workers:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process, log in workers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()

    results = list(ingestion_tasks())
    assert len(results) == 2 * FILES
    assert Counter(r.status for r in results) == {"SUCCESSFUL": 2 * FILES}, [r.traceback for r in results if r.traceback]
    # Each task was claimed by one worker, once (a second claim would add a second worker id).
    assert all(len(r.worker_ids) == 1 and r.worker_ids[0] in WORKERS for r in results)

    # Each file: one task parsed it, its twin found it taken or already parsed.
    outcomes = defaultdict(list)
    for r in results:
        outcomes[r.args_kwargs["args"][0]].append(r.return_value)
    sources = {s.pk: s for s in SourceFile.objects.select_related("document")}
    assert set(outcomes) == set(sources) and len(sources) == FILES
    for pk, returned in outcomes.items():
        assert sorted(returned)[0] == "parsed" and returned.count("parsed") == 1, (sources[pk].original_name, returned, sources[pk].error)
        assert returned[0].startswith("skipped") or returned[1].startswith("skipped"), returned

    # Every file stored as its own document, the one its file name names.
    assert {s.status for s in sources.values()} == {SourceFile.Status.PARSED}
    assert {s.original_name: s.document.symbol for s in sources.values()} == {p.name: gold_symbol(p.name) for p in paths}
    assert Document.objects.count() == FILES

    # With the whole queue visible at once, both workers took part.
    assert {r.worker_ids[0] for r in results} == set(WORKERS)
