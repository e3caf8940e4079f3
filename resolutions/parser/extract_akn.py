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

from lxml import etree

from resolutions.un.adoption import adoption_type_of
from resolutions.un.bodies import MAIN_COMMITTEE_NAMES, organ_of_akn_name
from resolutions.un.member_states import lookup_state

from .citing import document_citations
from .document import Annex, Footnote, Paragraph, ParsedDocument, ParseError, SubParagraph, Vote, Votes
from .sponsors import split_sponsors

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}
MAX_AKN_BYTES = 16 * 1024 * 1024   # the UN's largest AKN files (budget resolutions with votes) are under 1 MB
MAX_DEPTH = 64                     # the UN's markup nests at most about 20 deep (a point in a sublist in an annex)
FORBIDDEN_DECLARATIONS = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)

# FRBRlanguage (ISO 639-2/B or /T) -> ISO 639-1.
LANGUAGES = {"eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh", "chi": "zh",
             "deu": "de", "ger": "de"}
DOCUMENT_TYPES = {"resolution": "resolution", "draftResolution": "draft resolution",
                  "presidentialStatement": "presidential statement", "decision": "decision"}
# The Main Committees by the eIds AKN4UN gives them: 'thirdCommittee' -> 'Third Committee'.
COMMITTEES = {name.title().replace(" ", "")[:1].lower() + name.title().replace(" ", "")[1:]: name
              for name in MAIN_COMMITTEE_NAMES}
VOTE_OF_COUNT = {"inFavour": "yes", "against": "no", "abstaining": "abstain", "nonVoting": "non-voting",
                 "absent": "non-voting"}
BLOCKS = frozenset({"p", "content", "intro", "wrapUp", "listIntroduction", "listWrapUp", "heading", "subheading",
                    "num", "tr", "td", "th", "item", "point", "list", "blockList", "table", "container"})


# --------------------------------------------------------------------------- reading the XML safely

def looks_like_akn(data: bytes) -> bool:
    """The first bytes are XML whose root is in the Akoma Ntoso 3.0 namespace."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and AKN_NS.encode() in head


def read_xml(data: bytes):
    """Read: bytes.  Write: the root element; ParseError when too big, unsafe, malformed, too deep or not AKN."""
    if len(data) > MAX_AKN_BYTES:
        raise ParseError(f"This Akoma Ntoso file is larger than {MAX_AKN_BYTES // (1024 * 1024)} MB; the UN's "
                         f"largest are under 1 MB.")
    if FORBIDDEN_DECLARATIONS.search(data):
        raise ParseError("This XML file declares a document type or entities; Akoma Ntoso files have none, and "
                         "they are refused because entity declarations can expand without bound.")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = f" at line {exc.lineno}" if exc.lineno else ""
        raise ParseError(f"This XML file is malformed{line}: {exc.msg}. It cannot be read as Akoma Ntoso; a "
                         f"corrected file from the publisher is needed.") from exc
    if _depth(root) > MAX_DEPTH:
        raise ParseError(f"This XML file nests elements more than {MAX_DEPTH} deep; no Akoma Ntoso resolution does.")
    if etree.QName(root).namespace != AKN_NS or etree.QName(root).localname != "akomaNtoso":
        raise ParseError("This XML file is not Akoma Ntoso 3.0 (its root element is not akomaNtoso).")
    return root


def _depth(root) -> int:
    deepest = 0
    for _event, element in etree.iterwalk(root, events=("start",)):
        depth = 0
        node = element
        while node is not None and depth <= MAX_DEPTH:
            node = node.getparent()
            depth += 1
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
    return deepest


# --------------------------------------------------------------------------- text of inline content

def local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def squash(text: str) -> str:
    """Whitespace collapsed (no-break spaces too), as printed otherwise (French keeps its space before ':')."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


class Notes:
    """The footnotes met while reading one part (the resolution, or one annex), in order of their markers."""

    def __init__(self):
        self.footnotes: list[Footnote] = []

    def add(self, note) -> str:
        marker = (note.get("marker") or str(len(self.footnotes) + 1)).strip()
        if marker not in {f.marker for f in self.footnotes}:
            footnote = Footnote(marker=marker, text="")
            self.footnotes.append(footnote)  # before its text: a note inside this note comes after it
            footnote.text = block_text(note, self)
        return marker


def inline_text(el, notes: Notes, refs: list[str], skip=frozenset()) -> str:
    """The text a reader sees in an element: footnote bodies go to ``notes`` and their markers to ``refs``
    (in place of the note, so the text reads on); blocks inside (a <p> after a <p>) are separated by a space."""
    parts: list[str] = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            name = local(child)
            if name == "authorialNote":
                marker = notes.add(child)
                if marker not in refs:
                    refs.append(marker)
            elif name == "eol":
                parts.append(" ")
            elif name and name not in skip:
                if name in BLOCKS:
                    parts.append(" ")
                walk(child)
                if name in BLOCKS:
                    parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return squash("".join(parts))


def block_text(el, notes: Notes) -> str:
    return inline_text(el, notes, [])


