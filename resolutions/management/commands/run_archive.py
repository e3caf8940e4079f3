"""python manage.py run_archive: the development server plus a background ingestion worker (what `make run` runs)."""
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

IMMEDIATE_BACKEND = "django_tasks.backends.immediate.ImmediateBackend"


def worker_command() -> list[str]:
    """The worker as a separate process: the same interpreter, manage.py and settings."""
    return [sys.executable, str(settings.BASE_DIR / "manage.py"), "db_worker", "--no-reload", "--interval", "1"]


def uses_queue() -> bool:
    return settings.TASKS["default"]["BACKEND"] != IMMEDIATE_BACKEND


class Command(BaseCommand):
    help = ("Serve the archive with Django's server and start a db_worker alongside, so admin uploads are ingested "
            "in the background; the worker stops when the server does.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--no-worker", action="store_true",
                            help="Do not start a worker (uploads then wait in the queue unless tasks run inline).")

    def handle(self, *args, host, port, no_worker, **options):
        # Ctrl-C and SIGTERM (a process manager, `kill`) stop the server once; any further signal is ignored
        # while the worker and the embedded PostgreSQL stop (a second Ctrl-C had interrupted the clean-up).
        signal.signal(signal.SIGINT, stop_once)
        signal.signal(signal.SIGTERM, stop_once)
        worker = None
        if uses_queue() and not no_worker:
            # In a session of its own: the terminal's Ctrl-C reaches this process only, which stops the worker
            # with one SIGTERM (the worker took Ctrl-C plus that SIGTERM as "force", and died with a traceback
            # from the database package's clean-up, leaving the embedded PostgreSQL running).
            worker = subprocess.Popen(worker_command(), start_new_session=True)
            self.stdout.write(f"Background ingestion worker started (pid {worker.pid}).")
        elif not uses_queue():
            self.stdout.write("Tasks run inline (ARCHIVE_TASKS_IMMEDIATE): no worker needed.")
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        except KeyboardInterrupt:
            pass
        finally:
            if worker is not None:
                stop_worker(worker)


def stop_once(signum, frame):
    """The first Ctrl-C or SIGTERM ends the server (KeyboardInterrupt); later ones are ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def stop_worker(worker: subprocess.Popen, timeout: float = 30) -> None:
    """SIGTERM lets db_worker finish its current file and leave the embedded server (its last user, this process,
    stops it on exit); kill it if it will not stop."""
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
