"""Reads about uploaded source files (the admin's list, change page and download)."""
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from resolutions.models import SourceFile


def source_files_for_list() -> QuerySet[SourceFile]:
    """Source files without their bytes (which can be megabytes each), with what the list shows."""
    return SourceFile.objects.defer("content").select_related("document", "uploaded_by")


def source_file_download(pk: int) -> tuple[str, str, bytes]:
    """(file name, media type, the original bytes) of one source file, byte for byte."""
    source_file = get_object_or_404(SourceFile.objects.only("original_name", "media_type", "content"), pk=pk)
    name = source_file.original_name.rsplit("/", 1)[-1] or f"source-{pk}"
    return name, source_file.media_type or "application/octet-stream", bytes(source_file.content)


def public_source_file_download(pk: int) -> tuple[str, str, bytes]:
    """The same for the public: only a file that is the source of a document (404 otherwise).

    A failed or refused upload, or one waiting for its first parse, is staff's business, whatever its bytes;
    a source file queued again for a re-run stays its document's source meanwhile.
    """
    sources = SourceFile.objects.filter(pk=pk, document__isnull=False,
                                        status__in=[SourceFile.Status.PARSED, SourceFile.Status.PENDING])
    if not sources.exists():
        raise Http404("No such source file.")
    return source_file_download(pk)


def batch_counts(batch: str) -> dict[str, int]:
    """How many files of one upload batch are in each status."""
    counts: dict[str, int] = {}
    for status in SourceFile.objects.filter(batch=batch).values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts
