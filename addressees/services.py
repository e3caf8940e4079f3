"""Writes: each operative paragraph's action and addressees, read again from its words after every change."""
from __future__ import annotations

from django.db.models import Q

from addressees.extractor import Addressing, extract
from addressees.models import Addressee, ParagraphAction
from resolutions.models import Document, Paragraph


def address_paragraphs(document: Document) -> int:
    """The action and addressees of every operative paragraph and sub-paragraph of the resolution's own text
    (annexes aside), replacing what was stored; returns how many paragraphs were read."""
    return address_documents([document.pk])


def address_documents(document_ids: list[int]) -> int:
    """``address_paragraphs`` for several documents, in a fixed number of statements (the bulk load)."""
    # Operative paragraphs and the sub-paragraphs of any paragraph: a sub-paragraph reads its parent's addressing.
    rows = (Paragraph.objects.filter(document_id__in=document_ids, annex__isnull=True)
            .filter(Q(kind=Paragraph.Kind.OPERATIVE) | Q(parent__isnull=False))
            .order_by("document_id", "order").values_list("pk", "parent_id", "kind", "lead", "text"))
    ParagraphAction.objects.filter(paragraph__document_id__in=document_ids).delete()
    Addressee.objects.filter(paragraph__document_id__in=document_ids).delete()
    found: dict[int, Addressing] = {}
    for pk, parent_id, kind, lead, text in rows.iterator(chunk_size=5000):
        if parent_id is None and kind == Paragraph.Kind.OPERATIVE:
            found[pk] = extract(lead, text)
        elif parent_id in found:
            found[pk] = extract(None, text, found[parent_id])
    ParagraphAction.objects.bulk_create([ParagraphAction(paragraph_id=pk, action=a.action) for pk, a in found.items()],
                                        batch_size=5000)
    Addressee.objects.bulk_create([Addressee(paragraph_id=pk, label=label[:200])
                                   for pk, a in found.items() for label in a.addressees], batch_size=5000)
    return len(found)
