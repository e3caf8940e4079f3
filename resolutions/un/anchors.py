"""The permalink anchor of each paragraph of a resolution, as its document page names it.

- ``pp3``: the third preambular paragraph (counted through the whole resolution);
- ``op4``: operative paragraph 4 (by its printed number; an unnumbered one by its position among the operative
  paragraphs);
- ``s2-op1``: operative paragraph 1 of section II of a resolution in sections (the budget resolutions number
  each section's paragraphs from 1; the first section keeps the plain ``op1``);
- ``op4-a``: sub-paragraph (a) of operative paragraph 4 (``pp2-c`` under a preambular one);
- ``annex-1-p3``: the third paragraph of the first annex.

The anchor is computed once, when a document is stored, and kept on the paragraph: the page, search results,
exports and every link read it from there.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

OPERATIVE = "operative"
PREAMBULAR = "preambular"


class Anchors:
    """Hands out the anchors of one document's top-level paragraphs, read in document order."""

    def __init__(self):
        self._preambular = 0
        self._operative = 0
        self._section = 1
        self._started = False
        self._used: set[str] = set()

    def paragraph(self, kind: str, number: str | None = None, heading: str | None = None) -> str:
        """The next top-level paragraph's anchor; a heading above it after the first paragraph opens a section."""
        if heading and self._started:
            self._section += 1
        self._started = True
        if kind == OPERATIVE:
            self._operative += 1
            anchor = f"op{number or self._operative}"
            if anchor in self._used:   # numbering starts again in each section: 'op1' of section II is 's2-op1'
                anchor = f"s{self._section}-{anchor}"
        else:
            self._preambular += 1
            anchor = f"pp{self._preambular}"
        self._used.add(anchor)
        return anchor


def subparagraph(parent_anchor: str, label: str) -> str:
    """'op4', 'a' -> 'op4-a'."""
    return f"{parent_anchor}-{label}"


def annex_paragraph(annex: int, number: int) -> str:
    """The ``number``-th paragraph (from 1) of the ``annex``-th annex (from 1): 'annex-1-p3'."""
    return f"annex-{annex}-p{number}"


class Row(NamedTuple):
    """What the rule reads of a stored paragraph: ``parent`` is the index of its parent row in the list, or None."""
    parent: int | None
    kind: str
    number: str | None = None
    label: str | None = None
    heading: str | None = None


def paragraph_anchors(rows: Iterable[Row]) -> list[str]:
    """The anchor of every row of one document, rows in document order (each sub-paragraph after its parent)."""
    anchors: list[str] = []
    top_level = Anchors()
    for row in rows:
        if row.parent is not None:
            anchors.append(subparagraph(anchors[row.parent], row.label or ""))
        else:
            anchors.append(top_level.paragraph(row.kind, row.number, row.heading))
    return anchors
