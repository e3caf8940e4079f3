"""Writes: each operative paragraph's action and addressees, read again from its words after every change."""
from __future__ import annotations

from addressees.extractor import Addressing, extract
from addressees.models import Addressee, ParagraphAction
from resolutions.models import Document, Paragraph


def address_paragraphs(document: Document) -> int:
    """The action and addressees of every operative paragraph and sub-paragraph of the resolution's own text
    (annexes aside), replacing what was stored; returns how many paragraphs were read."""
    rows = list(document.paragraphs.filter(annex__isnull=True).order_by("order")
                .values_list("pk", "parent_id", "kind", "lead", "text"))
    ParagraphAction.objects.filter(paragraph__document=document).delete()
    Addressee.objects.filter(paragraph__document=document).delete()
    found: dict[int, Addressing] = {}
    for pk, parent_id, kind, lead, text in rows:
        if parent_id is None and kind == Paragraph.Kind.OPERATIVE:
            found[pk] = extract(lead, text)
        elif parent_id in found:
            found[pk] = extract(None, text, found[parent_id])
    ParagraphAction.objects.bulk_create([ParagraphAction(paragraph_id=pk, action=a.action) for pk, a in found.items()])
    Addressee.objects.bulk_create([Addressee(paragraph_id=pk, label=label[:200])
                                   for pk, a in found.items() for label in a.addressees])
    return len(found)
