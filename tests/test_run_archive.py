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
