"""A document's neighbourhood in the citation network, to depth 2 and bounded: what it cites and what cites it,
and the same one step further, at most ``MAX_NODES`` documents.

Read from ``network.CitationLink``.  Each level is read with one bounded query per direction; when a level holds
more documents than the budget left, the most cited of them are kept (then the newest), so the drawing shows the
documents that matter most in the record and says that some were left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F

from network.models import CitationLink, NetworkNode
from resolutions.models import Document

MAX_NODES = 60                    # the document and at most 59 neighbours
FIRST_LEVEL_SHARE = 0.6           # of the budget, kept for the documents one step away


@dataclass
class Node:
    document: Document
    side: str                      # "self" | "cited" | "citing"
    depth: int                     # 0, 1 or 2
    cited_by: int = 0

    @property
    def label(self) -> str:
        return self.document.symbol or self.document.display_title[:40]


@dataclass
class Neighbourhood:
    centre: Node
    nodes: list[Node]                                   # centre first, then by side and depth
    edges: list[tuple[int, int]]                        # (citing document id, cited document id) among the nodes
    truncated: bool = False                             # more documents lie within depth 2 than are shown
    columns: dict[tuple[str, int], list[Node]] = field(default_factory=dict)

    def side(self, side: str, depth: int) -> list[Node]:
        return self.columns.get((side, depth), [])

    @property
    def is_empty(self) -> bool:
        return len(self.nodes) <= 1


def neighbourhood(document: Document, max_nodes: int = MAX_NODES) -> Neighbourhood:
    """The documents ``document`` cites and is cited by, to depth 2, at most ``max_nodes`` in all."""
    seen: dict[int, tuple[str, int]] = {document.pk: ("self", 0)}
    budget = max_nodes - 1
    truncated = False
    first_budget = min(budget, max(2, int(budget * FIRST_LEVEL_SHARE)))
    frontier = {"cited": [document.pk], "citing": [document.pk]}
    for depth, level_budget in ((1, first_budget), (2, None)):
        remaining = max(0, budget - (len(seen) - 1) if level_budget is None else level_budget)
        found = {side: _neighbours(frontier[side], side, set(seen), remaining + 1) for side in ("cited", "citing")}
        # Share the level's budget between the two sides, each side at least half of it if it has that many.
        half = remaining // 2
        take_cited = min(len(found["cited"]), max(half, remaining - len(found["citing"])))
        take_citing = min(len(found["citing"]), remaining - take_cited)
        for side, take in (("cited", take_cited), ("citing", take_citing)):
            kept = found[side][:take]
            truncated = truncated or len(found[side]) > len(kept)
            for pk in kept:
                seen.setdefault(pk, (side, depth))
            frontier[side] = kept
    return _assemble(document, seen, truncated)


def _neighbours(ids: list[int], side: str, exclude: set[int], limit: int) -> list[int]:
    """Documents linked to ``ids`` on ``side`` (what they cite, or what cites them), most cited first, at most
    ``limit``, none of ``exclude``."""
    if not ids or limit <= 0:
        return []
    if side == "cited":
        links = CitationLink.objects.filter(source_id__in=ids).exclude(target_id__in=exclude)
        other = "target"
    else:
        links = CitationLink.objects.filter(target_id__in=ids).exclude(source_id__in=exclude)
        other = "source"
    rows = (links.values(f"{other}_id").annotate(links=Count("id"))
            .order_by(F(f"{other}__network__cited_by").desc(nulls_last=True),
                      F(f"{other}__date").desc(nulls_last=True), f"{other}_id")[:limit])
    return [row[f"{other}_id"] for row in rows]


def _assemble(document: Document, seen: dict[int, tuple[str, int]], truncated: bool) -> Neighbourhood:
    ids = list(seen)
    documents = (Document.objects.defer("search_vector", "text_bands", "unplaced", "parse_warnings")
                 .select_related("network").in_bulk(ids))
    nodes: list[Node] = []
    for pk, (side, depth) in seen.items():
        doc = documents.get(pk)
        if doc is None:
            continue
        try:
            cited_by = doc.network.cited_by
        except NetworkNode.DoesNotExist:
            cited_by = 0
        nodes.append(Node(doc, side, depth, cited_by))
    order = {("citing", 2): 0, ("citing", 1): 1, ("self", 0): 2, ("cited", 1): 3, ("cited", 2): 4}
    nodes.sort(key=lambda n: (order[(n.side, n.depth)], -n.cited_by, n.document.date is None,
                              -(n.document.date.toordinal() if n.document.date else 0), n.label))
    columns: dict[tuple[str, int], list[Node]] = {}
    for node in nodes:
        columns.setdefault((node.side, node.depth), []).append(node)
    edges = list(CitationLink.objects.filter(source_id__in=ids, target_id__in=ids)
                 .order_by("source_id", "target_id").values_list("source_id", "target_id"))
    centre = columns.get(("self", 0), [Node(document, "self", 0)])[0]
    return Neighbourhood(centre, nodes, edges, truncated, columns)
