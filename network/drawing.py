"""The neighbourhood drawn as SVG on the server: no script, readable on a phone, the same links listed beside it.

Layered left to right in the direction of citation: the documents citing the citers, those citing the document,
the document, what it cites, what those cite.  Each column is a list of nodes stacked from the top, most cited
first; each edge runs from the citing node's right side to the cited node's left side (a curve, so that edges
between neighbouring columns do not hide behind nodes; an edge within one column bends out to the right).
The template (``network/_panel.html``) writes the SVG elements from these numbers.
"""
from __future__ import annotations

from dataclasses import dataclass

from network.graph import Neighbourhood, Node

COLUMN_ORDER = (("citing", 2), ("citing", 1), ("self", 0), ("cited", 1), ("cited", 2))
COLUMN_TITLES = {("citing", 2): "Cite the citers", ("citing", 1): "Cite this", ("self", 0): "This document",
                 ("cited", 1): "Cited here", ("cited", 2): "Cited by those"}
COLUMN_WIDTH = 150
ROW_HEIGHT = 22
TOP = 58                       # room for the column titles and for edges arching over a column
CHARACTER_WIDTH = 5.2          # of an 11-pixel label, to start an edge where its label ends
LEFT = 8
RADIUS = 5
LABEL_CHARACTERS = 20


@dataclass
class PlacedNode:
    node: Node
    x: float
    y: float
    label: str
    url: str
    centre: bool

    @property
    def label_x(self) -> float:
        return self.x + RADIUS + 3

    @property
    def label_end(self) -> float:
        return self.label_x + len(self.label) * CHARACTER_WIDTH + 3

    @property
    def label_y(self) -> float:
        return self.y + 4


@dataclass
class PlacedEdge:
    path: str                  # the SVG path's d attribute
    towards_centre: bool       # the edge touches the document itself


@dataclass
class Drawing:
    width: int
    height: int
    columns: list[tuple[str, float]]     # (title, x) of each column shown
    nodes: list[PlacedNode]
    edges: list[PlacedEdge]


def draw(neighbourhood: Neighbourhood) -> Drawing:
    shown = [key for key in COLUMN_ORDER if neighbourhood.side(*key)]
    x_of = {key: LEFT + RADIUS + index * COLUMN_WIDTH for index, key in enumerate(shown)}
    tallest = max(len(neighbourhood.side(*key)) for key in shown)
    height = TOP + tallest * ROW_HEIGHT + 8
    placed: dict[int, PlacedNode] = {}
    for key in shown:
        column = neighbourhood.side(*key)
        # Short columns are centred on the tallest, so the document sits in the middle of the drawing.
        offset = (tallest - len(column)) * ROW_HEIGHT / 2
        for row, node in enumerate(column):
            label = node.label if len(node.label) <= LABEL_CHARACTERS else node.label[:LABEL_CHARACTERS - 1] + "…"
            placed[node.document.pk] = PlacedNode(node, x_of[key], TOP + offset + row * ROW_HEIGHT + ROW_HEIGHT / 2,
                                                  label, node.document.get_absolute_url(), key == ("self", 0))
    edges = []
    centre = neighbourhood.centre.document.pk
    for source, target in neighbourhood.edges:
        a, b = placed.get(source), placed.get(target)
        if a is None or b is None:
            continue
        edges.append(PlacedEdge(_curve(a, b), centre in (source, target)))
    width = LEFT + (len(shown) - 1) * COLUMN_WIDTH + COLUMN_WIDTH
    columns = [(COLUMN_TITLES[key], x_of[key]) for key in shown]
    return Drawing(int(width), int(height), columns, list(placed.values()), edges)


def _curve(a: PlacedNode, b: PlacedNode) -> str:
    """From the end of the citing node's label to the cited node (left to right), or back (right to left); an edge
    over more than one column arches above the drawing's rows, so it never runs through the nodes between."""
    if abs(a.x - b.x) < 1:      # same column: bend out to the right of the labels
        bend = a.label_end + 20
        return (f"M{a.label_end:.0f},{a.y:.0f} C{bend:.0f},{a.y:.0f} {bend:.0f},{b.y:.0f} "
                f"{b.label_end:.0f},{b.y:.0f}")
    forward = b.x > a.x
    start = a.label_end if forward else a.x - RADIUS
    end = b.x - RADIUS if forward else b.label_end
    if abs(a.x - b.x) > COLUMN_WIDTH + 1:
        top = TOP - 30
        return f"M{start:.0f},{a.y:.0f} C{start:.0f},{top:.0f} {end:.0f},{top:.0f} {end:.0f},{b.y:.0f}"
    middle = (start + end) / 2
    return f"M{start:.0f},{a.y:.0f} C{middle:.0f},{a.y:.0f} {middle:.0f},{b.y:.0f} {end:.0f},{b.y:.0f}"
