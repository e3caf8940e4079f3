"""The citation network as derived data: one link per pair of documents that cite each other in the archive, and
per document its counts and thematic cluster.

Everything here is rebuilt from ``resolutions.Citation`` (resolved citations) and the paragraphs' LSH bands by
``network.services``: ``network_changed(document)`` after every change to a document (called by
``resolutions.services.documents.document_changed``), ``rebuild_network()`` for the whole archive. A link table of
its own, rather than the citation rows, because a document's earlier targets must be known when its citations are
replaced (their counts change too), and because the graph and the clustering read pairs, not citations.
"""
from django.db import models


class CitationLink(models.Model):
    """``source`` cites ``target`` (resolved citations, a document never linked to itself)."""

    source = models.ForeignKey("resolutions.Document", on_delete=models.CASCADE, related_name="network_links_out")
    target = models.ForeignKey("resolutions.Document", on_delete=models.CASCADE, related_name="network_links_in")
    citations = models.PositiveIntegerField(default=1, help_text="How many of the source's citations name the target.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "target"], name="citation_link_once")]
        indexes = [models.Index(fields=["target", "source"], name="citation_link_by_target")]

    def __str__(self):
        return f"{self.source_id} -> {self.target_id}"


class ThematicCluster(models.Model):
    """Documents grouped by shared citations and shared wording (``network.clusters``)."""

    size = models.PositiveIntegerField()
    label = models.CharField(max_length=300, blank=True, help_text="The words its documents' titles share most.")
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-size", "pk"]

    def __str__(self):
        return self.label or f"Cluster {self.pk}"


class NetworkNode(models.Model):
    """A document's place in the network: how many documents of the archive cite it and it cites, its cluster."""

    document = models.OneToOneField("resolutions.Document", on_delete=models.CASCADE, primary_key=True,
                                    related_name="network")
    cited_by = models.PositiveIntegerField(default=0, db_index=True,
                                           help_text="Documents of the archive that cite this one.")
    cites = models.PositiveIntegerField(default=0, help_text="Documents of the archive this one cites.")
    cluster = models.ForeignKey(ThematicCluster, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="nodes")

    def __str__(self):
        return f"{self.document_id}: cited by {self.cited_by}"
