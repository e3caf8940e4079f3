"""Give each document without a symbol a stable, readable address (resolutions.addresses)."""
from __future__ import annotations

from resolutions.addresses import slug_for
from resolutions.models import Document


def unique_slug(document: Document) -> str:
    base = slug_for(document.body, document.date.year if document.date else None,
                    document.title or document.subject)
    slug, n = base, 1
    while Document.objects.filter(slug=slug).exclude(pk=document.pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def assign_address(document: Document) -> None:
    """A document without a symbol gets a slug once; it keeps it (links to it keep working) if a symbol comes."""
    if document.symbol_key or document.slug:
        return
    document.slug = unique_slug(document)
    Document.objects.filter(pk=document.pk).update(slug=document.slug)
