"""Parse UN resolutions and draft resolutions: bytes and a file name in, a ParsedDocument out.

Pure Python, no Django.  One extraction per format turns the bytes into an
``Extraction`` (blocks of text with a small inline markup); one shared
structuring step turns any ``Extraction`` into a ``ParsedDocument``.
"""
from .document import (  # noqa: F401
    AgendaItemRef,
    Citation,
    Footnote,
    Paragraph,
    ParsedDocument,
    ParseError,
    SponsorRef,
    SubParagraph,
)
from .pipeline import detect_format, parse  # noqa: F401
