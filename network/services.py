"""Writes of the citation network: links and counts follow the citations, after each change and all at once.

``network_changed(document)`` is called by ``resolutions.services.documents.document_changed`` once the document's
citations, and the citations waiting for it, are resolved: it rebuilds the links from and to the document and
recounts every document whose count those links touch (the document's earlier targets included, read before its
links are replaced).  The work is bounded by the document's own links.  It then asks for the thematic clusters to
be refreshed in the background (``network.tasks``).
"""
from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count

from network.models import CitationLink, NetworkNode
from resolutions.models import Citation, Document


def network_changed(document: Document) -> None:
    """The links from and to ``document`` again from its resolved citations, and the counts they change."""
    with transaction.atomic():
        touched = {document.pk}
        touched |= _relink(document, outgoing=True)
        touched |= _relink(document, outgoing=False)
        recount(touched)


def _relink(document: Document, *, outgoing: bool) -> set[int]:
    """Replace the links whose source (``outgoing``) or target is ``document``; the documents at their other end,
    before and after."""
    mine, other = ("source", "target") if outgoing else ("target", "source")
    before = set(CitationLink.objects.filter(**{mine: document}).values_list(f"{other}_id", flat=True))
    CitationLink.objects.filter(**{mine: document}).delete()
    cited = Citation.objects.filter(status=Citation.Status.RESOLVED, target_document__isnull=False)
    cited = cited.filter(document=document) if outgoing else cited.filter(target_document=document)
    pairs = (cited.exclude(document_id=document.pk) if not outgoing else cited.exclude(target_document_id=document.pk))
    rows = pairs.values("document_id", "target_document_id").annotate(n=Count("id")).order_by()
    links = [CitationLink(source_id=row["document_id"], target_id=row["target_document_id"], citations=row["n"])
             for row in rows]
    CitationLink.objects.bulk_create(links)
    return before | {getattr(link, f"{other}_id") for link in links}


def recount(document_ids: Iterable[int]) -> None:
    """Each document's counts from the links (a count that fell to zero is written too).

    Two ingestions citing the same document at once would each count without the other's uncommitted link; so
    the nodes are created and locked first, in one order (no deadlock between two ingestions), and counted after:
    the second waits for the first to commit and then sees its link.
    """
    ids = sorted(set(Document.objects.filter(pk__in=set(document_ids)).values_list("pk", flat=True)))
    if not ids:
        return
    NetworkNode.objects.bulk_create([NetworkNode(document_id=pk) for pk in ids], ignore_conflicts=True)
    nodes = list(NetworkNode.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    cited_by = dict(CitationLink.objects.filter(target_id__in=ids).values("target_id")
                    .annotate(n=Count("source_id")).values_list("target_id", "n").order_by())
    cites = dict(CitationLink.objects.filter(source_id__in=ids).values("source_id")
                 .annotate(n=Count("target_id")).values_list("source_id", "n").order_by())
    changed = []
    for node in nodes:
        counts = (cited_by.get(node.pk, 0), cites.get(node.pk, 0))
        if (node.cited_by, node.cites) != counts:
            node.cited_by, node.cites = counts
            changed.append(node)
    NetworkNode.objects.bulk_update(changed, ["cited_by", "cites"])


def linked_documents(document_ids: Iterable[int]) -> set[int]:
    """The documents linked to these (either way): their counts change when these are deleted."""
    ids = list(document_ids)
    return (set(CitationLink.objects.filter(source_id__in=ids).values_list("target_id", flat=True))
            | set(CitationLink.objects.filter(target_id__in=ids).values_list("source_id", flat=True))) - set(ids)


def rebuild_network(*, batch: int = 2000) -> int:
    """Every link and count again from the citations (after a bulk load, or to check the incremental upkeep);
    returns the number of links."""
    with transaction.atomic():
        CitationLink.objects.all().delete()
        rows = (Citation.objects.filter(status=Citation.Status.RESOLVED, target_document__isnull=False)
                .values("document_id", "target_document_id").annotate(n=Count("id")).order_by())
        links = [CitationLink(source_id=r["document_id"], target_id=r["target_document_id"], citations=r["n"])
                 for r in rows.iterator() if r["document_id"] != r["target_document_id"]]
        CitationLink.objects.bulk_create(links, batch_size=batch)
        NetworkNode.objects.update(cited_by=0, cites=0)
        ids = {link.source_id for link in links} | {link.target_id for link in links}
        for start in range(0, len(ids), batch):
            recount(sorted(ids)[start:start + batch])
    return len(links)
