"""The load test of issues 8 and 17: a mixed audience (search, document pages, comparisons, agreed language, the API,
feeds: bench/load_plan.py) against gunicorn on loopback, bounded in time; it stops by itself.

* gunicorn serves the archive with the production settings (DEBUG off; ``bench/load_settings.py``) on a free
  loopback port, on the database Django is set up with (the benchmark's, or a test's);
* gunicorn runs production's worker model (threaded workers, one per core: see ``run_load``);
* locust, headless, in a process of its own (its gevent must not patch this one), runs USERS readers for
  SECONDS: each picks a kind of request by its weight and one of its URLs, and sends the next request as soon as
  the last is answered (no think time unless asked: the throughput is what the server holds, and latency
  includes the wait for a free thread);
* the gunicorn workers' resident memory is read after a warm-up (every URL of the plan once) and at the end,
  and sampled in between; a worker that died and was replaced is counted.

Reported: requests, errors (any failed or non-2xx response, with the first messages), throughput, p50/p95 per
kind and overall, the workers' RSS at start and end.  Targets (issue 17): >= 100 requests/s at p95 < 250 ms, zero
errors, no memory growth.

``python -m bench.load [--seconds 30] [--users 10]`` runs it on the database of ARCHIVE_PGDATA / DATABASE_URL
(``make loadtest SCALE=1000`` on the benchmark's); the benchmark runs it as its "Load" stage.
"""
from __future__ import annotations

import csv
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlencode

from bench.load_plan import build_plan, warm_up_urls
from bench.report import verdict

ROOT = Path(__file__).resolve().parent.parent
MIB = 2 ** 20
THREADS = 4                   # per worker (archive/gunicorn.conf.py's default)
RPS_TARGET = 100.0            # issue 17: >= 100 requests/s ...
P95_TARGET_MS = 250.0         # ... at p95 < 250 ms, zero errors, flat memory, for 5 minutes
GROWTH_TOLERANCE = 10 * MIB   # per worker: allocator noise, not a leak
MIN_DOCUMENTS = 100           # the benchmark's load stage needs an archive worth loading

LOCUSTFILE = '''
"""Written by bench/load.py: one reader of the mixed audience (bench/load_plan.py; plan in ARCHIVE_LOAD_PLAN)."""
import json
import os
import random

from locust import FastHttpUser, constant

PLAN = json.loads(open(os.environ["ARCHIVE_LOAD_PLAN"]).read())


def _task(kind):
    def request(user):
        user.client.get(random.choice(PLAN["urls"][kind]), name=kind)
    request.__name__ = kind.replace(" ", "_")
    return request


class Reader(FastHttpUser):
    wait_time = constant(PLAN["think"])
    tasks = {_task(kind): weight for kind, weight in PLAN["weights"].items()}
'''


# ---------------------------------------------------------------------------
# gunicorn


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The database Django is using now (the benchmark's, a test's), for gunicorn's workers."""
    from django.db import connection

    connection.ensure_connection()   # the embedded server says where it listens once it is started
    s = connection.settings_dict
    auth = quote(s["USER"] or "postgres", safe="") + (f":{quote(s['PASSWORD'], safe='')}" if s["PASSWORD"] else "")
    host = quote(s["HOST"] or "", safe="") + (f":{s['PORT']}" if s["PORT"] else "")
    return f"postgresql://{auth}@{host}/{quote(s['NAME'], safe='')}"


def server_env() -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.load_settings", "DEBUG": "0",
           "SECRET_KEY": secrets.token_urlsafe(50), "SECURE_SSL_REDIRECT": "0", "ALLOWED_HOSTS": "127.0.0.1",
           "DATABASE_URL": database_url(), "LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_REPLICA_URLS", None)
    return env


def wait_until_ready(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout:.0f} s")


def warm_up(base: str, plan: dict, threads: int) -> int:
    """Every URL of the plan once, concurrently, so every worker has loaded its templates and code; errors count."""
    def get(path: str) -> bool:
        try:
            with urllib.request.urlopen(base + path, timeout=60) as response:
                response.read()
                return response.status == 200
        except OSError:
            return False

    urls = warm_up_urls(plan)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return sum(not ok for ok in pool.map(get, urls))


class WorkerMemory(threading.Thread):
    """Samples the resident memory of gunicorn's workers (the master's children) until stopped."""

    def __init__(self, master_pid: int, every: float = 0.5):
        super().__init__(daemon=True)
        import psutil

        self.master = psutil.Process(master_pid)
        self.every = every
        self.stopped = threading.Event()
        self.pids: set[int] = set()
        self.peak = 0

    def sample(self) -> dict[int, int]:
        import psutil

        out = {}
        for child in self.master.children():
            try:
                out[child.pid] = child.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        self.pids.update(out)
        self.peak = max(self.peak, sum(out.values()))
        return out

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            self.sample()

    def stop(self) -> dict[int, int]:
        self.stopped.set()
        self.join(timeout=5)
        return self.sample()


def stop(process: subprocess.Popen, timeout: float = 15) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)   # gunicorn: graceful shutdown of the workers
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# ---------------------------------------------------------------------------
# The run


