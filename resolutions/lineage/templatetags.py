"""Template tags of the lineage feature: the versions and series panel of the document page."""
from django import template

from resolutions.lineage.selectors import document_panel

register = template.Library()


@register.simple_tag
def lineage_panel(document, source_files=None):
    """{% lineage_panel document [source_files] as panel %}: series, previous/next in it, version links, source
    files (given when the page read them already)."""
    return document_panel(document, source_files)
