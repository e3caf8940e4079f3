"""AKN4UN XML (Akoma Ntoso as the UN's DGACM writes it) in, a ParsedDocument out.

Why this format does not go through the shared structuring step (``pipeline.structure``): that step exists to
*guess* structure from text (which line is the subject, where a paragraph starts, which italic words are a lead,
which digits are a footnote marker).  In AKN the UN has already written that structure down: ``<container>`` is a
preambular paragraph, ``<paragraph><num>`` an operative one, ``<point>`` a sub-paragraph, ``<authorialNote>`` a
footnote at its place, ``<attachment>`` an annex, ``<voting>`` the vote.  Rendering the markup to text and
guessing it back could only lose what the markup states (the AKN-as-text measurement in the README shows it:
0.988 for paragraph counts where the markup gives 1.000 by construction).  So the ParsedDocument is built
directly from the elements, and only the helpers that are about words, not layout, are shared: the citation
finder, the lead vocabulary (where a paragraph has no italic opening), the sponsor splitter and the member-state
table.

Stages, in order (each a function below):
    read_xml (bytes -> element tree, refused when unsafe or malformed)
    -> read_identification (FRBR: language, body, document type)
    -> read_cover_page / read_preface (symbol, dates, session, agenda items, committee, title)
    -> read_workflow (draft symbol, sponsors, additional sponsors, committee report, adoption)
    -> read_preamble / read_main_body (paragraphs, sub-paragraphs, headings, footnotes)
    -> read_attachments (annexes) -> read_conclusions / read_voting (meeting, adoption type, counts, states)
    -> citations

Untrusted input: lxml's parser with entity resolution, DTD loading and network access off and huge_tree off
(libxml2's own limits on text node size and nesting stay on); a document type declaration of any kind is refused
before parsing (AKN never has one, and refusing it closes entity-expansion bombs whatever the parser version
does with internal subsets); size is bounded by ``MAX_AKN_BYTES`` and nesting by ``MAX_DEPTH``.  lxml rather
than defusedxml: lxml is already the project's XML library (HTML, Word, the AKN export), these options are its
documented way to parse untrusted XML, and defusedxml's lxml support is deprecated.
"""
from __future__ import annotations

import re

from .akn_records import read_conclusions, read_cover_page, read_identification, read_preface, read_voting, read_workflow
from .akn_xml import NS, Notes, block_text, inline_text, lead_for, local, looks_like_akn, opening_italic, read_xml, squash
from .citing import document_citations
from .document import Annex, Paragraph, ParsedDocument, ParseError, SubParagraph

__all__ = ["extract_akn", "looks_like_akn"]


# --------------------------------------------------------------------------- the stages

def extract_akn(data: bytes) -> ParsedDocument:
    """Read: AKN4UN XML bytes.  Write: a ParsedDocument with format 'akn' (see the module docstring)."""
    root = read_xml(data)
    document = next((c for c in root if isinstance(c.tag, str)), None)
    if document is None:
        raise ParseError("This Akoma Ntoso file has no document inside its akomaNtoso element.")
    doc = ParsedDocument(format="akn")
    read_identification(document, doc)
    notes = Notes()
    read_cover_page(document.find("a:coverPage", NS), doc)
    read_preface(document.find("a:preface", NS), doc)
    read_workflow(document.find("a:meta/a:workflow", NS), doc)
    # In document order: a resolution that quotes an advisory opinion alternates <preamble> and <mainBody>
    # (A/RES/80/116 has two of each).
    for part in document:
        if local(part) == "preamble":
            read_preamble(part, doc, notes)
        elif local(part) == "mainBody":
            read_main_body(part, doc, notes)
    doc.footnotes = notes.footnotes
    read_attachments(document.find("a:attachments", NS), doc)
    read_conclusions(document.find("a:conclusions", NS), doc)
    read_voting(document.find("a:meta/a:analysis", NS), doc)
    if not doc.paragraphs:
        raise ParseError("This Akoma Ntoso file has no paragraphs in its preamble or main body.")
    doc.citations = document_citations(doc)
    return doc


def read_preamble(preamble, doc: ParsedDocument, notes: Notes) -> None:
    """Read: <preamble>.  Write: preamble_subject (the formula as printed, without its comma) and one preambular
    paragraph per <container> (a <blockList>'s items become its sub-paragraphs)."""
    if preamble is None:
        return
    for child in preamble:
        name = local(child)
        if name == "formula":
            doc.preamble_subject = block_text(child, notes).rstrip(",،，: ").strip() or None
        elif name:
            doc.paragraphs.append(_preambular(child, doc, notes))


