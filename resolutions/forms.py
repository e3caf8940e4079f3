"""Forms of the staff pages (the public search form lives with the search views)."""
from django import forms
from django.conf import settings

from resolutions.services.ingestion.uploads import human_size


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files at once (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    """One file, many files, or .zip archives of them."""

    files = MultipleFileField(
        label="Files",
        help_text=(
            "PDF, Word (.docx), plain text, markdown or HTML; several at once, or .zip archives (folders inside "
            f"are fine). Largest file: {human_size(settings.ARCHIVE_MAX_UPLOAD_BYTES)}; an archive may hold "
            f"{settings.ARCHIVE_MAX_ZIP_MEMBERS} files and {human_size(settings.ARCHIVE_MAX_ZIP_TOTAL_BYTES)}."
        ),
    )
