"""Citations read as printed: a paragraph's or footnote's text cut into pieces, each citation the words that print it.

The page makes each citation one link where the text prints it: to the document when the archive holds it, else
to the UN's own copy (``Citation.public_url``, the Official Document System's address of its symbol), else (a
decision, a treaty) plain text. A footnote that reads 'Resolution 55/25, annex I.' shows those words once, the
first two of them a link, never the identifier the archive files it under. A citation whose words cannot be found
in the text (an 'Ibid.' the finder resolved to an earlier note) is listed after the text, once.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class LinkedText:
    pieces: list[tuple[str, object | None]] = field(default_factory=list)   # (text, the citation it prints or None)
    loose: list = field(default_factory=list)                               # citations not found in the text


def linked_text(text: str, citations: list) -> LinkedText:
    """``text`` in pieces, the words of each citation (in their order of appearance) a piece of its own."""
    out = LinkedText()
    position = 0
    for citation in citations:
        start, end = _find(text, citation, position)
        if start < 0:
            out.loose.append(citation)
            continue
        if start > position:
            out.pieces.append((text[position:start], None))
        out.pieces.append((text[start:end], citation))
        position = end
    if position < len(text) or not out.pieces:
        out.pieces.append((text[position:], None))
    return out


def _find(text: str, citation, position: int) -> tuple[int, int]:
    """Where the citation is printed at or after ``position``: its words as written, else its number or symbol."""
    for written in (citation.raw_text, citation.number, citation.symbol):
        written = (written or "").strip()
        if written:
            found = text.find(written, position)
            if found >= 0:
                return found, found + len(written)
    return -1, -1
