"""Reads of language versions: which languages a document is in, one version as the document page shows it, and
two languages side by side aligned by paragraph.  A fixed number of queries whatever the document's size."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import SimpleNamespace

from resolutions.languages.models import LanguageVersion, VersionFootnote, VersionParagraph
from resolutions.selectors.documents import AnnexView, DocumentPage, ParagraphView
from resolutions.un import anchors
from resolutions.un import languages as un_languages


def available_languages(document) -> list[un_languages.Language]:
    """The languages the archive has the document in, in the UN's order: its main text's and its versions'."""
    # .order_by(): the model's ordering joins the document for nothing (a set is made of the codes).
    codes = set(LanguageVersion.objects.filter(document=document).order_by().values_list("language", flat=True))
    if document.language:
        codes.add(document.language)
    return un_languages.ordered(codes)


def version_of(document, language: str | None) -> LanguageVersion | None:
    """The document's version in ``language``, unless that is its main text's language (the page shows the main
    text then: the one staff correct and citations point into)."""
    if not language or language == document.language:
        return None
    return LanguageVersion.objects.filter(document=document, language=language).first()


def version_page(page: DocumentPage, version: LanguageVersion) -> DocumentPage:
    """The document page's data with the version's text instead of the main text's: paragraphs, sub-paragraphs,
    footnotes and annexes under the same anchors; the document's own facts (sponsors, agenda, votes, sources,
    cited by) stay."""
    rows = list(version.paragraphs.order_by("order"))
    notes = list(VersionFootnote.objects.filter(version=version).order_by("order"))
    views: dict[int, ParagraphView] = {}
    preambular, operative, in_order = [], [], []
    annexes = [AnnexView(SimpleNamespace(order=n, label=a.get("label") or "", title=a.get("title") or ""),
                         anchors.annex(n)) for n, a in enumerate(version.annexes, start=1)]
    for row in rows:
        view = ParagraphView(row, row.anchor, annex_order=row.annex_order)
        views[row.pk] = view
        if row.parent_id:
            parent = views.get(row.parent_id)
            if parent is not None:
                parent.subparagraphs.append(view)
        elif row.annex_order:
            if row.annex_order <= len(annexes):
                annexes[row.annex_order - 1].paragraphs.append(view)
        else:
            (operative if row.kind == "operative" else preambular).append(view)
            in_order.append(view)
    # What a paragraph does and whom it addresses is read from the main text: the version's paragraph at the same
    # anchor shows the main text's (as the search's filters and facets count it).
    main = {view.anchor: view for top in page.operative for view in (top, *top.subparagraphs)}
    for view in views.values():
        if view.anchor in main and not view.annex_order:
            view.addressing, view.addressing_own = main[view.anchor].addressing, main[view.anchor].addressing_own
    backlinks: dict[tuple, str] = {}
    for view in views.values():
        for ref in view.paragraph.footnote_refs:
            backlinks.setdefault((view.annex_order, ref), view.anchor)
    footnotes = []
    for note in notes:
        note.anchor = anchors.footnote(note.marker, note.annex_order)
        note.backlink = backlinks.get((note.annex_order, note.marker))
        note.citation_list = []
        if note.annex_order and note.annex_order <= len(annexes):
            annexes[note.annex_order - 1].footnotes.append(note)
        elif not note.annex_order:
            footnotes.append(note)
    return replace(page, preambular=preambular, operative=operative, footnotes=footnotes, footnote_citations={},
                   footnote_backlinks={}, in_order=in_order, annexes=annexes)


@dataclass
class AlignedCell:
    row: object | None             # the paragraph (Paragraph or VersionParagraph) in this language; None: missing
    language: str

    @property
    def lead_split(self) -> tuple[str, str] | None:
        """(lead, rest of the text), to set the lead in italics as the UN prints it."""
        if self.row is None or not self.row.lead or not self.row.text.startswith(self.row.lead):
            return None
        return self.row.lead, self.row.text[len(self.row.lead):]


@dataclass
class AlignedRow:
    anchor: str
    label: str                     # 'operative 3', 'preambular 2', 'operative 1 (a)'
    cells: list[AlignedCell]       # the left language's, then the right's


@dataclass
class SideBySide:
    left: un_languages.Language
    right: un_languages.Language
    left_title: str
    right_title: str
    rows: list[AlignedRow] = field(default_factory=list)


def _text(document, language: str) -> tuple[str, list]:
    """The title and the rows (paragraphs and sub-paragraphs, in order) of the document's text in ``language``."""
    version = version_of(document, language)
    if version is None:
        return document.display_title, list(document.paragraphs.order_by("order"))
    return version.title or document.display_title, list(VersionParagraph.objects.filter(version=version)
                                                          .order_by("order"))


def side_by_side(document, left: str, right: str) -> SideBySide | None:
    """Two languages of the document aligned by paragraph anchor (``op3`` beside ``op3``): the left text's order,
    with a paragraph only the right has placed after the one before it.  None when either is not in the archive."""
    codes = {language.code for language in available_languages(document)}
    if left not in codes or right not in codes or left == right:
        return None
    left_title, left_rows = _text(document, left)
    right_title, right_rows = _text(document, right)
    by_anchor = {row.anchor: row for row in right_rows}
    order = [row.anchor for row in left_rows]
    placed = set(order)
    for previous, row in zip([None] + right_rows, right_rows):
        if row.anchor not in placed:
            at = order.index(previous.anchor) + 1 if previous is not None and previous.anchor in order else len(order)
            order.insert(at, row.anchor)
            placed.add(row.anchor)
    left_by_anchor = {row.anchor: row for row in left_rows}
    rows = [AlignedRow(anchor, anchors.describe(anchor), [AlignedCell(left_by_anchor.get(anchor), left),
                                                          AlignedCell(by_anchor.get(anchor), right)])
            for anchor in order]
    return SideBySide(un_languages.language(left), un_languages.language(right), left_title, right_title, rows)
