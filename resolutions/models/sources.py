from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models


class SourceFile(models.Model):
    """An uploaded file, kept byte for byte whatever became of it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        PARSED = "parsed", "Parsed"
        FAILED = "failed", "Failed"
        REFUSED = "refused", "Refused"
        DUPLICATE = "duplicate", "Duplicate"

    content = models.BinaryField(help_text="The original bytes.")
    sha256 = models.CharField(max_length=64, unique=True)
    original_name = models.CharField(max_length=255)
    other_names = ArrayField(models.CharField(max_length=255), default=list, blank=True,
                             help_text="Other names the same bytes arrived under (two files, two members of a zip).")
    media_type = models.CharField(max_length=120, blank=True)
    format = models.CharField(max_length=20, blank=True, help_text="Detected format: text, markdown, pdf, docx, html.")
    size = models.BigIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="uploads")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    batch = models.CharField(max_length=64, blank=True, db_index=True,
                             help_text="Identifier shared by the files of one upload or command run.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    error = models.TextField(blank=True)
    warnings = models.JSONField(default=list, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    document = models.ForeignKey("Document", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="source_files")

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self):
        return f"{self.original_name} ({self.get_status_display()})"
