from django.db import models

from resolutions.citations.keys import symbol_of_key
from resolutions.un.symbols import ods_url


class Citation(models.Model):
    """A reference from a paragraph or footnote to a resolution, decision, document or treaty.

    As CourtListener keeps its citations: a citation that matches nothing in the
    archive is kept with status UNRESOLVED and resolved when the cited document
    arrives (see services.citations.resolve_pending_citations).
    """

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", "Resolution"
        DECISION = "decision", "Decision"
        DOCUMENT = "document", "Document"
        TREATY = "treaty", "Treaty"

    class Status(models.TextChoices):
        RESOLVED = "resolved", "In the archive"
        UNRESOLVED = "unresolved", "Not in the archive"
        EXTERNAL = "external", "Outside the archive's scope"  # treaties

    document = models.ForeignKey("Document", on_delete=models.CASCADE, related_name="citations")
    paragraph = models.ForeignKey("Paragraph", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="citations")
    footnote = models.ForeignKey("Footnote", null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    order = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    raw_text = models.TextField()
    cited_body = models.CharField(max_length=80, blank=True)
    number = models.CharField(max_length=40, blank=True)
    symbol = models.CharField(max_length=80, blank=True)
    volume = models.CharField(max_length=20, blank=True)
    treaty_number = models.CharField(max_length=20, blank=True)
    pinpoint = models.CharField(max_length=120, blank=True,
                                help_text="The cited resolution's operative paragraphs the citation names, comma-separated: "
                                          "'12', '3,6,7', '12(g)' ('paragraph 12 of resolution 61/180').")
    target_key = models.CharField(max_length=120, db_index=True,
                                  help_text="Normalised identifier: 'resolution:A:61/180', 'document:E/CN.4/2006/62'.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UNRESOLVED, db_index=True)
    target_document = models.ForeignKey("Document", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="cited_by")

    class Meta:
        ordering = ["document", "order"]

    def __str__(self):
        return self.raw_text[:80]

    @property
    def public_url(self) -> str | None:
        """The UN's own copy of what is cited (its Official Document System address), for a citation the archive
        does not hold; None when it has no symbol (a decision, a treaty)."""
        if self.kind == self.Kind.DOCUMENT and self.symbol:
            return ods_url(self.symbol)
        symbol = symbol_of_key(self.target_key)
        return ods_url(symbol) if symbol else None
