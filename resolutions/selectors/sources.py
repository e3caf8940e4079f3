"""Reads about uploaded source files (the admin's list, change page and download)."""
from django.db.models import QuerySet
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


def batch_counts(batch: str) -> dict[str, int]:
    """How many files of one upload batch are in each status."""
    counts: dict[str, int] = {}
    for status in SourceFile.objects.filter(batch=batch).values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts
