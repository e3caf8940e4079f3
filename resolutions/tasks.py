"""Background tasks (Django's tasks API through django-tasks; the database backend in production)."""
from django.db import transaction
from django_tasks import task

from resolutions.models import SourceFile
from resolutions.services.ingestion import process_source_file


@task()
def ingest_source_file(source_file_id: int, discard_edits: bool = False) -> str:
    """Parse and store a SourceFile recorded as pending (an admin upload or a re-run); returns its new status.

    Two workers must never ingest the same file twice.  django-tasks-db already
    hands each queued task to one worker, but the same file can be queued twice
    (a double-clicked re-run, an upload repeated while the first waits).  So the
    row is locked with SELECT ... FOR UPDATE SKIP LOCKED for the whole run and
    only a file still *pending* is processed: a second worker either skips the
    locked row at once or, once the first has committed, finds it no longer
    pending.  (sha256 uniqueness alone would not do: it stops a second
    SourceFile, not a second parse of the same one.)
    """
    with transaction.atomic():
        source_file = SourceFile.objects.select_for_update(skip_locked=True).filter(pk=source_file_id).first()
        if source_file is None:
            return "skipped: being processed by another worker, or deleted"
        if source_file.status != SourceFile.Status.PENDING:
            return f"skipped: already {source_file.status}"
        return process_source_file(source_file, discard_edits=discard_edits).status
