"""Feed addresses for the pages' templates: ``{% search_feed_url params %}``, ``{% body_feed_url body %}``."""
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.text import slugify

register = template.Library()


@register.simple_tag
def search_feed_url(params) -> str:
    """The feed of the search these page parameters make (order and page do not change what is new)."""
    kept = sorted((name, value) for name, value in (params or {}).items() if name not in ("sort", "page"))
    return reverse("feeds:search") + (f"?{urlencode(kept)}" if kept else "")


@register.simple_tag
def body_feed_url(body: str) -> str:
    slug = slugify(body or "")
    return reverse("feeds:body", args=[slug]) if slug else ""


@register.filter
def body_slug(body: str) -> str:
    """The slug a body's feed and alert are addressed by ('General Assembly' -> 'general-assembly')."""
    return slugify(body or "")
