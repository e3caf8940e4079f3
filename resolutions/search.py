"""Full-text search: weights, query parsing, ranking, snippets and facets, in one module.

(Placeholder with the interface the ingestion service calls; the search issue fills it in.)
"""


def index_document(document) -> None:
    """Recompute the document-level search vector after its paragraphs were stored."""
