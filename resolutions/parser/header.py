"""Structuring, part one: the header above 'The General Assembly,' (metadata, agenda item, sponsors, title).

Reads the header lines (inline markup already stripped) and fills the
metadata fields of a ParsedDocument.  The header is read as a sequence of
blocks; a line may carry several facts ('Distr.: Limited 19 October 2006',
'Sixty-first session Third Committee', 'Eightieth session Agenda item 13 Title').
"""
from __future__ import annotations

import re

from resolutions.un.bodies import MAIN_COMMITTEE as COMMITTEE
from resolutions.un.bodies import GENERAL_ASSEMBLY, MASTHEAD_NAMES, SECURITY_COUNCIL, SERIES_OF, names_pattern
from resolutions.un.symbols import ASSEMBLY_SESSION, SERIES_LETTER, SYMBOL, organ_of_symbol, resolution_symbol

from .document import AgendaItemRef, ParsedDocument, Votes
from .sponsors import split_sponsors
from .words import DATE_PATTERN, ORDINAL_WORD, ordinal_to_int, parse_date

DOC_TYPES = (r"(?:revised |further revised |amended )?draft (?:resolution|decision)s?(?: [IVX]{1,4})?"
             r"|resolution adopted by the [A-Z][A-Za-z ]{2,60}?(?= on | by |$)|draft resolution [IVX]{1,4}"
             r"|amendments? to draft resolution [^\n]{0,60}")
SPONSOR_LINE = re.compile(rf"(?P<sponsors>[^:\n]{{2,5000}}):\s*(?P<type>{DOC_TYPES})(?P<rest>[^\n]{{0,200}})$",
                          re.IGNORECASE)


SC_RESOLUTION = re.compile(r"(?i:resolution) (?P<n>\d{1,4}) \((?P<y>\d{4})\)(?P<rest>(?:,? (?:of|adopted) [^\n]{0,200})?)")
SC_COMPILATION = re.compile(r"(?P<n>\d{1,4}) \((?P<y>\d{4})\)\.? Resolution(?P<rest> of [^\n]{0,200})")
SC_ADOPTED = re.compile(rf"Adopted by the ({re.escape(SECURITY_COUNCIL)}) at its (\d{{1,5}})(?:st|nd|rd|th) meeting,?"
                        r" on ([^\n]{0,80})$")


def is_resolution_heading(line: str) -> bool:
    """Is this line a heading that says the text below is a resolution (its number and adoption)?
    'Resolution 2720 (2023)', '1 (1946) Resolution of 25 January 1946', 'Resolution adopted by the ...'."""
    text = _clean(line)
    return bool(SC_RESOLUTION.fullmatch(text) or SC_COMPILATION.fullmatch(text)
                or re.fullmatch(r"Resolution adopted by the [A-Z][A-Za-z ]{2,60}?(?: on [^\n]{0,80})?", text))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def header_blocks(lines: list[str]) -> list[str]:
    """Group header lines into blocks: blank lines separate blocks; a line that is a
    fact of its own (symbol, Distr., date, session, agenda item) is its own block."""
    blocks: list[str] = []
    current: list[str] = []

    def flush():
        if current:
            blocks.append(_clean(" ".join(current)))
            current.clear()

    for line in lines:
        text = _clean(line)
        if not text:
            flush()
            continue
        if _is_fact_line(text):
            flush()
            # the fact goes on in the next line: 'Agenda item 97 (b) Prevention of an arms race in outer space:' /
            # 'no first placement of weapons in outer space' (A/RES/80/20)
            if text.endswith((",", ":")) or (text.startswith("[") and "]" not in text) or re.fullmatch(r"Distr\.?:?", text):
                current.append(text)  # the fact goes on in the next line
            else:
                blocks.append(text)
            continue
        current.append(text)
    flush()
    return [b for b in blocks if b]


def _is_fact_line(text: str) -> bool:
    return bool(
        re.match(rf"(?:Distr\.|Original:|Agenda items?\b|Item \d|(?:{names_pattern(MASTHEAD_NAMES)})$|"
                 r"Resolution adopted|Adopted by|\[)", text)
        or re.fullmatch(DATE_PATTERN, text, flags=re.IGNORECASE)
        or re.match(rf"{ORDINAL_WORD} (?:emergency special |special )?session", text, flags=re.IGNORECASE)
        or re.fullmatch(SYMBOL, text)
    )


