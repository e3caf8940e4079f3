"""Reads for the public document page and the home page: a fixed number of queries whatever the document's size."""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch

from addressees.selectors import addressing_by_paragraph
from network.selectors import citing_paragraphs, pinpoint_anchors
from resolutions.lineage.sponsors import DraftSponsors, draft_sponsors
from resolutions.models import Citation, Document, Paragraph, SourceFile, Sponsorship
from resolutions.selectors.citation_links import LinkedText, linked_text
from resolutions.un import anchors


@dataclass
class ParagraphView:
    paragraph: Paragraph
    anchor: str
    citations: list[Citation] = field(default_factory=list)
    subparagraphs: list["ParagraphView"] = field(default_factory=list)
    annex_order: int | None = None   # set in an annex, whose notes are numbered apart
    cited_here: list[Citation] = field(default_factory=list)   # citations of other documents naming this paragraph
    addressing: object = None        # addressees.selectors.ShownAddressing of an operative paragraph
    addressing_own: object = None    # a sub-paragraph's, shown on the page only where it is not its parent's

    @property
    def lead_split(self) -> tuple[str, str] | None:
        """(lead, rest of the text) so the lead can be set in italics as the UN prints it."""
        lead, text = self.paragraph.lead, self.paragraph.text
        if lead and text.startswith(lead):
            return lead, text[len(lead):]
        return None

    @property
    def linked(self) -> LinkedText:
        """The text after the lead (or all of it) in pieces, each citation where it is printed."""
        split = self.lead_split
        return linked_text(split[1] if split else self.paragraph.text, self.citations)

    @property
    def footnote_links(self) -> list[tuple[str, str]]:
        """(marker, anchor of the footnote) for each footnote the paragraph calls."""
        return [(ref, anchors.footnote(ref, self.annex_order)) for ref in self.paragraph.footnote_refs]


@dataclass
class AnnexView:
    annex: object                 # resolutions.models.Annex
    anchor: str                   # "annex-1"
    paragraphs: list[ParagraphView] = field(default_factory=list)
    footnotes: list = field(default_factory=list)


@dataclass
class DocumentPage:
    document: Document
    sponsorships: list[Sponsorship]
    agenda_items: list
    preambular: list[ParagraphView]
    operative: list[ParagraphView]
    footnotes: list
    footnote_citations: dict[int, list[Citation]]
    cited_by: list[Citation]
    source_files: list[SourceFile]
    footnote_backlinks: dict[str, str] = field(default_factory=dict)   # marker -> anchor of its first reference
    # Every top-level paragraph in document order, for a resolution printed with headings (in sections, each with
    # its own preamble and numbering): the page shows it as printed rather than preamble first.
    in_order: list[ParagraphView] = field(default_factory=list)
    annexes: list[AnnexView] = field(default_factory=list)
    # A resolution that names no sponsors: those of the draft it was adopted from (resolutions.lineage.sponsors).
    draft_sponsors: DraftSponsors | None = None
    cited_by_total: int = 0   # every citation of it by another document; ``cited_by`` holds the newest of them

    @property
    def has_headings(self) -> bool:
        return any(view.paragraph.heading for view in self.in_order)


def page_document(**lookup) -> Document | None:
    """The document a page shows, with the count of its annexes and vote records (so a page without them asks
    no more: the annexes and the votes panel are read only when there is something to read)."""
    return (Document.objects.annotate(annex_total=Count("annexes", distinct=True),
                                      vote_total=Count("vote_records", distinct=True))
            # the network's counts and cluster, and the series the lineage panel names: read with the document
            .select_related("network__cluster", "series")
            .filter(**lookup).first())


def page_address(**lookup) -> Document | None:
    """The few columns that say where a document's page is (Document.get_absolute_url), read before the page cache's
    stamps: a page served from the cache reads nothing else of the document."""
    return Document.objects.only("pk", "symbol", "symbol_key", "slug").filter(**lookup).first()


CITED_BY_SHOWN = 100        # citations by other documents listed on the page and in the API's record, newest first
PINPOINTED_LIMIT = 1000     # citations naming one of its paragraphs, linked from that paragraph


