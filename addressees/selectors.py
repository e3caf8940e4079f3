"""Reads: the addressing of a document's paragraphs for its page (one query)."""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.aggregates import ArrayAgg

from addressees.labels import display
from addressees.models import ParagraphAction


@dataclass
class ShownAddressing:
    action: str
    addressees: list[tuple[str, str]]        # (label, as shown)


def addressing_by_paragraph(document) -> dict[int, ShownAddressing]:
    """Paragraph id -> its action and addressees, for the document's operative paragraphs."""
    rows = (ParagraphAction.objects.filter(paragraph__document=document)
            .annotate(labels=ArrayAgg("paragraph__addressees__label", distinct=True, default=[]))
            .values_list("paragraph_id", "action", "labels"))
    return {pk: ShownAddressing(action, [(label, display(label)) for label in sorted(filter(None, labels))])
            for pk, action, labels in rows}
