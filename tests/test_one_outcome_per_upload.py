"""One outcome per upload: the same bytes handed to two processes at once give one document, reported once.

Two ``manage.py ingest`` runs of one file, the second started while the first is in the middle of storing it
(issue 18, finding 3).  No sleeping or luck decides the order: the test locks the suggestion-word table
(``resolutions_searchterm``), which the ingestion service writes near the end of each document's transaction,
starts the first process and waits until it is held there, half written; then starts the second and waits until
it too is waiting on a lock (on the first's claim of the content, or, before the claim existed, on the first's
uncommitted document); then lets go.  The first stores the document; the second must report it as a duplicate,
and the upload's record must end parsed and linked to the one document.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection

from resolutions.models import Document, SourceFile

from .conftest import ROOT, seed_path

pytestmark = pytest.mark.django_db(transaction=True)  # the processes are other sessions: rows must be committed

DEADLINE = 60


def database_url(application_name: str) -> str:
    s = connection.settings_dict
    return (f"postgresql://{s['USER']}@{quote(s['HOST'], safe='')}/{s['NAME']}"
            f"?application_name={application_name}")


def start_ingest(name: str, path, log_path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url(name), "DEBUG": "1", "PYTHONUNBUFFERED": "1"}
    for variable in ("ARCHIVE_TASKS_IMMEDIATE", "DATABASE_REPLICA_URLS"):
        env.pop(variable, None)
    with open(log_path, "w") as log:
        return subprocess.Popen([sys.executable, "manage.py", "ingest", str(path), "--no-progress"], cwd=ROOT,
                                env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_until(condition, what: str, processes) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        for process in processes:
            if process.poll() is not None:
                raise AssertionError(f"a process exited (status {process.returncode}) before: {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {DEADLINE} s waiting for: {what}")
        time.sleep(0.05)


def waiting_on_a_lock(watch: psycopg.Connection, name: str) -> bool:
    return watch.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s "
                         "AND wait_event_type = 'Lock' AND state = 'active'", [name]).fetchone()[0] == 1


def outcome(log_path) -> str:
    lines = [m.group(1) for m in re.finditer(r"^(parsed|duplicate|failed|refused|pending)\s", log_path.read_text(),
                                             re.MULTILINE)]
    assert len(lines) == 1, log_path.read_text()
    return lines[0]


def test_two_processes_ingesting_the_same_bytes_at_once_store_one_document_and_the_second_is_a_duplicate(
        tmp_path):
    path = seed_path("002")            # A/C.3/61/L.7/Rev.1
    s = connection.settings_dict
    conninfo = f"host={s['HOST']} dbname={s['NAME']} user={s['USER']}"
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    processes = []
    with psycopg.connect(conninfo, autocommit=True) as watch, psycopg.connect(conninfo) as holder:
        try:
            holder.execute("LOCK TABLE resolutions_searchterm IN SHARE ROW EXCLUSIVE MODE")
            processes.append(start_ingest("ingest-first", path, first_log))
            wait_until(lambda: waiting_on_a_lock(watch, "ingest-first"),
                       "the first process holding the document half written", processes)
            processes.append(start_ingest("ingest-second", path, second_log))
            wait_until(lambda: waiting_on_a_lock(watch, "ingest-second"),
                       "the second process waiting on a lock", processes)
        finally:
            holder.rollback()   # let go: the first commits, then the second goes on
            for process in processes:
                try:
                    process.wait(timeout=DEADLINE)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

    first, second = processes
    assert (first.returncode, second.returncode) == (0, 0), first_log.read_text() + second_log.read_text()
    assert (outcome(first_log), outcome(second_log)) == ("parsed", "duplicate")
    (document,) = Document.objects.all()
    assert document.symbol == "A/C.3/61/L.7/Rev.1"
    (record,) = SourceFile.objects.all()
    assert record.status == SourceFile.Status.PARSED and record.document_id == document.pk and not record.error