def document_page(pk: int | None = None, document: Document | None = None,
                  cited_by_limit: int = CITED_BY_SHOWN) -> DocumentPage:
    """Everything the document page shows, in a fixed number of queries whatever its size.

    ``document`` may be given already read by ``page_document`` (the views look it up by its address);
    ``cited_by_limit``: how many of the citations by other documents are listed (``cited_by_total`` counts all)."""
    if document is None:
        document = page_document(pk=pk)
        if document is None:
            raise Document.DoesNotExist(f"No document {pk}.")
    sponsorships = list(document.sponsorships.select_related("state"))
    from_draft = None if sponsorships else draft_sponsors(document)
    agenda_items = list(document.agenda_items.order_by("documentagendaitem__order"))
    all_rows = list(document.paragraphs.order_by("order"))
    rows = [row for row in all_rows if row.annex_id is None]
    citations = list(document.citations.select_related("target_document").order_by("order"))
    pinpoint_anchors(citations)
    by_paragraph: dict[int, list[Citation]] = {}
    by_footnote: dict[int, list[Citation]] = {}
    for citation in citations:
        if citation.paragraph_id:
            by_paragraph.setdefault(citation.paragraph_id, []).append(citation)
        elif citation.footnote_id:
            by_footnote.setdefault(citation.footnote_id, []).append(citation)
    views: dict[int, ParagraphView] = {}
    preambular: list[ParagraphView] = []
    operative: list[ParagraphView] = []
    in_order: list[ParagraphView] = []
    for row in rows:
        view = ParagraphView(row, row.anchor, by_paragraph.get(row.pk, []))
        if row.parent_id:
            parent = views.get(row.parent_id)
            if parent is None:
                continue
            parent.subparagraphs.append(view)
        else:
            (operative if row.kind == Paragraph.Kind.OPERATIVE else preambular).append(view)
            in_order.append(view)
        views[row.pk] = view
    annexes = _annex_views(document, [row for row in all_rows if row.annex_id is not None], by_paragraph, views)
    all_footnotes = list(document.footnotes.order_by("order"))
    footnotes = [note for note in all_footnotes if note.annex_id is None]
    citing = (Citation.objects.filter(target_document=document).exclude(document=document)
              .select_related("document", "paragraph", "footnote").order_by("-document__date", "document_id", "order"))
    # Bounded: a resolution such as A/RES/70/1 is cited by thousands of documents, and the page (and the API's
    # record) would list them all. The newest are listed with the total; the search lists every one, paginated.
    cited_by = list(citing[:cited_by_limit])
    cited_by_total = len(cited_by) if len(cited_by) < cited_by_limit else citing.count()
    # The citations naming one of its paragraphs ('paragraph 12 of resolution 61/180') are far fewer, and each
    # links from its paragraph, so they are read apart from the list shown (under a bound of their own).
    pinpointed = cited_by if cited_by_total == len(cited_by) else list(
        citing.exclude(pinpoint="")[:PINPOINTED_LIMIT])
    by_number = citing_paragraphs(pinpointed)
    addressing = addressing_by_paragraph(document)
    for view in operative:      # the first paragraph of a number, as the citation's link (network.selectors)
        view.cited_here = by_number.pop(view.paragraph.number, [])
        view.addressing = addressing.get(view.paragraph.pk)
        for sub in view.subparagraphs:
            sub.addressing = addressing.get(sub.paragraph.pk)
            sub.addressing_own = sub.addressing if sub.addressing != view.addressing else None
    source_files = list(SourceFile.objects.filter(document=document).defer("content").order_by("uploaded_at"))
    backlinks: dict[str, str] = {}
    for view in views.values():
        if view.paragraph.annex_id is None:
            for ref in view.paragraph.footnote_refs:
                backlinks.setdefault(ref, view.anchor)
    for footnote in footnotes:
        footnote.backlink = backlinks.get(footnote.marker)
        footnote.citation_list = by_footnote.get(footnote.pk, [])
        footnote.linked = linked_text(footnote.text, footnote.citation_list)
        footnote.anchor = anchors.footnote(footnote.marker)
    _annex_footnotes(annexes, all_footnotes, by_footnote)
    return DocumentPage(document, sponsorships, agenda_items, preambular, operative, footnotes, by_footnote,
                        cited_by, source_files, backlinks, in_order, annexes, from_draft, cited_by_total)


def _annex_views(document: Document, rows: list[Paragraph], by_paragraph: dict, views: dict) -> list[AnnexView]:
    """The annexes in order, each with its paragraphs (and their sub-paragraphs) and anchors of its own."""
    if getattr(document, "annex_total", None) == 0:
        return []
    annexes = [AnnexView(annex, annex.anchor) for annex in document.annexes.order_by("order")]
    by_id = {view.annex.pk: view for view in annexes}
    for row in rows:
        annex_view = by_id.get(row.annex_id)
        if annex_view is None:
            continue
        if row.parent_id:
            parent = views.get(row.parent_id)
            if parent is not None:
                view = ParagraphView(row, row.anchor, by_paragraph.get(row.pk, []),
                                     annex_order=annex_view.annex.order)
                parent.subparagraphs.append(view)
                views[row.pk] = view
            continue
        view = ParagraphView(row, row.anchor, by_paragraph.get(row.pk, []), annex_order=annex_view.annex.order)
        annex_view.paragraphs.append(view)
        views[row.pk] = view
    return annexes


def _annex_footnotes(annexes: list[AnnexView], footnotes: list, by_footnote: dict) -> None:
    """Annex notes are numbered apart from the resolution's: anchored per annex (``annex-1-fn3``)."""
    by_id = {view.annex.pk: view for view in annexes}
    for note in footnotes:
        annex_view = by_id.get(note.annex_id) if note.annex_id else None
        if annex_view is None:
            continue
        note.anchor = anchors.footnote(note.marker, annex_view.annex.order)
        note.citation_list = by_footnote.get(note.pk, [])
        note.linked = linked_text(note.text, note.citation_list)
        note.backlink = next((view.anchor for view in _walk(annex_view.paragraphs)
                              if note.marker in view.paragraph.footnote_refs), None)
        annex_view.footnotes.append(note)


def _walk(views: list[ParagraphView]):
    for view in views:
        yield view
        yield from _walk(view.subparagraphs)


def latest_documents(limit: int = 10):
    """The newest documents by their own date (an old text uploaded today is not 'latest'); undated ones last."""
    return Document.objects.order_by(F("date").desc(nulls_last=True), "-created_at")[:limit]


def recently_added(limit: int = 10):
    """The documents most recently added to the archive, whatever their date."""
    return Document.objects.order_by("-created_at")[:limit]


def archive_counts() -> dict:
    from resolutions.models import Footnote, MemberState

    return {
        "documents": Document.objects.count(),
        "paragraphs": Paragraph.objects.filter(parent__isnull=True).count(),
        "footnotes": Footnote.objects.count(),
        "sponsoring_states": MemberState.objects.filter(sponsorships__isnull=False).distinct().count(),
    }