def read_header(lines: list[str], doc: ParsedDocument, facts: dict) -> None:
    """Fill doc's metadata from the header lines and the facts earlier stages found."""
    if facts.get("symbol"):
        doc.symbol = facts["symbol"]
    blocks = header_blocks(lines)
    rest: list[str] = []          # blocks that are not metadata, in order (agenda title, title)
    agenda_waiting_title: AgendaItemRef | None = None
    sponsors_seen = False
    for block in blocks:
        text = block
        # The symbol and the body at the top ('General Assembly Distr.: General 15 October 2025').
        # A resolution adopted in parts prints each part's letter after its number: 'A/RES/57/270 B'.
        symbol = re.match(rf"(?:United Nations\s+)?({SYMBOL})(\s[A-Z](?=\s|$))?(?=\s|$)", text)
        if symbol and not doc.symbol:
            doc.symbol = symbol.group(1) + (symbol.group(2) or "" if "/RES/" in symbol.group(1) else "")
            text = text[symbol.end() if "/RES/" in symbol.group(1) else symbol.end(1):].strip()
        for body in MASTHEAD_NAMES:
            if text.startswith(body) and not re.match(rf"{body} (?:resolution|decision)", text):
                doc.body = doc.body or body
                text = text[len(body):].strip()
                break
        distr = re.match(r"Distr\.?:?\s*(General|Limited|Restricted)\b\s*", text, re.IGNORECASE)
        if distr:
            doc.distribution = distr.group(1).capitalize()
            text = text[distr.end():].strip()
        if re.fullmatch(DATE_PATTERN, text, flags=re.IGNORECASE):
            doc.date = doc.date or parse_date(text)
            doc.issued = doc.issued or parse_date(text)
            continue
        date_first = re.match(DATE_PATTERN, text, flags=re.IGNORECASE)
        if date_first and (distr or not text[date_first.end():].strip()):
            doc.date = doc.date or parse_date(text)
            doc.issued = doc.issued or parse_date(text)
            text = text[date_first.end():].strip()
        original = re.match(r"Original:\s*([A-Z][a-z]+)", text)
        if original:
            doc.original_language = original.group(1)
            text = text[original.end():].strip()
        session = re.match(rf"({ORDINAL_WORD})\s+((?:emergency special |special )?session)\b\s*", text, re.IGNORECASE)
        if session:
            doc.session = ordinal_to_int(session.group(1))
            text = text[session.end():].strip()
        committee = re.match(rf"({COMMITTEE})\s*", text)
        if committee:
            doc.committee = committee.group(1).strip()
            text = text[committee.end():].strip()
        # sub-items run past (z): '100 (jj)' (A/RES/76/45)
        agenda = re.match(r"(?:Agenda items?|Item)\s+(\d{1,3}(?:\s?\([a-z]{1,3}\))?(?:(?:,| and)\s*\d{1,3}(?:\s?\([a-z]{1,3}\))?){0,10})\s*",
                          text)
        if agenda:
            numbers = re.findall(r"\d{1,3}(?:\s?\([a-z]{1,3}\))?", agenda.group(1))
            items = [AgendaItemRef(number=n.replace(" ", " ")) for n in numbers]
            doc.agenda_items.extend(items)
            text = text[agenda.end():].strip()
            agenda_waiting_title = items[-1] if items else None
            if text and agenda_waiting_title:
                agenda_waiting_title.title = text
                agenda_waiting_title = None
            continue
        adopted = re.match(r"Resolution adopted by the ([A-Z][A-Za-z ]{2,60}?)(?: on (.*))?$", text)
        if adopted:
            doc.document_type = "resolution"
            doc.body = doc.body or adopted.group(1).strip()
            doc.date = parse_date(adopted.group(2) or "") or doc.date
            continue
        report = re.match(r"\[(?:on the report of the (.{3,80}?)|without reference to a Main Committee)\s*\(([^)]{3,80})\)\]",
                          text)
        if report:
            if report.group(1):
                doc.committee = doc.committee or report.group(1).strip()
            # '[on the report of the First Committee (A/80/534, para. 7)]', '[without reference to a Main Committee
            # (A/80/L.4)]': the report, or the draft adopted in plenary
            if report.group(1):   # the report's symbol; its paragraph ('para. 7') is not a field
                doc.committee_report = doc.committee_report or re.split(r",\s*paras?\.", report.group(2))[0].strip()
            else:
                doc.draft_symbol = doc.draft_symbol or report.group(2).strip()
            continue
        # 'Resolution 2720 (2023)', 'RESOLUTION 769 (1992)', 'Resolution 209 (1965) of 4 September 1965' and the
        # compilations' '14 (1946). Resolution of 16 December 1946 [S/1588]'.
        sc_resolution = SC_RESOLUTION.fullmatch(text) or SC_COMPILATION.fullmatch(text)
        if sc_resolution:
            doc.document_type = "resolution"
            doc.symbol = doc.symbol or resolution_symbol(SERIES_OF[SECURITY_COUNCIL],
                                                       f"{sc_resolution.group('n')} ({sc_resolution.group('y')})")
            doc.body = doc.body or SECURITY_COUNCIL
            doc.date = parse_date(sc_resolution.group("rest") or "") or doc.date
            sc_adopted = SC_ADOPTED.search(sc_resolution.group("rest") or "")
            if sc_adopted:
                doc.body = sc_adopted.group(1)
                _adoption_meeting(doc, sc_adopted.group(2))
            continue
        if re.fullmatch(r"\[(?:S|A|E)/[^\]]{1,60}\]", text):
            doc.draft_symbol = doc.draft_symbol or text.strip("[]")
            continue  # the draft's symbol under an SC compilation heading
        if re.fullmatch(rf"UNITED NATIONS(?: {SERIES_LETTER})?|{SERIES_LETTER}", text):
            continue  # the draft's symbol under an SC compilation heading; the logo letters of old cover pages
        if re.fullmatch(rf"(?:of|on) {DATE_PATTERN}", text, flags=re.IGNORECASE):
            doc.date = doc.date or parse_date(text)  # 'Resolution 548 (1984)', blank line, 'of 24 February 1984'
            continue
        sc_adopted = SC_ADOPTED.match(text)
        if sc_adopted:
            doc.body = doc.body or sc_adopted.group(1)
            doc.date = parse_date(sc_adopted.group(3)) or doc.date
            _adoption_meeting(doc, sc_adopted.group(2))
            continue
        numbered_title = re.fullmatch(rf"({ASSEMBLY_SESSION})/(\d{{1,4}})((?:\s[A-Z])?)\.\s+(.+)", text)
        if numbered_title:   # '80/17. Establishment of ...', a part: '57/270 B. Title'
            session_part, number, part, title = numbered_title.groups()
            doc.symbol = doc.symbol or resolution_symbol(SERIES_OF[GENERAL_ASSEMBLY],
                                                         f"{session_part}/{number}{part.strip()}")
            doc.title = title
            continue
        sponsor_line = SPONSOR_LINE.match(text)
        if sponsor_line and not sponsors_seen:
            sponsors_seen = True
            doc.document_type = sponsor_line.group("type").strip()
            doc.document_type = doc.document_type[0].lower() + doc.document_type[1:]
            doc.sponsors = split_sponsors(sponsor_line.group("sponsors"))
            continue
        if re.fullmatch(r"(?:draft resolution|revised draft resolution)", text, re.IGNORECASE):
            doc.document_type = text.lower()
            continue
        if not text:
            continue
        if agenda_waiting_title is not None and not sponsors_seen:
            agenda_waiting_title.title = text
            agenda_waiting_title = None
            continue
        rest.append(text)
    # A title is a heading: text ending like a clause ('...;', 'To this end,') or running to a paragraph's
    # length is an early resolution's unnumbered preamble printed above 'The Security Council', not a title.
    clauses = [r for r in rest if re.search(r"[,;:]$", r) or len(r) > 400]
    if clauses:   # kept word for word, not dropped: the page shows them as unplaced text
        doc.unplaced.extend(clauses)
        doc.warnings.append(f"Text above the subject line that is not a title was kept as unplaced text: "
                            f"{' '.join(clauses)[:120]!r}.")
    rest = [r for r in rest if r not in clauses]
    if rest and not doc.title:
        doc.title = rest[-1] if sponsors_seen or len(rest) == 1 else " ".join(rest)
        rest = rest[:-1] if sponsors_seen or len(rest) == 1 else []
    if rest:   # header text that is neither a fact nor the title: kept, not dropped
        doc.unplaced[:0] = rest
        doc.warnings.append(f"Header text that is not a fact the archive stores was kept as unplaced text: "
                            f"{' '.join(rest)[:120]!r}.")
    doc.symbol = doc.symbol or facts.get("running_symbol")   # the margins' symbol, when nothing above names one
    if doc.symbol:
        doc.symbol = re.sub(r"\s+(?!\()", "", doc.symbol)
        doc.body = doc.body or organ_of_symbol(doc.symbol)


def _adoption_meeting(doc: ParsedDocument, number: str) -> None:
    """The meeting of 'Adopted by the Security Council at its 4653rd meeting' kept in votes.meeting."""
    suffix = "th" if number[-2:-1] == "1" else {"1": "st", "2": "nd", "3": "rd"}.get(number[-1], "th")
    doc.votes = doc.votes or Votes()
    doc.votes.meeting = doc.votes.meeting or f"{number}{suffix} meeting"


def read_front_matter(meta: dict, doc: ParsedDocument) -> None:
    """Facts from a YAML front matter block (symbol, title, date) where a converter left one."""
    if meta.get("symbol"):
        doc.symbol = meta["symbol"]
    if meta.get("date") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"]):
        doc.date = doc.date or meta["date"]
