"""Find citations in UN resolution text: resolutions, decisions, documents, treaties.

A library apart from the web app (no Django import), in the spirit of Free Law
Project's eyecite: text in, ``resolutions.parser.document.Citation`` objects out.

- ``find_citations(text, organ=...)``: one paragraph's text; ``organ`` is the body
  whose document it is ('its resolution 61/180' in a General Assembly text).
- ``find_footnote_citations(footnotes, organ=...)``: the document's footnotes in
  order, 'Ibid.' resolved against the footnote before; each citation carries its
  footnote's marker.
- ``citation_key(citation)``: what is cited, normalised ('resolution:A:61/180',
  'resolution:S:2720(2023)', 'document:E/CN.4/2006/62', 'treaty:2171:27531').
"""
from .finder import find_citations, find_footnote_citations  # noqa: F401
from .types import Citation  # noqa: F401
from .keys import citation_key, normalise_number, normalise_symbol  # noqa: F401
