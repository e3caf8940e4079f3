from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class LanguageVersion(models.Model):
    """The text of a document in one language other than English, from one source file."""

    document = models.ForeignKey("resolutions.Document", on_delete=models.CASCADE, related_name="language_versions")
    language = models.CharField(max_length=2, help_text="ISO 639-1: 'fr', 'es', 'ru', 'ar', 'zh' (and 'de').")
    source_file = models.ForeignKey("resolutions.SourceFile", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="language_versions")
    title = models.TextField(blank=True)
    preamble_subject = models.CharField(max_length=120, blank=True, help_text="'L'Assemblée générale'")
    annexes = models.JSONField(default=list, blank=True, help_text="[{label, title}] of each annex, in order.")
    parse_warnings = models.JSONField(default=list, blank=True)
    edited = models.BooleanField(default=False, help_text="Staff corrected this version in the admin; a later file "
                                                          "in its language does not replace it unless staff discard "
                                                          "their edits.")
    # The version's whole text in its language's configuration (title A, operative B, preambular C, notes D): the
    # document's search vector includes it (services.indexing), so a document matches in any of its languages.
    search_vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["document", "language"]
        constraints = [models.UniqueConstraint(fields=["document", "language"], name="language_version_unique")]

    def __str__(self):
        return f"{self.document} ({self.language})"


class VersionParagraph(models.Model):
    """A paragraph of a language version: the same fields as ``resolutions.Paragraph``, so the page's templates and
    the search's paragraph mode read either."""

    version = models.ForeignKey(LanguageVersion, on_delete=models.CASCADE, related_name="paragraphs")
    document = models.ForeignKey("resolutions.Document", on_delete=models.CASCADE,
                                 related_name="version_paragraphs", help_text="The version's document (filters).")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="subparagraphs")
    annex_order = models.PositiveIntegerField(null=True, blank=True, help_text="1 for the first annex.")
    order = models.PositiveIntegerField()
    kind = models.CharField(max_length=12)
    number = models.CharField(max_length=10, blank=True)
    label = models.CharField(max_length=10, blank=True)
    lead = models.CharField(max_length=80, blank=True)
    heading = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    anchor = models.CharField(max_length=60, blank=True)
    footnote_refs = ArrayField(models.CharField(max_length=10), default=list, blank=True)
    edited = models.BooleanField(default=False)
    # Written by services.index_version in the language's configuration (a generated column cannot segment Chinese).
    search_vector = SearchVectorField(null=True, editable=False)
    # MinHash LSH bands of the paragraph's words (Chinese: of its segmented words), as Paragraph.lsh_bands: agreed
    # language in this language finds near-identical paragraphs through the GIN index.
    lsh_bands = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)

    class Meta:
        ordering = ["version", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "order"], name="version_paragraph_order_unique")]
        indexes = [GinIndex(fields=["search_vector"], name="version_paragraph_search_gin"),
                   GinIndex(fields=["lsh_bands"], name="version_paragraph_lsh_gin")]

    def __str__(self):
        return f"{self.version} {self.anchor}"

    @property
    def language(self) -> str:
        return self.version.language


class VersionFootnote(models.Model):
    version = models.ForeignKey(LanguageVersion, on_delete=models.CASCADE, related_name="footnotes")
    annex_order = models.PositiveIntegerField(null=True, blank=True)
    order = models.PositiveIntegerField()
    marker = models.CharField(max_length=10)
    text = models.TextField()
    edited = models.BooleanField(default=False)

    class Meta:
        ordering = ["version", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "order"], name="version_footnote_order_unique")]
