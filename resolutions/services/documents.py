"""Writes to a stored document: the one follow-up every change needs, and staff corrections from the admin.

``document_changed(document)`` is what must happen after anything changes a
document's content, whoever changed it: the ingestion service (a new upload,
a corrected re-upload, ``manage.py reparse``) and every admin page that edits a
document, its paragraphs, footnotes or sponsors.  It brings the derived data
back in line with the rows: the paragraphs' and the whole text's similarity
bands, the paragraphs' anchors, the search index, the series and version links, the citations
that point at the document, the citation network's links and counts, and each operative paragraph's action and
addressees.

The ``save_*`` and ``delete_*`` functions are the admin's writes: they mark
what staff touched as *edited* (a later re-upload keeps staff corrections, see
``services.ingestion.store``) and end with ``document_changed``.
"""
from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from addressees.services import address_paragraphs
from network import services as network
from network.tasks import request_cluster_refresh
from network.models import CitationLink
from resolutions import page_cache
from resolutions.lineage import services as lineage
from resolutions.models import Citation, Document, DocumentLink, Paragraph, Series
from resolutions.services import deferred, indexing
from resolutions.services.citations import resolve_pending_citations, target_keys_for_symbol
from resolutions.un.anchors import anchors_by_id
from resolutions.un.symbols import normalise_symbol


def document_changed(document: Document, *, bands_stored: bool = False, new: bool = False) -> None:
    """Recompute what derives from a document's rows: bands, anchors, search index, lineage links, citations
    to it.

    ``bands_stored``: the caller wrote the paragraphs' and the document's band
    hashes, and the paragraphs' anchors, with the rows (the ingestion service
    does, so that no paragraph row, and its full-text index entries, is written
    twice).  ``new``: the document was inserted in this transaction
    (``lineage.after_ingest``: nothing links to it yet).
    """
    later = deferred.active()       # a bulk load: the steps that read only the final rows run once per group
    shown_before = _pages_showing(document) if later is None else set()   # the flush forgets every page
    if not bands_stored:
        lineage.compute_bands(document)
        _store_anchors(document)
    if later is None:
        indexing.index_document(document)
    # What was stored before this document decides these: they run now, in the order of the changes.
    lineage.after_ingest(document, new=new)
    _unresolve_citations_to_another_symbol(document)
    resolve_pending_citations(document)
    if later is not None:
        later.changed(document.pk)
        return
    network.network_changed(document)
    request_cluster_refresh()        # the thematic clusters, in the background once the change is committed
    address_paragraphs(document)
    # Every page that shows this document, as it was and as it is now, is built again when next read.
    page_cache.pages_changed(shown_before | _pages_showing(document))
    page_cache.network_changed()


def _pages_showing(document: Document) -> set[int]:
    """The documents whose pages show something of this one (resolutions.page_cache): itself; the documents it
    cites (their "Cited by" lists and cited paragraphs quote it) and those citing it (their citations link to it
    by its symbol, or to the UN's copy while unresolved); its version links' other ends and its series (their
    lineage panels name it and count the series).  The citation network panel is cached apart
    (``page_cache.network_changed``)."""
    pk = document.pk
    shown = {pk}
    shown |= set(CitationLink.objects.filter(source_id=pk).values_list("target_id", flat=True))
    shown |= set(Citation.objects.filter(document_id=pk, target_document__isnull=False)
                 .values_list("target_document_id", flat=True))
    shown |= set(Citation.objects.filter(target_document_id=pk).values_list("document_id", flat=True))
    for source, target in DocumentLink.objects.filter(Q(source_id=pk) | Q(target_id=pk)).values_list("source_id",
                                                                                                 "target_id"):
        shown |= {source, target}
    series_id = Document.objects.filter(pk=pk).values_list("series_id", flat=True).first()
    if series_id:
        shown |= set(Document.objects.filter(series_id=series_id).values_list("pk", flat=True))
    return shown


