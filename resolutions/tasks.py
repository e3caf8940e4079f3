"""Background tasks (Django's tasks API through django-tasks; the database backend in production)."""
from django_tasks import task

from resolutions.models import SourceFile
from resolutions.services.ingestion.ingest import process_source_file
from resolutions.services.ingestion.intake import claim


@task()
def ingest_source_file(source_file_id: int, discard_edits: bool = False) -> str:
    """Parse and store a SourceFile recorded as pending (an admin upload or a re-run); returns its new status.

    Two workers must never ingest the same file twice.  django-tasks-db already
    hands each queued task to one worker, but the same file can be queued twice
    (a double-clicked re-run, an upload repeated while the first waits), and an
    ``ingest`` command may be handed the same bytes.  So the task claims the
    file's content (``intake.claim``, an advisory lock held until the document
    is committed) without waiting, and processes only a file still *pending*:
    a second worker either finds the content claimed and skips it at once or,
    once the first has committed, finds it no longer pending.  (sha256
    uniqueness alone would not do: it stops a second SourceFile, not a second
    parse of the same one.)
    """
    found = SourceFile.objects.filter(pk=source_file_id).values_list("sha256", flat=True).first()
    if found is None:
        return "skipped: deleted"
    with claim(found, wait=False) as claimed:
        if not claimed:
            return "skipped: being processed by another worker"
        source_file = SourceFile.objects.filter(pk=source_file_id).first()  # read again under the claim
        if source_file is None:
            return "skipped: deleted"
        if source_file.status != SourceFile.Status.PENDING:
            return f"skipped: already {source_file.status}"
        return process_source_file(source_file, discard_edits=discard_edits).status
