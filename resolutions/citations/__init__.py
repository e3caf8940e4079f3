"""Find citations in UN resolution text: resolutions, decisions, documents, treaties.

A library apart from the web app (no Django import), in the spirit of Free Law
Project's eyecite: text in, citation objects out.
"""
from .finder import find_citations, find_footnote_citations  # noqa: F401
from .keys import citation_key, normalise_symbol  # noqa: F401
