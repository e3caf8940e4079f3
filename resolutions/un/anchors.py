"""The permalink anchor of each paragraph and footnote of a resolution, as its document page names it.

In the resolution's own text:

- ``pp3``: the third preambular paragraph (counted through the whole resolution);
- ``op4``: operative paragraph 4 (by its printed number; an unnumbered one by its position among the operative
  paragraphs);
- ``s2-op1``: operative paragraph 1 of section II of a resolution in sections (the budget resolutions number
  each section's paragraphs from 1; the first section keeps the plain ``op1``);
- ``op4-a``: sub-paragraph (a) of operative paragraph 4 (``pp2-c`` under a preambular one);
- ``fn7``: footnote 7.

In an annex (``annex-1`` is the first), whose numbering is its own:

- ``annex-1-p3``: numbered paragraph 3 (as cited: "annex I, paragraph 3"); a number seen before in the same annex
  is anchored by position instead (``annex-1-t9``);
- ``annex-1-pp2``: the second paragraph of an annexed declaration's preamble;
- ``annex-1-t4``: the fourth paragraph of the annex when it is unnumbered prose;
- ``annex-1-p3-a``: a sub-paragraph; ``annex-1-fn2``: the annex's footnote 2.

The anchor is computed once, when a document is stored, and kept on the paragraph (``Paragraph.anchor``): the
page, search results, exports and every link read it from there.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

OPERATIVE = "operative"
PREAMBULAR = "preambular"


def annex(order: int) -> str:
    """The anchor of the ``order``-th annex (from 1): 'annex-1'."""
    return f"annex-{order}"


def subparagraph(parent_anchor: str, label: str) -> str:
    """'op4', 'a' -> 'op4-a'."""
    return f"{parent_anchor}-{label}"


def footnote(marker: str, annex_order: int | None = None) -> str:
    """'fn7' for the resolution's footnote 7; 'annex-1-fn2' for footnote 2 of the first annex."""
    return f"{annex(annex_order)}-fn{marker}" if annex_order else f"fn{marker}"


class Anchors:
    """Hands out the anchors of one document's top-level paragraphs, each part (the resolution, each annex) read
    in document order."""

    def __init__(self):
        self._preambular = 0
        self._operative = 0
        self._section = 1
        self._started = False
        self._used: set[str] = set()
        self._annex_counts: dict[int, dict[str, int]] = {}

    def paragraph(self, kind: str, number: str | None = None, heading: str | None = None) -> str:
        """The next top-level paragraph of the resolution; a heading above it after the first paragraph opens a
        section."""
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

    def annex_paragraph(self, annex_order: int, kind: str, number: str | None = None) -> str:
        """The next top-level paragraph of the ``annex_order``-th annex."""
        counts = self._annex_counts.setdefault(annex_order, {})
        key = "pp" if kind == PREAMBULAR else "t"
        counts[key] = counts.get(key, 0) + 1
        prefix = annex(annex_order)
        if kind == PREAMBULAR:
            anchor = f"{prefix}-pp{counts[key]}"
        else:
            position = sum(counts.values())
            anchor = f"{prefix}-p{number}" if kind == OPERATIVE and number else f"{prefix}-t{position}"
            if anchor in self._used:
                anchor = f"{prefix}-t{position}"
        self._used.add(anchor)
        return anchor


_PARTS = re.compile(r"(?:annex-(?P<annex>\d+)-)?(?:s(?P<section>\d+)-)?(?P<kind>op|pp|fn|p|t)(?P<number>\w+?)"
                    r"(?:-(?P<label>\w+))?")
_KINDS = {"op": "operative", "pp": "preambular", "fn": "footnote", "p": "paragraph", "t": "paragraph"}


class Parts(NamedTuple):
    """An anchor read back: 'annex-2-p3-a' -> annex 2, kind 'p', number '3', label 'a'."""
    annex: int | None
    section: int | None
    kind: str              # 'op', 'pp', 'fn'; in an annex 'p' (numbered), 'pp' or 't' (by position)
    number: str
    label: str | None


def parse(anchor: str) -> Parts | None:
    """The parts of an anchor this rule made; None for anything else."""
    match = _PARTS.fullmatch(anchor or "")
    if not match:
        return None
    return Parts(int(match["annex"]) if match["annex"] else None, int(match["section"]) if match["section"] else None,
                 match["kind"], match["number"], match["label"])


def describe(anchor: str) -> str:
    """An anchor in words, where a search hit is: 'op4' -> 'operative 4', 'pp3' -> 'preambular 3', 'op4-a' ->
    'operative 4 (a)', 'fn7' -> 'footnote 7', 's2-op1' -> 'section 2, operative 1', 'annex-1-p3' -> 'annex 1,
    paragraph 3'; anything else as it is."""
    parts = parse(anchor)
    if parts is None:
        return anchor
    words = f"{_KINDS[parts.kind]} {parts.number}" + (f" ({parts.label})" if parts.label else "")
    if parts.annex:
        return f"annex {parts.annex}, {words}"
    return f"section {parts.section}, {words}" if parts.section else words


class Row(NamedTuple):
    """What the rule reads of a stored paragraph.  ``parent``: the index of its parent row in the same list, or
    None; ``annex_order``: the order of its annex (from 1), or None in the resolution's own text."""
    parent: int | None
    kind: str
    number: str | None = None
    label: str | None = None
    heading: str | None = None
    annex_order: int | None = None


def anchors_by_id(rows: list[tuple]) -> dict:
    """The anchor of each stored paragraph of one document: ``rows`` are (id, parent id, kind, number, label,
    heading, annex order) in document order, as a query of the paragraph table gives them."""
    position = {row[0]: index for index, row in enumerate(rows)}
    found = paragraph_anchors(Row(position.get(parent) if parent else None, kind, number, label, heading, annex_order)
                              for _, parent, kind, number, label, heading, annex_order in rows)
    return {row[0]: anchor for row, anchor in zip(rows, found)}


def paragraph_anchors(rows: Iterable[Row]) -> list[str]:
    """The anchor of every row of one document, rows in document order (each sub-paragraph after its parent)."""
    anchors: list[str] = []
    document = Anchors()
    for row in rows:
        if row.parent is not None:
            anchors.append(subparagraph(anchors[row.parent], row.label or ""))
        elif row.annex_order is not None:
            anchors.append(document.annex_paragraph(row.annex_order, row.kind, row.number))
        else:
            anchors.append(document.paragraph(row.kind, row.number, row.heading))
    return anchors