def _preambular(el, doc: ParsedDocument, notes: Notes, heading: str | None = None) -> Paragraph:
    refs: list[str] = []
    text = inline_text(el, notes, refs, skip=frozenset({"item"}))
    subparagraphs = []
    for block in el.xpath("./a:blockList", namespaces=NS):
        for item in block.xpath("./a:item", namespaces=NS):
            subparagraphs.append(_sub(item, notes, len(subparagraphs)))
    lead = lead_for(text, opening_italic(el), el.get("name"), doc.body)
    return Paragraph(kind="preambular", text=text, lead=lead, subparagraphs=subparagraphs, footnote_refs=refs,
                     heading=heading)


def _sub(item, notes: Notes, index: int) -> SubParagraph:
    refs: list[str] = []
    num = item.find("a:num", NS)
    label = squash("".join(num.itertext())).strip("().") if num is not None else ""
    text = inline_text(item, notes, refs, skip=frozenset({"num"}))
    return SubParagraph(label=label or _letter(index), text=text, footnote_refs=refs)


def _letter(index: int) -> str:
    return chr(ord("a") + index) if index < 26 else str(index + 1)


def read_main_body(main_body, doc: ParsedDocument, notes: Notes) -> None:
    """Read: <mainBody>.  Write: operative paragraphs (numbered <paragraph>s, and unnumbered ones: a presidential
    statement's paragraphs, a one-paragraph resolution), with <list>/<point> as sub-paragraphs; a <section>'s
    number and subheading as the heading of its first paragraph; a <crossHeading refersTo="#preamble"> as a
    preambular paragraph of its section; a statement's opening <alinea> ('At the 5249th meeting ...') as
    preambular; a statement's <docTitle> as the title."""
    if main_body is None:
        return
    doc.paragraphs.extend(_body_paragraphs(main_body, doc, notes, "operative")[0])


def _body_paragraphs(container, doc: ParsedDocument, notes: Notes,
                     unnumbered_kind: str) -> tuple[list[Paragraph], list[list[str]]]:
    """The paragraphs of a <mainBody> (or of an annex), and for each the headings printed above it, one by one."""
    paragraphs: list[Paragraph] = []
    headings_of: list[list[str]] = []
    heading: list[str] = []

    def take_heading() -> str | None:
        headings_of.append([h for h in heading if h])
        text = squash(" ".join(heading)) or None
        heading.clear()
        return text

    def visit(el):
        name = local(el)
        if name in ("section", "hcontainer", "chapter", "part", "division", "subsection", "tblock"):
            for child in el:
                if local(child) in ("num", "heading", "subheading"):
                    heading.append(block_text(child, notes))
                else:
                    visit(child)
        elif name == "crossHeading" and el.get("refersTo") == "#preamble":
            paragraphs.append(_preambular(el, doc, notes, take_heading()))
        elif name in ("crossHeading",):
            heading.append(block_text(el, notes))
        elif name == "alinea":
            paragraphs.append(_preambular(el, doc, notes, take_heading()))
        elif name == "paragraph":
            content = [c for c in el if local(c) not in ("num", "heading", "subheading")]
            for child in el:
                # A heading's own number ('I.' before 'Global context') belongs to the heading.
                if local(child) in ("heading", "subheading") or (local(child) == "num" and not content):
                    heading.append(block_text(child, notes))
            if content:
                paragraphs.append(_operative(el, doc, notes, take_heading(), unnumbered_kind))
        elif name == "p" and el.find("a:docTitle", NS) is not None and unnumbered_kind == "operative":
            title = block_text(el, notes)
            doc.title = title if not doc.title else f"{doc.title} {title}"
        elif name in ("p", "container", "blockContainer", "table", "blockList", "list"):
            text = block_text(el, notes)
            if text:
                kind = unnumbered_kind if unnumbered_kind == "text" else "operative"
                paragraphs.append(Paragraph(kind=kind, text=text, heading=take_heading()))
        elif name:
            text = block_text(el, notes)
            if text:
                doc.unplaced.append(text)
                doc.warnings.append(f"Text in an unexpected <{name}> element is kept as unplaced text.")

    for child in container:
        visit(child)
    if heading:
        doc.unplaced.append(squash(" ".join(heading)))
    return paragraphs, headings_of


