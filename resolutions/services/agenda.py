"""Agenda item titles: a cut or missing title is replaced by a whole one when a document or the UN's metadata
names the item in full (resolutions.un.agenda says which title is better)."""
from __future__ import annotations

from resolutions import page_cache
from resolutions.models import AgendaItem, Document
from resolutions.un.agenda import better_title, parse_item


def offer_title(item: AgendaItem, title: str) -> bool:
    """Keep ``title`` for ``item`` when it is better than the one stored; True when it changed."""
    title = " ".join((title or "").split())
    if not better_title(item.title, title):
        return False
    item.title = title
    item.save(update_fields=["title"])
    page_cache.pages_changed(item.documents.values_list("pk", flat=True))   # each shows the item's title
    return True


def name_items_of(document: Document, printed_item: str, title: str) -> int:
    """The UN's metadata names ``printed_item`` ('Agenda item 99 (r)') of ``document`` as ``title``: the document's
    agenda item of that number takes the title when it is better.  Returns how many items changed."""
    number = parse_item(printed_item)
    if not number or not title:
        return 0
    items = AgendaItem.objects.filter(documents=document, number=number)
    return sum(offer_title(item, title) for item in items)
