"""Lineage: how documents and their paragraphs descend from each other, in one place.

- ``models``: ``Series`` (the same resolution across sessions) and ``DocumentLink`` (draft -> revision ->
  adopted text, with how the link was found); the tables stay the ``resolutions`` app's.
- ``similarity``: word shingles, MinHash signatures and their LSH bands (paragraphs and whole texts), and the
  exact similarity that re-ranks what the bands find.
- ``compare``: two documents' paragraphs aligned, with word-level changes.
- ``services``: the writes: series and version links after a document is stored (``after_ingest``,
  ``relink_all``), bands of corrected paragraphs.
- ``selectors``: the reads: the document page's panel, series, comparison, "Find agreed language";
  ``provenance``: "first appeared in" (bounded by a statement time limit of its own).
- ``views``, ``urls``, ``templatetags`` (the ``lineage`` tag library) and ``templates/lineage/``: the pages.

This ``__init__`` imports none of them (the models are imported by ``resolutions.models``).
"""
