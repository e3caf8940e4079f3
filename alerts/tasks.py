"""``send_alerts`` as a periodic task of the background worker (django-tasks).

django-tasks has no schedule of its own, but its database queue can defer a task (``run_after``): each run queues
the next one ``ARCHIVE_ALERTS_INTERVAL_SECONDS`` later, unless one is already waiting, so one chain of runs goes
on for as long as a worker serves the queue. The first confirmed subscription starts the chain, and so does
``manage.py send_alerts --schedule``. A worker killed in the middle of a run breaks the chain (its successor was
not queued yet): the next confirmation or ``--schedule`` starts it again, and cron (README) can run the command
beside it, since runs never overlap (an advisory lock). On a queue that cannot defer (the immediate backend of
development without a worker) nothing is scheduled.
"""
from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .sending import send_alerts


@task()
def send_alerts_task() -> str:
    try:
        return str(send_alerts())
    finally:
        schedule_next()


def schedule_next() -> bool:
    """Queue the next run one interval from now unless one is waiting; False when nothing was queued."""
    if not send_alerts_task.get_backend().supports_defer or _waiting():
        return False
    delay = timedelta(seconds=settings.ARCHIVE_ALERTS_INTERVAL_SECONDS)
    send_alerts_task.using(run_after=timezone.now() + delay).enqueue()
    return True


def _waiting() -> bool:
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:       # another queue: one more run is harmless (runs never overlap, never send twice)
        return False
    return DBTaskResult.objects.filter(task_path=send_alerts_task.module_path, status="READY").exists()