def _operative(el, doc: ParsedDocument, notes: Notes, heading: str | None, unnumbered_kind: str) -> Paragraph:
    refs: list[str] = []
    num = el.find("a:num", NS)
    # '1.' in most languages, '1 -' in Arabic
    number = re.sub(r"\s*[.\-\u2013]$", "", squash("".join(num.itertext()))) if num is not None else None
    # The paragraph's own text (with a list's introduction) first, so footnotes are numbered in reading order.
    text = inline_text(el, notes, refs, skip=frozenset({"num", "point", "item", "heading", "subheading"}))
    subparagraphs: list[SubParagraph] = []
    # A <list>'s points, and the points of its sublists, in reading order: the archive's sub-paragraphs are one
    # level deep, so '(i)' under '(a)' follows '(a)' as the next sub-paragraph, label kept.
    for point in el.xpath(".//a:list//a:point | .//a:list//a:item", namespaces=NS):
        subparagraphs.append(_point(point, notes, len(subparagraphs)))
    printed = re.match(r"(\d{1,3})\s?[.\-\u2013]\s+", text) if number is None else None
    if printed:  # the number typed into the text, not marked up (Arabic S/RES/2643 (2022): '1 - يقرر ...')
        number, text = printed.group(1), text[printed.end():]
    if number is not None and not re.fullmatch(r"\d{1,3}[A-Za-z]?", number):
        text = squash(f"{number} {text}")  # a number the archive does not read as an operative number: keep it
        number = None
    kind = "operative" if number is not None or unnumbered_kind == "operative" else unnumbered_kind
    lead = lead_for(text, opening_italic(el), None, doc.body)
    return Paragraph(kind=kind, text=text, number=number, lead=lead, subparagraphs=subparagraphs,
                     footnote_refs=refs, heading=heading)


def _point(point, notes: Notes, index: int) -> SubParagraph:
    refs: list[str] = []
    num = point.find("a:num", NS)
    label = squash("".join(num.itertext())).strip("().") if num is not None else ""
    text = inline_text(point, notes, refs, skip=frozenset({"num", "point", "item"}))
    if label and not re.fullmatch(r"[^\W_]{1,6}", label):
        text = squash(f"{label} {text}")  # a dash or bullet is an indent, not a label: its text stays
        label = ""
    return SubParagraph(label=label or _letter(index), text=text, footnote_refs=refs)


ANNEX_LABEL = re.compile(r"(?:Annex|Annexe|Anexo|Appendix|Appendice|Apéndice|Enclosure|Приложение|Добавление|"
                         r"المرفق|مرفق|附件|附录|Anlage)\b", re.IGNORECASE)


def read_attachments(attachments, doc: ParsedDocument) -> None:
    """Read: <attachments>.  Write: one Annex per annex: the first heading above an annex's first paragraph is
    its label ('Annex I', 'Annexe'), the next its title, the others stay that paragraph's heading.  An attachment
    that holds several annexes (S/RES/2744 (2024): annexes I to IV in one <attachment>) is split where a heading
    opens with an annex label.  Numbered paragraphs are operative, the others 'text'; footnotes are the annex's."""
    if attachments is None:
        return
    for attachment in attachments.xpath("./a:attachment", namespaces=NS):
        inner = attachment.find("a:doc", NS)
        inner = inner if inner is not None else attachment
        notes = Notes()
        body = inner.find("a:mainBody", NS)
        paragraphs, headings_of = _body_paragraphs(body if body is not None else inner, doc, notes, "text")
        fallback = (inner.get("name") or "annex").capitalize()
        annexes: list[Annex] = []
        for paragraph, parts in zip(paragraphs, headings_of):
            if parts and ANNEX_LABEL.match(parts[0]):
                annexes.append(Annex(label=parts[0], title=parts[1] if len(parts) > 1 else None))
                paragraph.heading = squash(" ".join(parts[2:])) or None
            elif not annexes:
                annexes.append(Annex(label=fallback))
            annexes[-1].paragraphs.append(paragraph)
        if not annexes:
            annexes.append(Annex(label=fallback))
        for annex in annexes:
            wanted = {ref for p in annex.paragraphs for ref in p.footnote_refs + [r for s in p.subparagraphs
                                                                                 for r in s.footnote_refs]}
            annex.footnotes = [f for f in notes.footnotes if f.marker in wanted]
        # A note no paragraph calls (a note on a heading) stays with the attachment's first annex.
        placed = {f.marker for annex in annexes for f in annex.footnotes}
        annexes[0].footnotes.extend(f for f in notes.footnotes if f.marker not in placed)
        doc.annexes.extend(annexes)