def opening_italic(el) -> str | None:
    """The italic words an element's first <p> (or the element itself) opens with: the UN's lead phrase."""
    p = el if local(el) in ("p", "crossHeading") else el.find(".//a:p", NS)
    if p is None:
        return None
    if (p.text or "").strip():
        return None
    first = next((c for c in p if isinstance(c.tag, str)), None)
    if first is None or local(first) != "span" or "italic" not in (first.get("class") or ""):
        return None
    lead = squash("".join(first.itertext())).rstrip(",:;،؛ ")
    return lead or None


def _lead_for(text: str, italic: str | None, name: str | None, body: str | None) -> str | None:
    """The lead: the opening italics where the markup has them, else the container's name when the text opens
    with it, else the lead vocabulary (for English)."""
    for candidate in (italic, name):
        if candidate and text.startswith(candidate):
            return candidate
    try:
        from .leads import match_lead
    except ImportError:
        return None
    return match_lead(text, body) if re.match(r"[A-Z][a-z]", text) else None


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


def read_identification(document, doc: ParsedDocument) -> None:
    """Read: meta/identification (FRBR) and the document's name.  Write: language, body, document type."""
    language = document.find("a:meta/a:identification/a:FRBRExpression/a:FRBRlanguage", NS)
    if language is not None:
        code = (language.get("language") or "").strip().lower()
        doc.language = LANGUAGES.get(code, code[:2] or None)
    author = document.find("a:meta/a:identification/a:FRBRWork/a:FRBRauthor", NS)
    if author is not None:
        doc.body = organ_of_akn_name((author.get("href") or "").strip("#/").lower())
    uri = document.find("a:meta/a:identification/a:FRBRWork/a:FRBRuri", NS)
    if doc.body is None and uri is not None:
        organ = re.search(r"/(un[a-z]+)/", uri.get("value") or "")
        doc.body = organ_of_akn_name(organ.group(1)) if organ else None
    doc.document_type = DOCUMENT_TYPES.get(document.get("name") or "", document.get("name"))


def read_cover_page(cover, doc: ParsedDocument) -> None:
    """Read: <coverPage>.  Write: symbol, distribution, date (of issue, then of adoption), session, agenda items,
    committee.  Values come from the attributes (date, value, title) where the markup gives them, so they do not
    depend on the language the cover page is printed in."""
    if cover is None:
        return
    from .document import AgendaItemRef

    number = cover.find(".//a:docNumber", NS)
    if number is not None:
        doc.symbol = squash("".join(number.itertext())) or None
    status = cover.find(".//a:docStatus", NS)
    if status is not None:
        doc.distribution = {"#generalDistribution": "General", "#limitedDistribution": "Limited",
                            "#restrictedDistribution": "Restricted"}.get(status.get("refersTo") or "")
    for date in cover.xpath(".//a:docDate[@date]", namespaces=NS):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.get("date")) and not date.get("date").startswith("0001"):
            # The adoption date, where printed, is what the archive dates a resolution by (as the text path does).
            if date.get("refersTo") == "#adoptionDate" or doc.date is None:
                doc.date = date.get("date")
            if date.get("refersTo") == "#dateOfIssuance":
                doc.issued = date.get("date")   # 'Distr.: General / 13 December 2021
    session = cover.find(".//a:session", NS)
    if session is not None and (session.get("value") or "").isdigit():
        doc.session = int(session.get("value"))
    for item in cover.xpath(".//a:inline[@name='agenda item']", namespaces=NS):
        # title="71 (c)" (Arabic: "71 (ج)") from session 76 on; session 75 prints 'Agenda item 131' only.
        numbers = [squash(item.get("title"))] if (item.get("title") or "").strip() else re.findall(
            r"\d{1,3}(?:\s?\([^\W\d_]\))?", squash("".join(item.itertext())))
        doc.agenda_items.extend(AgendaItemRef(number=n) for n in numbers)
    for name in cover.xpath(".//a:inline[@name='agenda item name']", namespaces=NS):
        if doc.agenda_items and doc.agenda_items[-1].title is None:
            doc.agenda_items[-1].title = squash("".join(name.itertext()))
    proponent = cover.find(".//a:docProponent", NS)
    if proponent is not None:
        doc.committee = COMMITTEES.get((proponent.get("refersTo") or "").lstrip("#"))
    meeting = cover.find(".//a:inline[@name='adoptionMeeting']", NS)
    if meeting is not None and squash("".join(meeting.itertext())):  # empty when the Council voted by mail
        doc.votes = doc.votes or Votes()
        doc.votes.meeting = squash("".join(meeting.itertext()))


def read_preface(preface, doc: ParsedDocument) -> None:
    """Read: <preface> ('78/220. Title', or a draft's 'Sponsors: draft resolution').  Write: title."""
    if preface is None:
        return
    for title in preface.xpath(".//a:docTitle", namespaces=NS):
        text = squash("".join(title.itertext()))
        if title.get("refersTo") == "sponsors":
            continue  # a draft's sponsor line: the workflow step names the same sponsors one by one
        if text:
            doc.title = text if doc.title is None else f"{doc.title} {text}"


