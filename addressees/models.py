"""Each operative paragraph's action and addressees, as the extractor (addressees.extractor) read them from its words.

Derived data, written by ``addressees.services.address_paragraphs`` whenever a document changes (ingestion, reparse,
staff edits: ``resolutions.services.documents.document_changed``), like the search index.
"""
from django.db import models


class ParagraphAction(models.Model):
    """The action of an operative paragraph or sub-paragraph ('requests', 'urges', 'decides', ...)."""

    paragraph = models.OneToOneField("resolutions.Paragraph", on_delete=models.CASCADE, primary_key=True,
                                     related_name="addressing")
    action = models.CharField(max_length=20, blank=True, db_index=True,
                              help_text="One of addressees.actions.ACTIONS; empty when the paragraph has no lead.")

    def __str__(self):
        return f"{self.paragraph_id}: {self.action}"


class Addressee(models.Model):
    """One addressee of a paragraph: a category ('Member States', 'Secretary-General', 'civil society'), a state
    ('state:Israel') or a named UN body ('organ:Human Rights Council')."""

    paragraph = models.ForeignKey("resolutions.Paragraph", on_delete=models.CASCADE, related_name="addressees")
    label = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["paragraph", "label"], name="addressee_once")]
        indexes = [models.Index(fields=["label", "paragraph"], name="addressee_by_label")]

    def __str__(self):
        return self.label
