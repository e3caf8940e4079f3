"""Template tags of the lineage feature: the versions and series panel of the document page."""
from django import template

from resolutions.lineage.selectors import document_panel

register = template.Library()


@register.simple_tag
def lineage_panel(document):
    """{% lineage_panel document as panel %}: series, previous/next in it, version links, source files."""
    return document_panel(document)