def read_workflow(workflow, doc: ParsedDocument) -> None:
    """Read: meta/workflow steps.  Write: draft_symbol, sponsors (those of the draft, then the additional ones),
    committee_report, and the adoption meeting's record ('A/78/PV.50') when nothing printed names the meeting."""
    if workflow is None:
        return
    seen: set[str] = set()
    for step in workflow.findall("a:step", NS):
        outcome = (step.get("outcome") or "").strip()
        by = (step.get("by") or "").strip()
        symbol = (step.get("as") or "").strip()
        if outcome in ("draftResolution", "draftResolutionAdditionalSponsors") and by:
            if outcome == "draftResolution" and symbol:
                doc.draft_symbol = symbol
            for sponsor in split_sponsors(by):
                key = sponsor.name.lower()
                if key not in seen:
                    seen.add(key)
                    doc.sponsors.append(sponsor)
        elif outcome == "draftResolution" and symbol:
            doc.draft_symbol = symbol
        elif outcome == "recommendedForAdoption" and symbol:
            doc.committee_report = symbol
        elif outcome.lower() in ("adopted", "veto", "notadopted"):
            doc.votes = doc.votes or Votes()
            if "/PV." in symbol:  # the meeting's record; a vote by mail has the letter giving its outcome instead
                doc.votes.meeting = doc.votes.meeting or symbol  # the printed meeting, read later, wins
            doc.votes.adoption_type = doc.votes.adoption_type or adoption_type_of(by)
            counts = re.search(r"\b(\d{1,3})-(\d{1,3})-(\d{1,3})\b", by)
            if counts:
                doc.votes.in_favour, doc.votes.against, doc.votes.abstaining = map(int, counts.groups())
            if outcome.lower() != "adopted":
                doc.warnings.append(f"Not adopted: {by or outcome}")


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
    lead = _lead_for(text, opening_italic(el), el.get("name"), doc.body)
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
    lead = _lead_for(text, opening_italic(el), None, doc.body)
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


def read_conclusions(conclusions, doc: ParsedDocument) -> None:
    """Read: <conclusions> ('44th plenary meeting' and the adoption date; an <inline name="adoptionMeeting"> or,
    from session 78, a <location refersTo="#adoptionMeeting"> in an <event>).  Write: votes.meeting, date."""
    if conclusions is None:
        return
    meeting = next(iter(conclusions.xpath(".//a:inline[@name='adoptionMeeting'] | .//a:location[@refersTo="
                                          "'#adoptionMeeting']", namespaces=NS)), None)
    if meeting is not None:
        doc.votes = doc.votes or Votes()
        doc.votes.meeting = squash("".join(meeting.itertext()))
    date = conclusions.find(".//a:docDate[@date]", NS)
    if date is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.get("date")):
        doc.date = date.get("date")


def read_voting(analysis, doc: ParsedDocument) -> None:
    """Read: meta/analysis/parliamentary/voting.  Write: votes (adoption type, counts, each state's vote).

    The GA writes the outcome ('adoptedRecordedVote', 'adoptedWithoutVote'); the SC leaves it out and says it in
    the adoption step ('Adopted unanimously', 'Adopted 13-0-2'), read by read_workflow.  Counts are the <count>
    values ('015' is 15); a count the markup does not give stays None.  States keep the printed name when the
    member-state table does not know it."""
    voting = analysis.find(".//a:voting", NS) if analysis is not None else None
    if voting is None:
        return
    votes = doc.votes or Votes()
    outcome = (voting.get("outcome") or "").lower()
    if "recordedvote" in outcome:
        votes.adoption_type = "recorded vote"
    elif "withoutvote" in outcome or "without a vote" in outcome:
        votes.adoption_type = "without a vote"
    elif "consensus" in outcome:
        votes.adoption_type = "consensus"
    for count in voting.findall("a:count", NS):
        which = count.get("refersTo") or ""
        value = (count.get("value") or "").strip()
        attribute = {"inFavour": "in_favour", "against": "against", "abstaining": "abstaining"}.get(which)
        if attribute and value.isdigit():
            setattr(votes, attribute, int(value))
        vote = VOTE_OF_COUNT.get(which)
        if vote:
            for organization in count.xpath(".//a:organization", namespaces=NS):
                printed = squash("".join(organization.itertext()))
                if printed:
                    votes.states.append(Vote(state=_state_name(printed), vote=vote))
    if votes.adoption_type is None and votes.states:
        votes.adoption_type = "recorded vote"
    if votes.adoption_type in ("recorded vote", "unanimous") and votes.in_favour is not None:
        # A vote's counts are complete: the markup leaves out an empty <count> (A/RES/75/130: 181 in favour, 1
        # against, no abstaining element; the UN's metadata table says 0).
        votes.against = 0 if votes.against is None else votes.against
        votes.abstaining = 0 if votes.abstaining is None else votes.abstaining
    if votes.adoption_type or votes.states or votes.meeting or votes.in_favour is not None:
        doc.votes = votes


def _state_name(printed: str) -> str:
    return lookup_state(printed) or printed
