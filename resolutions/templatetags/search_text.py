"""The words and HTML of a search, for the web page and the API alike: the search returns data (marked text,
notice codes), these turn it into what people read.

``{{ snippet.text|marked }}``: the text escaped, its matching words in ``<mark>`` (the search marks them with
two private-use characters the query cleaning removes from input, so nothing typed or stored becomes markup).
``{{ notice|notice_text }}``: one notice in English.
"""
from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.search import MARK_END, MARK_START, Notice

register = template.Library()

WHAT = {"documents": "documents", "paragraphs": "paragraphs"}


@register.filter
def marked(text: str) -> SafeString:
    """Escape a marked text and turn its markers into <mark> tags."""
    return mark_safe(escape(text or "").replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


@register.filter
def notice_text(notice: Notice) -> str:
    p = notice.params
    if notice.code == "query_cut":
        return (f"Your search was {p['typed']:,} characters long; only its first {p['searched']:,} characters "
                "were searched.")
    if notice.code == "no_terms":
        return ("Your search has no words the archive indexes (only very common words or punctuation); "
                "showing everything that matches the filters instead.")
    what = WHAT[p["mode"]]
    if notice.code == "ranked_newest":
        return (f"{'About ' if p['estimated'] else ''}{p['total']:,} {what} match; the {p['ranked']:,} most recent "
                "of them are ranked by relevance. Add words or filters to narrow the search, or sort by date to go "
                "through all of them.")
    if notice.code == "estimated_total":
        return f"About {p['total']:,} {what} match."
    if notice.code == "partial_matches":
        def noun(n):
            return what[:-1] if n == 1 else what
        total, shown = p["total"], p["shown"]
        if not total:
            return f"No {what} match all of your words; showing {shown:,} {noun(shown)} matching some of your words."
        return (f"Only {total:,} {noun(total)} {'matches' if total == 1 else 'match'} all of your words; below "
                f"{'it' if total == 1 else 'them'}, {shown:,} more {noun(shown)} matching some of your words.")
    raise ValueError(f"no words for the search notice {notice.code!r}")


@register.filter
def notices_text(notices) -> str:
    """Every notice of a search in one paragraph, as the page and the API's ``notice`` field say them."""
    return " ".join(notice_text(n) for n in notices)
