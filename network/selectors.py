"""Reads of the citation network: a document's neighbourhood drawn, the most cited documents per body and period,
the paragraphs a citation names (its anchor on the cited page) and the documents citing each paragraph."""
from __future__ import annotations

from dataclasses import dataclass

from network.drawing import COLUMN_ORDER, Drawing, draw
from network.graph import MAX_NODES, Neighbourhood, Node, neighbourhood
from network.models import NetworkNode
from resolutions.citations.pinpoint import split_pinpoint
from resolutions.models import Citation, Document, Paragraph

MOST_CITED_LIMIT = 25             # documents listed per body on the most-cited page
PERIOD_YEARS = 10                 # a period is a decade: '2000' means 2000-2009


LIST_TITLES = {("cited", 1): "Cites", ("cited", 2): "Two steps out: what those cite",
               ("citing", 1): "Cited by", ("citing", 2): "Two steps in: documents citing those"}


NEIGHBOURS_SHOWN = 12            # thematic neighbours listed on a page


@dataclass
class NetworkPanel:
    neighbourhood: Neighbourhood
    drawing: Drawing | None
    cluster: object = None                      # network.ThematicCluster of the document, if it is in one
    neighbours: list = None                     # other documents of its cluster, most cited first

    @property
    def lists(self) -> list[tuple[str, list]]:
        """The drawing's links as lists (what the document cites, then what cites it; one step, then two), for
        screen readers and narrow screens."""
        order = sorted((key for key in COLUMN_ORDER if key[0] != "self"), key=lambda key: (key[0] != "cited", key[1]))
        return [(LIST_TITLES[key], self.neighbourhood.side(*key)) for key in order if self.neighbourhood.side(*key)]


def document_network(document: Document, max_nodes: int = MAX_NODES) -> NetworkPanel:
    """The document's citation neighbourhood to depth 2 (at most ``max_nodes`` documents), drawn."""
    try:
        node = document.network          # read with the document by the page's query (select_related)
    except NetworkNode.DoesNotExist:
        node = None
    cluster, neighbours = None, []
    if node is not None and node.cluster_id:
        cluster = node.cluster
        neighbours = [other.document for other in NetworkNode.objects.filter(cluster_id=node.cluster_id)
                      .exclude(pk=document.pk).select_related("document")
                      .order_by("-cited_by", "-document__date", "document_id")[:NEIGHBOURS_SHOWN]]
    if node is None or not (node.cites or node.cited_by):   # nothing to draw: no further query
        return NetworkPanel(Neighbourhood(Node(document, "self", 0), [Node(document, "self", 0)], []), None,
                            cluster, neighbours)
    found = neighbourhood(document, max_nodes)
    return NetworkPanel(found, None if found.is_empty else draw(found), cluster, neighbours)


@dataclass
class MostCited:
    body: str
    nodes: list[NetworkNode]          # each with its document


def most_cited(body: str | None = None, period: int | None = None,
               limit: int = MOST_CITED_LIMIT) -> list[MostCited]:
    """The most cited documents of each body (or of ``body``), adopted in the decade from ``period`` if given;
    one bounded query per body."""
    nodes = NetworkNode.objects.filter(cited_by__gt=0)
    if period is not None:
        nodes = nodes.filter(document__date__year__gte=period, document__date__year__lt=period + PERIOD_YEARS)
    bodies = [body] if body else list(
        nodes.exclude(document__body="").values_list("document__body", flat=True).order_by("document__body")
        .distinct())
    lists = []
    for name in bodies:
        rows = list(nodes.filter(document__body=name).select_related("document")
                    .order_by("-cited_by", "-document__date", "document_id")[:limit])
        if rows:
            lists.append(MostCited(name, rows))
    return lists


def periods() -> list[int]:
    """The decades in which some cited document was adopted, newest first."""
    years = (NetworkNode.objects.filter(cited_by__gt=0, document__date__isnull=False)
             .values_list("document__date__year", flat=True).distinct())
    return sorted({year - year % PERIOD_YEARS for year in years}, reverse=True)


def bodies() -> list[str]:
    return list(NetworkNode.objects.filter(cited_by__gt=0).exclude(document__body="")
                .values_list("document__body", flat=True).order_by("document__body").distinct())


def pinpoint_anchors(citations: list[Citation]) -> None:
    """Set ``target_anchor`` on each citation that names a paragraph of a resolution in the archive: the anchor
    of that paragraph on the cited page ('op12', 'op12-g'; the first of several named), '' when the cited
    document has no such paragraph.  Two queries for the lot."""
    wanted = {}
    for citation in citations:
        citation.target_anchor = ""
        if citation.pinpoint and citation.target_document_id:
            number, label = split_pinpoint(citation.pinpoint.split(",")[0])
            wanted[citation.pk] = (citation.target_document_id, number, label)
    if not wanted:
        return
    documents = {d for d, _, _ in wanted.values()}
    numbers = {n for _, n, _ in wanted.values()}
    top = {}
    for pk, document_id, number, anchor in (Paragraph.objects.filter(
            document_id__in=documents, number__in=numbers, parent__isnull=True, annex__isnull=True,
            kind=Paragraph.Kind.OPERATIVE).order_by("-order").values_list("pk", "document_id", "number", "anchor")):
        top[(document_id, number)] = (pk, anchor)      # read last to first, so the first printed wins
    labels = {label for _, _, label in wanted.values() if label}
    children = {}
    if labels:
        parents = [pk for pk, _ in top.values()]
        for parent_id, label, anchor in Paragraph.objects.filter(parent_id__in=parents, label__in=labels) \
                .values_list("parent_id", "label", "anchor"):
            children[(parent_id, label)] = anchor
    for citation in citations:
        if citation.pk not in wanted:
            continue
        document_id, number, label = wanted[citation.pk]
        parent = top.get((document_id, number))
        if parent is None:
            continue
        citation.target_anchor = children.get((parent[0], label), parent[1]) if label else parent[1]


def citing_paragraphs(cited_by: list[Citation]) -> dict[str, list[Citation]]:
    """The citations of this document that name one of its paragraphs, by the paragraph's number ('12', '12(g)'
    under '12' too): the documents citing a given paragraph, from the page's own cited-by list (no query)."""
    by_number: dict[str, list[Citation]] = {}
    for citation in cited_by:
        for pinpoint in filter(None, citation.pinpoint.split(",")):
            number, _ = split_pinpoint(pinpoint)
            listed = by_number.setdefault(number, [])
            if all(c.document_id != citation.document_id for c in listed):
                listed.append(citation)
    return by_number
