"""The citation finder's own types: what it returns, and what it reads of a footnote."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .keys import citation_key


@dataclass
class Citation:
    kind: str                          # "resolution" | "decision" | "document" | "treaty"
    text: str                          # as written
    body: str | None = None            # "General Assembly", "Economic and Social Council", "Security Council"...
    number: str | None = None          # "2008/33", "61/180", "2720 (2023)"
    symbol: str | None = None          # "E/CN.4/2006/62", "A/RES/61/180"
    volume: str | None = None          # treaty series volume
    treaty_number: str | None = None   # treaty series number
    paragraph: int | None = None       # index into ParsedDocument.paragraphs
    footnote: str | None = None        # footnote marker
    pinpoint: tuple[str, ...] = ()     # the cited resolution's paragraphs it names: ('12',), ('3', '6'), ('12(g)',)

    @property
    def target_key(self) -> str:
        """A normalised identifier for the cited thing, used to resolve it later."""
        return citation_key(self)


class FootnoteText(Protocol):
    """A footnote as the finder reads it (the parser's Footnote is one)."""
    marker: str
    text: str
