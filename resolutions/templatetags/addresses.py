from django import template

from resolutions.addresses import paragraph_citation

register = template.Library()


@register.simple_tag
def cite(document, view, annex=None) -> str:
    """The citation of a paragraph on its document's page, for the Cite line (data-cite)."""
    if not document or not view:
        return ""
    annex_label = getattr(getattr(annex, "annex", None), "label", None)   # '' when not inside an annex
    return paragraph_citation(document.symbol or document.display_title, view.anchor, annex_label)
