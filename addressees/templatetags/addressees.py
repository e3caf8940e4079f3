from urllib.parse import urlencode

from django import template

register = template.Library()


@register.simple_tag
def addressee_search(label: str) -> str:
    """The paragraph search for paragraphs addressed to ``label``."""
    return "/search/?" + urlencode({"mode": "paragraphs", "addressee": label})


@register.simple_tag
def action_search(action: str) -> str:
    return "/search/?" + urlencode({"mode": "paragraphs", "action": action})
