"""Akoma Ntoso markup shared by the export's parts: the namespace and element maker, text made safe for XML,
citations as the UN's own links, footnotes placed once, and a paragraph's <p>.

Read: the document page's paragraph views, citations and footnotes (resolutions.selectors.documents).  Write:
lxml elements.
"""
from __future__ import annotations

import re

from lxml.builder import ElementMaker

from resolutions.selectors.documents import ParagraphView
from resolutions.services.citations import symbol_keys_for_target
from resolutions.un.symbols import UNDOCS_ADDRESS

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
E = ElementMaker(namespace=AKN_NS, nsmap={None: AKN_NS})
# Characters XML 1.0 cannot hold.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text) -> str:
    return _INVALID_XML.sub("", str(text or ""))


def camel(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)
    return (words[0].lower() + "".join(w.capitalize() for w in words[1:])) if words else "body"


UNDOCS = UNDOCS_ADDRESS


def citation_href(citation) -> str | None:
    """The UN's own link for a cited resolution or document (as DGACM's files link them); None for the rest."""
    if citation.kind == "document" and citation.symbol:
        return UNDOCS + citation.symbol.replace(" ", "")
    symbols = symbol_keys_for_target(citation.target_key or "") if citation.kind == "resolution" else []
    return UNDOCS + symbols[0] if symbols else None


def linked(parent, text: str, citations, start_child=None) -> None:
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
        link = E.a(clean(text[begin:end]), href=href)
        parent.append(link)
        last, cursor = link, end
    _append_text(parent, last, text[cursor:])


def _append_text(parent, last, text: str) -> None:
    if not text:
        return
    if last is None:
        parent.text = (parent.text or "") + clean(text)
    else:
        last.tail = (last.tail or "") + clean(text)


class Notes:
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
                out.append(E.noteRef(marker=clean(note.marker), placement="bottom", href=f"#{eid}"))
            else:
                self.placed.add(note.pk)
                out.append(E.authorialNote(note_p(note), marker=clean(note.marker), placement="bottom", eId=eid))
        return out


def note_p(note):
    p = E.p()
    linked(p, note.text, getattr(note, "citation_list", []))
    return p


def text_p(view: ParagraphView, notes: Notes, *, italic_lead: bool = True, tag: str = "p"):
    """A <p> with the lead in italics (as the UN prints and marks it), citations linked, footnotes at its end."""
    p = getattr(E, tag)()
    lead, text = view.paragraph.lead, view.paragraph.text
    start = None
    if italic_lead and lead and text.startswith(lead):
        start = E.span(clean(lead), **{"class": "italic"})
        p.append(start)
        text = text[len(lead):]
    linked(p, text, view.citations, start)
    for element in notes.elements(view.paragraph.footnote_refs):
        p.append(element)
    return p
