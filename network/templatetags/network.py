from django import template

from network.selectors import document_network

register = template.Library()


@register.inclusion_tag("network/_panel.html")
def citation_network(document):
    """The network panel of a document page: the documents it cites and that cite it, to depth 2, drawn and
    listed."""
    return {"panel": document_network(document), "document": document}
