"""``{% follow kind key what %}``: a page's "Follow" line, its Atom feed and its e-mail alert.

``key`` is the slug or number of what the page shows, or, for a search, the page's parameters (a dict).
"""
from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("alerts/_follow.html")
def follow(kind: str, key, what: str) -> dict:
    if kind == "search":
        kept = sorted((n, v) for n, v in (key or {}).items() if n not in ("sort", "page"))
        query = f"?{urlencode(kept)}" if kept else ""
        return {"feed_url": reverse("feeds:search") + query, "alert_url": reverse("alerts:follow_search") + query,
                "what": what}
    return {"feed_url": reverse(f"feeds:{kind}", args=[key]), "alert_url": reverse("alerts:follow", args=[kind, key]),
            "what": what}
