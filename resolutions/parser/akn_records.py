"""What an AKN4UN file records about its document, outside the text: identification (language, body, type), the
cover page and preface (symbol, dates, session, agenda items, committee, title), the workflow (draft, sponsors,
committee report, adoption), the conclusions (the closing meeting) and the voting (adoption type, counts, each
state's vote).

Read: the elements of ``meta``, ``coverPage``, ``preface`` and ``conclusions``.  Write: the ParsedDocument's fields
(never its paragraphs, which extract_akn reads).  The UN's facts (organs, committees, states, adoption phrases)
come from resolutions.un.
"""
from __future__ import annotations

import re

from resolutions.un.adoption import adoption_type_of
from resolutions.un.bodies import MAIN_COMMITTEE_NAMES, organ_of_akn_name
from resolutions.un.member_states import lookup_state

from .akn_xml import NS, squash
from .document import ParsedDocument, Vote, Votes
from .sponsors import split_sponsors

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
