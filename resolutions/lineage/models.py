from django.db import models


class Series(models.Model):
    """The same resolution topic across sessions ('Improving the coordination of efforts against trafficking')."""

    title_key = models.CharField(max_length=300, unique=True, help_text="Normalised title.")
    title = models.TextField()
    slug = models.SlugField(max_length=200, unique=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "series"

    def __str__(self):
        return self.title


class DocumentLink(models.Model):
    """A version relation between two documents: revision of, adopted from."""

    class Kind(models.TextChoices):
        REVISION = "revision", "is a revision of"
        ADOPTED = "adopted", "was adopted from"

    source = models.ForeignKey("Document", on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey("Document", on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    method = models.CharField(max_length=40, blank=True, help_text="How the link was found: symbol, reference, "
                              "title+similarity.")
    score = models.FloatField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "target", "kind"], name="documentlink_unique")]
        # The resolutions adopted from given drafts from the index alone: a state's sponsorships include those of the
        # drafts it sponsored (lineage.sponsors.sponsored_documents, the search's sponsor filter).
        indexes = [models.Index(fields=["kind", "target", "source"], name="documentlink_kind_target")]

    def __str__(self):
        return f"{self.source} {self.get_kind_display()} {self.target}"
