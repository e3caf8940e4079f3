"""The hand-over between a format's extraction stages and the shared structuring step.

Every format (text, markdown, PDF, Word, HTML) is first turned into an
``Extraction``: the body in the archive's markdown dialect, which is the dialect
of the markdown seeds (``samples/000_*``, ``samples/004_*``):

* blocks separated by blank lines; a block is one paragraph when the source
  knows its paragraphs (PDF, Word, HTML), otherwise hard-wrapped lines;
* ``*italic*`` around italic runs (the leads of paragraphs);
* ``<sup>N</sup>`` for a footnote marker in the text;
* ``#`` headings for header lines where the source marks them;
* ``---`` for a page break; a footnote block below a rule is
  ``<sup>N</sup> footnote text`` lines.

Footnotes that the extractor found outside the body (PDF page foot, the Word
footnotes part) go in ``footnotes`` rather than in the body.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import Footnote


@dataclass
class Extraction:
    format: str                                     # "text" | "markdown" | "pdf" | "docx" | "html"
    markdown: str                                   # the body in the archive's markdown dialect
    footnotes: list[Footnote] = field(default_factory=list)
    paragraphs_known: bool = False                  # True when each block is exactly one source paragraph
    warnings: list[str] = field(default_factory=list)
    hints: dict = field(default_factory=dict)       # facts the source states outside the text (front matter, PDF metadata)
