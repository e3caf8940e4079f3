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


def read_addressing(rows) -> dict:
    """``{key: Addressing}`` of the operative paragraphs and of the sub-paragraphs of those, from rows ``(key, parent
    key or None, kind, lead, text)`` in the document's order (a sub-paragraph reads its parent's addressing)."""
    found: dict = {}
    for key, parent, kind, lead, text in rows:
        if parent is None and kind == Paragraph.Kind.OPERATIVE:
            found[key] = extract(lead, text)
        elif parent in found:
            found[key] = extract(None, text, found[parent])
    return found


def address_documents(document_ids: list[int], known: dict[int, dict[int, Addressing]] | None = None) -> int:
    """``address_paragraphs`` for several documents, in a fixed number of statements (the bulk load).

    ``known``: for some of the documents, the addressing already read (``read_addressing``) from the very values
    their rows hold, by the rows' ``order`` (the bulk load reads them in its parsing processes)."""
    known = known or {}
    rows = (Paragraph.objects.filter(document_id__in=document_ids, annex__isnull=True)
            .filter(Q(kind=Paragraph.Kind.OPERATIVE) | Q(parent__isnull=False)))
    ParagraphAction.objects.filter(paragraph__document_id__in=document_ids).delete()
    Addressee.objects.filter(paragraph__document_id__in=document_ids).delete()
    found: dict[int, Addressing] = {}
    # No order (a dict is built): Paragraph's default ordering joined every row to its document to sort by the
    # document's date (4 s a group of 200 on fresh tables, whose statistics made that a nested loop).
    for pk, order, document_id in (rows.filter(document_id__in=list(known)).order_by()
                                   .values_list("pk", "order", "document_id")):
        if order in known[document_id]:
            found[pk] = known[document_id][order]
    others = rows.exclude(document_id__in=list(known)).order_by("document_id", "order")
    found.update(read_addressing(others.values_list("pk", "parent_id", "kind", "lead", "text").iterator(chunk_size=5000)))
    ParagraphAction.objects.bulk_create([ParagraphAction(paragraph_id=pk, action=a.action) for pk, a in found.items()],
                                        batch_size=5000)
    Addressee.objects.bulk_create([Addressee(paragraph_id=pk, label=label[:200])
                                   for pk, a in found.items() for label in a.addressees], batch_size=5000)
    return len(found)
