"""Reads for the public document page and the home page: a fixed number of queries whatever the document's size."""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from resolutions.models import Citation, Document, Paragraph, SourceFile, Sponsorship


@dataclass
class ParagraphView:
    paragraph: Paragraph
    anchor: str
    citations: list[Citation] = field(default_factory=list)
    subparagraphs: list["ParagraphView"] = field(default_factory=list)

    @property
    def lead_split(self) -> tuple[str, str] | None:
        """(lead, rest of the text) so the lead can be set in italics as the UN prints it."""
        lead, text = self.paragraph.lead, self.paragraph.text
        if lead and text.startswith(lead):
            return lead, text[len(lead):]
        return None


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

    @property
    def has_headings(self) -> bool:
        return any(view.paragraph.heading for view in self.in_order)


def document_page(pk: int) -> DocumentPage:
    """Everything the document page shows, in eight queries."""
    document = Document.objects.get(pk=pk)
    sponsorships = list(document.sponsorships.select_related("state"))
    agenda_items = list(document.agenda_items.order_by("documentagendaitem__order"))
    rows = list(document.paragraphs.order_by("order"))
    citations = list(document.citations.select_related("target_document").order_by("order"))
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
    sections, used = 1, set()
    for row in rows:
        if row.parent_id:
            parent = views.get(row.parent_id)
            if parent is None:
                continue
            view = ParagraphView(row, f"{parent.anchor}-{row.label}", by_paragraph.get(row.pk, []))
            parent.subparagraphs.append(view)
            views[row.pk] = view
            continue
        if row.heading and in_order:
            sections += 1
        if row.kind == Paragraph.Kind.OPERATIVE:
            anchor = f"op{row.number or len(operative) + 1}"
            if anchor in used:   # numbering starts again in each section: 'op1' of section II is 's2-op1'
                anchor = f"s{sections}-{anchor}"
            view = ParagraphView(row, anchor, by_paragraph.get(row.pk, []))
            operative.append(view)
        else:
            view = ParagraphView(row, f"pp{len(preambular) + 1}", by_paragraph.get(row.pk, []))
            preambular.append(view)
        used.add(view.anchor)
        in_order.append(view)
        views[row.pk] = view
    footnotes = list(document.footnotes.order_by("order"))
    cited_by = list(Citation.objects.filter(target_document=document).exclude(document=document)
                    .select_related("document", "paragraph", "footnote").order_by("-document__date", "document_id", "order"))
    source_files = list(SourceFile.objects.filter(document=document).defer("content").order_by("uploaded_at"))
    backlinks: dict[str, str] = {}
    for view in views.values():
        for ref in view.paragraph.footnote_refs:
            backlinks.setdefault(ref, view.anchor)
    for footnote in footnotes:
        footnote.backlink = backlinks.get(footnote.marker)
        footnote.citation_list = by_footnote.get(footnote.pk, [])
    return DocumentPage(document, sponsorships, agenda_items, preambular, operative, footnotes, by_footnote,
                        cited_by, source_files, backlinks, in_order)


def latest_documents(limit: int = 10):
    return Document.objects.order_by("-created_at")[:limit]


def archive_counts() -> dict:
    from resolutions.models import Footnote, MemberState

    return {
        "documents": Document.objects.count(),
        "paragraphs": Paragraph.objects.filter(parent__isnull=True).count(),
        "footnotes": Footnote.objects.count(),
        "sponsoring_states": MemberState.objects.filter(sponsorships__isnull=False).distinct().count(),
    }
