"""Versions, series and paragraph similarity bands (placeholder; the lineage issue fills it in)."""


def after_ingest(document) -> None:
    """Link a freshly stored document to its versions and series and compute its paragraphs' LSH bands."""
