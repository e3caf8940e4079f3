"""The thematic clusters, recomputed in the background (django-tasks) as documents arrive.

``request_cluster_refresh()`` is called after every change to a document (``document_changed``): once the
transaction commits it queues one refresh, unless one is already waiting, and on a queue that can defer a task it
runs ``REFRESH_DELAY`` later, so that a batch of arrivals is clustered once, not once per document.
"""
from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from network.services import refresh_clusters

REFRESH_DELAY = timedelta(seconds=30)


@task()
def refresh_thematic_clusters() -> str:
    clusters = refresh_clusters()
    return f"{clusters} cluster(s)"


def request_cluster_refresh() -> None:
    transaction.on_commit(_enqueue)


def _enqueue() -> None:
    backend = refresh_thematic_clusters.get_backend()
    if backend.supports_defer:
        if _waiting():
            return
        refresh_thematic_clusters.using(run_after=timezone.now() + REFRESH_DELAY).enqueue()
    else:
        refresh_thematic_clusters.enqueue()      # the immediate backend (development without a worker): now


def _waiting() -> bool:
    """A refresh is already queued and not started (the database queue)."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:       # another queue: queue one more, the refresh is idempotent
        return False
    return DBTaskResult.objects.filter(task_path=refresh_thematic_clusters.module_path, status="READY").exists()
