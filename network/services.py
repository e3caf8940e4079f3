"""Writes of the citation network: links and counts follow the citations, after each change and all at once.

``network_changed(document)`` is called by ``resolutions.services.documents.document_changed`` once the document's
citations, and the citations waiting for it, are resolved: it rebuilds the links from and to the document and
recounts every document whose count those links touch (the document's earlier targets included, read before its
links are replaced).  The work is bounded by the document's own links.  It then asks for the thematic clusters to
be refreshed in the background (``network.tasks``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, F, Q

from network.clusters import Features, cluster
from network.models import CitationLink, NetworkNode, ThematicCluster
from resolutions import page_cache
from resolutions.models import Citation, Document, Paragraph
from resolutions.services.citations import target_keys_for_symbol


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


def network_changed_many(document_ids: Iterable[int]) -> None:
    """``network_changed`` for many documents in a few statements (the bulk load, ``services.deferred``): the links
    from and to any of them again from the resolved citations, and the counts those links change."""
    ids = sorted(set(document_ids))
    if not ids:
        return
    with transaction.atomic():
        touched = set(ids)
        links = CitationLink.objects.filter(Q(source_id__in=ids) | Q(target_id__in=ids))
        for source, target in links.values_list("source_id", "target_id"):
            touched.update((source, target))
        links.delete()
        rows = (Citation.objects.filter(status=Citation.Status.RESOLVED, target_document__isnull=False)
                .filter(Q(document_id__in=ids) | Q(target_document_id__in=ids))
                .exclude(document_id=F("target_document_id"))
                .values("document_id", "target_document_id").annotate(n=Count("id")).order_by())
        made = [CitationLink(source_id=row["document_id"], target_id=row["target_document_id"], citations=row["n"])
                for row in rows]
        CitationLink.objects.bulk_create(made, batch_size=2000)
        for link in made:
            touched.update((link.source_id, link.target_id))
        recount(touched)


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
        page_cache.network_changed()
    return len(links)


# ---------------------------------------------------------------------------
# Thematic clusters (network.clusters), recomputed whole in the background (network.tasks)

BANDS_PER_PARAGRAPH = 2          # of the 21 stored: identical and near-identical paragraphs share them too
TITLE_STOPWORDS = frozenset("the of and in on to for a an its by with from at as or resolution resolutions draft situation "
                            "united nations general assembly security council report secretary-general recalling "
                            "reaffirming having considered noting expressing welcoming taking guided bearing "
                            "emphasizing stressing recognizing determined also further their which this that these "
                            "all relevant previous".split())


def refresh_clusters() -> int:
    """Group every document with its thematic neighbours (shared citations, shared paragraphs) and store the groups;
    returns how many groups there are."""
    documents = _cluster_features()
    groups = cluster(documents)
    members: dict[int, list[int]] = {}
    for pk, group in groups.items():
        members.setdefault(group, []).append(pk)
    titles = {pk: title or subject for pk, title, subject in
              Document.objects.filter(pk__in=list(groups)).values_list("pk", "title", "subject")}
    with transaction.atomic():
        NetworkNode.objects.filter(cluster__isnull=False).update(cluster=None)
        ThematicCluster.objects.all().delete()
        made = ThematicCluster.objects.bulk_create([
            ThematicCluster(size=len(ids), label=_label([titles.get(pk, "") for pk in ids]))
            for ids in members.values()])
        NetworkNode.objects.bulk_create([NetworkNode(document_id=pk) for pk in groups], ignore_conflicts=True)
        # One statement for every node, not one per cluster (tens of thousands of clusters at 100,000 documents).
        documents, clusters = [], []
        for made_cluster, ids in zip(made, members.values()):
            documents += ids
            clusters += [made_cluster.pk] * len(ids)
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {NetworkNode._meta.db_table} AS node SET cluster_id = given.cluster "
                           "FROM unnest(%s::bigint[], %s::bigint[]) AS given(document, cluster) "
                           "WHERE node.document_id = given.document", [documents, clusters])
    page_cache.network_changed()       # every page's panel lists its thematic neighbours
    return len(made)


def _cluster_features() -> dict[int, Features]:
    documents: dict[int, Features] = {pk: Features() for pk in Document.objects.values_list("pk", flat=True)}
    for pk, key in Document.objects.exclude(symbol_key=None).values_list("pk", "symbol_key"):
        documents[pk].cites.update(target_keys_for_symbol(key))     # cited as itself: a link is a shared feature
    for pk, key in (Citation.objects.exclude(kind=Citation.Kind.TREATY)
                    .values_list("document_id", "target_key").iterator(chunk_size=5000)):
        documents[pk].cites.add(key)
    for pk, bands in (Paragraph.objects.filter(annex__isnull=True).values_list("document_id", "lsh_bands")
                      .iterator(chunk_size=5000)):
        documents[pk].bands.update(bands[:BANDS_PER_PARAGRAPH])
    return documents


def _label(titles: list[str]) -> str:
    """The words most of the group's titles share ('Yemen · sanctions'), at most four."""
    counts: dict[str, int] = {}
    for title in titles:
        for word in set(re.findall(r"[A-Za-z][\w'-]{2,}", title)):
            if word.lower() not in TITLE_STOPWORDS:
                counts[word] = counts.get(word, 0) + 1
    best = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:4]
    return " · ".join(word for word, n in best if n > 1)[:300]