def _store_anchors(document: Document) -> None:
    """The paragraphs' anchors again by the rule (resolutions.un.anchors), for staff may have added, removed or
    renumbered paragraphs; only those that differ are written."""
    rows = list(document.paragraphs.order_by("order").values_list(
        "id", "parent_id", "kind", "number", "label", "heading", "annex__order", "anchor"))
    anchors = anchors_by_id([row[:-1] for row in rows])
    changed = [Paragraph(id=row[0], anchor=anchors[row[0]]) for row in rows if anchors[row[0]] != row[-1]]
    Paragraph.objects.bulk_update(changed, ["anchor"])


def _unresolve_citations_to_another_symbol(document: Document) -> None:
    """Citations resolved to this document under a symbol it no longer has (staff corrected it) wait again."""
    keys = target_keys_for_symbol(document.symbol_key) if document.symbol_key else []
    Citation.objects.filter(target_document=document).exclude(target_key__in=keys).update(
        status=Citation.Status.UNRESOLVED, target_document=None)


# ---------------------------------------------------------------------------
# Staff corrections (the admin)


def save_document_edit(document: Document, *, changed: bool) -> None:
    """Save a document's own fields as corrected by staff (``changed``: the form changed anything)."""
    if changed and document.pk:
        document.edited = True
    document.symbol = (document.symbol or "").strip() or None
    document.symbol_key = normalise_symbol(document.symbol) if document.symbol else None
    if document.pk:
        # What the pages showing it showed is read before the save: document_changed, which follows, sees the
        # corrected row only (a series staff took it out of counts one fewer).
        page_cache.pages_changed(_pages_showing(document))
    document.save()


def save_document_parts(document: Document, saved: list, deleted: list, *, changed: bool = True) -> None:
    """Save the paragraphs, footnotes and sponsors staff added or changed, delete those they removed.

    Each saved part that can say so is marked edited, and so is the document
    when it was stored before (``changed``; not one staff are creating).
    """
    with transaction.atomic():
        for part in saved:
            if hasattr(part, "edited"):
                part.edited = True
            part.save()
        for part in deleted:
            part.delete()
        if changed and (saved or deleted) and not document.edited:
            document.edited = True
            document.save(update_fields=["edited"])


def save_paragraph_edit(paragraph: Paragraph, *, changed: bool) -> None:
    """Save one paragraph corrected by staff (the paragraph's own admin page) and update its document."""
    with transaction.atomic():
        if changed:
            paragraph.edited = True
        paragraph.save()
        document = Document.objects.get(pk=paragraph.document_id)
        if changed and not document.edited:
            document.edited = True
            document.save(update_fields=["edited"])
        document_changed(document)


def delete_paragraphs(paragraphs) -> None:
    """Delete paragraphs staff removed (with their sub-paragraphs); each document touched is marked edited."""
    with transaction.atomic():
        document_ids = sorted({paragraph.document_id for paragraph in paragraphs})
        Paragraph.objects.filter(pk__in=[paragraph.pk for paragraph in paragraphs]).delete()
        for document in Document.objects.filter(pk__in=document_ids):
            if not document.edited:
                document.edited = True
                document.save(update_fields=["edited"])
            document_changed(document)


def save_citation_edit(citation: Citation) -> None:
    """Save a citation corrected by staff: its status follows its target, and its document is relinked
    (a resolution's reference to its draft is how lineage finds the draft it was adopted from)."""
    with transaction.atomic():
        if citation.target_document_id:
            citation.status = Citation.Status.RESOLVED
        elif citation.status == Citation.Status.RESOLVED:
            citation.status = Citation.Status.UNRESOLVED
        citation.save()
        document_changed(Document.objects.get(pk=citation.document_id))


def delete_documents(documents) -> None:
    """Delete documents staff removed: citations that pointed at them wait again for their target, the links
    of their versions and series go with them, and a series left empty is removed."""
    with transaction.atomic():
        ids = [document.pk for document in documents]
        series_ids = {document.series_id for document in documents if document.series_id}
        linked = network.linked_documents(ids)      # their citation counts change
        page_cache.pages_changed(set().union(*(_pages_showing(document) for document in documents)))
        page_cache.network_changed()
        Citation.objects.filter(target_document_id__in=ids).update(status=Citation.Status.UNRESOLVED,
                                                                   target_document=None)
        Document.objects.filter(pk__in=ids).delete()
        Series.objects.filter(pk__in=series_ids, documents__isnull=True).delete()
        network.recount(linked)
