from django import template

from votes.selectors import document_vote

register = template.Library()


@register.inclusion_tag("votes/_document_votes.html")
def document_votes(document):
    """The vote panel of a document page: how it was adopted, the counts as a bar, the states by vote."""
    if getattr(document, "vote_total", None) == 0:   # the page's query counted none (selectors.documents)
        return {"vote": None, "document": document}
    return {"vote": document_vote(document), "document": document}