def run_load(seconds: float = 10, users: int = 10, workers: int | None = None, think: float = 0.0,
             threads: int = THREADS, log=print) -> dict:
    """Serve with gunicorn, load it with locust for ``seconds``, stop both; the figures as a dict.

    The worker model is production's (archive/gunicorn.conf.py): threaded workers (gthread), one per core
    (``workers`` defaults to the cores), ``threads`` each.  Why: a request spends part of its time waiting on
    PostgreSQL, which runs on the same cores; a thread waiting frees the worker's interpreter for another request,
    so a few threads per worker keep both cores busy without the memory of more processes, and more processes
    than cores would only take turns on them.  Unlike production, workers are not recycled after
    ``max_requests`` during the run: a worker replaced every thousand requests would hide the memory growth
    that the run is there to show (and cost the restarts' time)."""
    plan = build_plan(think)
    if not plan["urls"].get("document page"):
        return {"status": "empty", "message": "the database holds no document"}
    with tempfile.TemporaryDirectory(prefix="archive-load-") as tmp:
        tmp = Path(tmp)
        (tmp / "plan.json").write_text(json.dumps(plan))
        (tmp / "locustfile.py").write_text(LOCUSTFILE)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        error_log = tmp / "gunicorn.log"
        workers = workers or os.cpu_count() or 1
        log(f"  gunicorn, {workers} gthread workers of {threads} threads, on {base}")
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "archive.wsgi:application", "-c", "archive/gunicorn.conf.py",
             "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
             "--max-requests", "0", "--log-level", "warning", "--error-logfile",
             str(error_log), "--capture-output"],   # Django's own error log (a 500's traceback) goes there too
            cwd=ROOT, env=server_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_ready(base + plan["urls"]["document page"][0], server)
            warm_up_errors = warm_up(base, plan, threads=2 * workers)
            memory = WorkerMemory(server.pid)
            start_rss = memory.sample()
            memory.start()
            log(f"  locust: {users} users for {seconds:g} s")
            started = time.monotonic()
            done = subprocess.run(
                [sys.executable, "-m", "locust", "-f", str(tmp / "locustfile.py"), "--headless",
                 "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds:g}s",
                 "--host", base, "--csv", str(tmp / "load"), "--only-summary", "--stop-timeout", "5",
                 "--exit-code-on-error", "0", "--loglevel", "WARNING"],
                cwd=tmp, env={**os.environ, "ARCHIVE_LOAD_PLAN": str(tmp / "plan.json")},
                capture_output=True, text=True, timeout=seconds + 90)
            wall = time.monotonic() - started
            end_rss = memory.stop()
        finally:
            stop(server)
        if done.returncode != 0 or not (tmp / "load_stats.csv").exists():
            raise RuntimeError(f"locust failed (status {done.returncode}): {(done.stderr or done.stdout)[-2000:]}")
        result = read_stats(tmp / "load")
        server_errors = [line for line in error_log.read_text(errors="replace").splitlines()
                         if "Traceback" in line or "WORKER TIMEOUT" in line or "Error" in line]
    result.update({
        "status": "ok", "seconds": seconds, "wall": wall, "users": users, "workers": workers, "think": think,
        "warm_up_errors": warm_up_errors, "server_errors": server_errors[:5],
        "rss_start": start_rss, "rss_end": end_rss, "rss_peak": memory.peak,
        "worker_restarts": len(memory.pids) - len(start_rss),
        "worker_class": "gthread", "threads": threads, "target": {"rps": RPS_TARGET, "p95_ms": P95_TARGET_MS},
        "urls": {kind: len(paths) for kind, paths in plan["urls"].items()}, "weights": plan["weights"],
        "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    })
    return result


def read_stats(prefix: Path) -> dict:
    """locust's CSV summary: per page kind and overall, requests, failures, requests/s, p50 and p95 (ms)."""
    rows = {}
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"]] = {
                "requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]), "p50": float(row["50%"] or 0), "p95": float(row["95%"] or 0),
                "p99": float(row["99%"] or 0),
            }
    errors = []
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists():
        with open(failures, newline="") as handle:
            errors = [f"{row['Name']}: {row['Error']} (x{row['Occurrences']})" for row in csv.DictReader(handle)]
    total = rows.pop("Aggregated", {"requests": 0, "failures": 0, "rps": 0.0, "p50": 0.0, "p95": 0.0, "p99": 0.0})
    return {**total, "pages": rows, "errors": errors}


# ---------------------------------------------------------------------------
# In the benchmark


def bench_stage(smoke: bool, log=print) -> dict | None:
    """The benchmark's "Load" stage: 10 s with 10 users for smoke runs; 5 minutes with 16 users otherwise (issue 17:
    two workers of four threads, twice as many users as threads, so a worker always has the next request waiting).

    ARCHIVE_BENCH_LOAD=0 skips it; ARCHIVE_BENCH_LOAD_SECONDS and ARCHIVE_BENCH_LOAD_USERS change it.  An archive
    of fewer than MIN_DOCUMENTS documents (the benchmark's own tests) is not measured: such figures say nothing,
    and tests/test_load_smoke.py checks that the load test works.
    """
    from resolutions.models import Document

    if os.environ.get("ARCHIVE_BENCH_LOAD", "1") == "0":
        return {"status": "skipped"}
    documents = Document.objects.count()
    if documents < MIN_DOCUMENTS:
        return {"status": "small", "message": f"{documents} documents; the load test runs on {MIN_DOCUMENTS} or more"}
    seconds = float(os.environ.get("ARCHIVE_BENCH_LOAD_SECONDS", 10 if smoke else 300))
    users = int(os.environ.get("ARCHIVE_BENCH_LOAD_USERS", 10 if smoke else 16))
    try:
        return run_load(seconds=seconds, users=users, log=log)
    except Exception as exc:   # reported in the table, never hidden, and the other figures still stand
        return {"status": "error", "message": f"{type(exc).__name__}: {exc}"[:300]}


def growth(result: dict) -> tuple[int, int, int]:
    """(RSS at start, RSS at end, growth) summed over the workers that lived through the whole run."""
    both = set(result["rss_start"]) & set(result["rss_end"])
    start = sum(result["rss_start"][pid] for pid in both)
    end = sum(result["rss_end"][pid] for pid in both)
    return start, end, end - start


def render_lines(result: dict | None) -> list[str]:
    """The "Load" section of the benchmark's table."""
    lines = ["## Load (bench/load.py: locust against gunicorn on loopback)", ""]
    if not result or result.get("status") == "skipped":
        return lines + ["Skipped (ARCHIVE_BENCH_LOAD=0, or `run(load=False)`).", ""]
    if result["status"] != "ok":
        return lines + [f"Not measured: {result.get('message', result['status'])}.", ""]
    start, end, grew = growth(result)
    workers = len(result["rss_end"]) or result["workers"]
    flat = grew <= GROWTH_TOLERANCE * workers and result["worker_restarts"] == 0
    think = "no think time" if not result["think"] else f"{result['think']:g} s think time"
    mix = ", ".join(f"{kind} {result['weights'][kind]} ({count} URLs)" for kind, count in result["urls"].items())
    p95_ok = result["p95"] < P95_TARGET_MS
    lines += [f"{result['users']} concurrent users ({think}) for {result['seconds']:g} s, gunicorn with "
              f"{result['workers']} {result.get('worker_class', 'sync')} workers of {result.get('threads', 1)} "
              f"threads, production settings, no worker recycling during the run. The audience (weight, URLs): "
              f"{mix} (bench/load_plan.py). Latency includes the wait for a free thread; locust shares the "
              f"machine.", "",
              "| Measure | Value | Target |", "|---|---|---|",
              f"| requests, errors | {result['requests']:,}, {result['failures']:,}"
              + (f" (and {result['warm_up_errors']:,} in the warm-up)" if result["warm_up_errors"] else "")
              + f" | 0 errors: {'met' if result['failures'] + result['warm_up_errors'] == 0 else 'MISSED'} |",
              f"| throughput | {result['rps']:.1f} requests/s | >= {RPS_TARGET:.0f}: "
              f"{verdict(result['rps'], RPS_TARGET, higher_is_better=True)} |",
              f"| all pages p50 / p95 | {result['p50']:.0f} / {result['p95']:.0f} ms | p95 < {P95_TARGET_MS:.0f} ms: "
              f"{'met' if p95_ok else verdict(result['p95'], P95_TARGET_MS)} |"]
    for name, page in sorted(result["pages"].items()):
        lines.append(f"| {name}: requests/s, p50 / p95 ({page['requests']:,} requests, {page['failures']:,} errors) | "
                     f"{page['rps']:.1f}; {page['p50']:.0f} / {page['p95']:.0f} ms | p95 < {P95_TARGET_MS:.0f} ms: "
                     f"{'met' if page['p95'] < P95_TARGET_MS else verdict(page['p95'], P95_TARGET_MS)} |")
    lines += [f"| gunicorn workers' RSS, after warm-up -> end (peak) | {start / MIB:.0f} MiB -> {end / MIB:.0f} MiB "
              f"({grew / MIB:+.1f} MiB; peak {result['rss_peak'] / MIB:.0f} MiB) | flat: "
              f"{'met' if flat else 'MISSED'} |",
              f"| workers replaced during the run | {result['worker_restarts']} | 0 |", ""]
    for error in result["errors"][:5] + result["server_errors"][:5]:
        lines.append(f"- {error}")
    if result["errors"] or result["server_errors"]:
        lines.append("")
    return lines


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: one per core)")
    parser.add_argument("--threads", type=int, default=THREADS, help="threads per worker")
    parser.add_argument("--think", type=float, default=0.0, help="seconds each user waits between requests")
    parser.add_argument("--json", default=None, help="also write the figures to this file")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    result = run_load(args.seconds, args.users, args.workers, args.think, args.threads,
                      log=lambda m: print(m, file=sys.stderr))
    print("\n".join(render_lines(result)))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0 if result.get("status") == "ok" and result["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
