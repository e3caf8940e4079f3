"""Find citations in the text of resolutions and their footnotes.

Shaped like Free Law Project's eyecite, in three steps:

1. find anchors: the words 'resolution(s)' / 'decision(s)' followed by a
   number, document symbols (E/CN.4/2006/62), 'Treaty Series, vol. N, No. M';
2. read each anchor forward into one or more citations: a list such as
   'resolutions 55/25 of 15 November 2000, 58/137 of 22 December 2003 and
   59/166' gives one citation per number (the dates are skipped, never read as
   numbers), and a list broken by subjects ('23/13 of 13 June 2013 on ..., and
   24/33 of 27 September 2013 on ...') is followed while each number carries
   its date;
3. resolve what depends on context: which organ issued the resolution (named
   before it, 'of the Commission on ...' after it, 'the Council, in its
   resolution', the document's own organ for 'its resolution', the organ
   named just before for a bare 'resolution'), and in footnotes what 'Ibid.'
   points to.

No Django.  Every pattern is anchored at a position found by a simple search
and reads a bounded window, so the time is linear in the length of the text.
"""
from __future__ import annotations

import bisect
import re

from resolutions.un.bodies import ORGAN_NAMES as NAMED_ORGANS
from resolutions.un.bodies import GENERAL_ASSEMBLY, RESOLUTION_SERIES, SECURITY_COUNCIL, names_pattern
from resolutions.un.symbols import RESOLUTION_INFIX, RESOLUTION_SERIES_PATTERN

from .pinpoint import pinpoint_before
from .types import Citation, FootnoteText

ORGAN_NAMES = names_pattern(NAMED_ORGANS)
ORGAN_NAMED = re.compile(ORGAN_NAMES)
# 'Commission on Crime Prevention and Criminal Justice', 'Commission on the Status of Women'.
COMMISSION = r"Commission (?:on|for) (?:the )?[A-Z][A-Za-z]*(?: (?:and |of |on |the |for ){0,2}[A-Z][A-Za-z]*){0,8}"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DASH = "[-\u2010\u2011\u2012\u2013]"
ROMAN = r"[IVXL]{1,7}"

# One resolution or decision number, as the UN writes them:
#   61/180, 2008/33, ES-10/15, S-32/1   (session/number; special sessions)
#   2720 (2023)                         (Security Council: number (year))
#   217 A (III), 3201 (S-VI), 16 (LVI)  (before 1976: number, part, (session))
# followed by the parts of a resolution adopted in parts: '55/180 A', '57/284 A and B', '75/254 A to C'.
NUMBER_CORE = (rf"(?:(?:E?S){DASH}\d{{1,2}}/\d{{1,4}}|\d{{1,4}}/\d{{1,4}}"
               rf"|\d{{1,4}}(?:\s[A-Z])?\s?\((?:\d{{4}}|(?:E?S{DASH})?{ROMAN})\))")
# The Security Council leaves out the year of numbers that share the next one's: 'resolutions 2712, 2720 (2023)'.
BARE_NUMBER = re.compile(r"\[?(?P<number>\d{3,4})(?![\w/(]|\s\(|,\d)\]?")
PARTS = r"(?:\s[A-Z](?:(?:\s(?:and|to)\s|\s?[-\u2013]\s?|,\s)[A-Z])*(?![\w/]))?"
NUMBER = re.compile(rf"\[?(?P<number>{NUMBER_CORE}{PARTS})(?:\]\([^)\s]{{0,200}}\)|\])?")
ANCHOR = re.compile(rf"\b(?P<word>[Rr]esolutions?|[Dd]ecisions?)(?:,?\s+(?:in particular|particularly|including|"
                    rf"inter alia|notably),?)?\s+(?=\[?(?:{NUMBER_CORE}|\d{{3,4}}\b))")
DATE_TAIL = re.compile(rf",?\s+(?:of|adopted on|dated)\s+(?:\d{{1,2}}\s+)?{MONTH}\s+\d{{4}}")
INTRODUCED_LIST = re.compile(rf"\b(?P<word>(?:in particular|particularly|including|notably))\s+"
                             rf"(?=\[?\d{{1,4}}(?:/\d{{1,4}}|\s?\(\d{{4}}\)))")
RESOLUTIONS_WORD = re.compile(r"\b[Rr]esolutions\b(?![^;]*\bdecisions?\b)")
LIST_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+)|\s+(?=\d{1,4} \(\d{4}\))")
# A list broken by subjects: ', and 24/33 of 27 September 2013' after the list proper has ended.
CONTINUATION = re.compile(rf"(?:,\s*and\s+|,\s*|\s+and\s+|,?\s+as well as\s+)(?={NUMBER_CORE}{PARTS},?\s+of\s+\d)")
OF_ORGAN = re.compile(rf"\s+of\s+the\s+(?P<organ>{COMMISSION}|{ORGAN_NAMES})")
ORGAN_IN_ITS = re.compile(rf"(?P<organ>{ORGAN_NAMES}|Council|Assembly|Commission),?\s+(?:in|by|through)\s+its\s*$")
ORGAN_BEFORE = re.compile(rf"(?P<organ>{ORGAN_NAMES}|{COMMISSION}|Council|Assembly|Commission)\s*$")
FILLER_WORDS = frozenset({"its", "their", "the", "previous", "relevant", "other", "and", "also", "further", "recent",
                          "latest", "including", "all", "particular", "in", "inter", "alia", "as", "well"})
SUBJECT_AFTER = re.compile(rf",\s+the\s+(?P<organ>{ORGAN_NAMES})\s+(?!resolution|decision)[a-z]")
ITS_BEFORE = re.compile(r"\b(?:its|their)\s+(?:\w+\s+){0,2}$")

# Document symbols: an upper-case series code and at least one '/'-separated part, with a digit somewhere:
# E/CN.4/2006/62, A/HRC/Sub.1/58/25, A/C.3/61/L.7/Rev.1, S/2024/302, ICCD/COP(14)/23/Add.1,
# A/79/6 (Sect. 3)/Add.1, NPT/CONF.2000/28 (Parts I and II), S/RES/2720 (2023), CD/1064, A/2170.
SEGMENT = (r"[A-Za-z0-9]{1,12}(?:(?:\.|-(?![A-Z]{1,8}(?:\.\d{1,3})?/))[A-Za-z0-9]{1,12}){0,3}(?:\(\d{1,3}\))?"
           r"(?:\s?\((?:Sect|Part|Parts|Vol|Supp|supp|SUPP)\.?(?:\s[A-Za-z0-9]{1,6}(?:\sand\s[A-Z]{1,4})?)?\))?")
SYMBOL = re.compile(rf"(?<![\w/.\-])(?P<symbol>[A-Z]{{1,8}}(?:\.\d{{1,3}})?(?:\(\d{{1,3}}\))?(?:/{SEGMENT}){{1,8}})"
                    rf"(?P<joint>(?:\s?[-\u2013]\s?[A-Z]{{1,8}}(?:\.\d{{1,3}})?(?:/{SEGMENT}){{1,8}}){{0,3}})"
                    rf"(?P<year>\s\(\d{{4}}\))?")
TREATY = re.compile(r"(?:United Nations|League of Nations),\s+\*?Treaty Series\*?,\s+vol\.\s*(\d{1,5}),\s*No\.\s*(\d{1,7})")
IBID_TREATY = re.compile(r"\*?Ibid\.?\*?,?\s+vol\.\s*(\d{1,5}),\s*No\.\s*(\d{1,7})")
IBID = re.compile(r"\s*\*?Ibid\.?\*?,?\s*")
# A resolution's own symbol: A/RES/60/288, S/RES/2720 (2023), E/RES/2008/33, A/HRC/RES/52/1, A/RES/ES-10/15.
RESOLUTION_SYMBOL = re.compile(rf"(?P<series>{RESOLUTION_SERIES_PATTERN}){re.escape(RESOLUTION_INFIX)}(?P<number>{NUMBER_CORE}{PARTS})")


def find_citations(text: str, *, organ: str | None = None) -> list[Citation]:
    """Citations in one paragraph's (or footnote's) text, in order of appearance.

    ``organ`` is the body whose document this is: 'its resolution 61/180' in a
    General Assembly text is the General Assembly's.  Resolutions and decisions
    carry their organ in ``body`` and their number as written ('61/180',
    '2720 (2023)', '16 (LVI)'); document symbols are kind 'document' with
    ``symbol``; treaties carry ``volume`` and ``treaty_number``.
    """
    found: list[tuple[int, Citation]] = []
    covered: list[tuple[int, int]] = []
    anchors = sorted([*ANCHOR.finditer(text), *_list_anchors(text)], key=lambda m: m.start())
    last_explicit: tuple[int, str] | None = None  # (end, organ) of the last citation whose organ was named
    for index, anchor in enumerate(anchors):
        kind = "decision" if anchor.group("word").lower().startswith("decision") else "resolution"
        if anchor.re is not ANCHOR and covered and covered[-1][0] <= anchor.start() < covered[-1][1]:
            continue
        limit = anchors[index + 1].start() if index + 1 < len(anchors) else len(text)
        body, explicit = _organ_before(text, anchor.start(), organ, last_explicit)
        items, end = _read_list(text, anchor.end(), limit, body == SECURITY_COUNCIL)
        if not items:
            continue
        after = OF_ORGAN.match(text, end)
        if after:
            body, explicit = after.group("organ"), True
            end = after.end()
        elif not explicit and ITS_BEFORE.search(text, max(0, anchor.start() - 40), anchor.start()):
            # 'through its resolution 54/18 of 12 October 2023, the Human Rights Council submitted ...'
            subject = SUBJECT_AFTER.match(text, end)
            if subject:
                body, explicit = subject.group("organ"), True
        for position, (start, stop, number) in enumerate(items):
            written = text[start:stop].replace("[", "").split("](")[0].rstrip("]")
            pinpoint: tuple[str, ...] = ()
            if position == 0 and anchor.re is ANCHOR:
                written = f"{anchor.group('word')} {written}"
                pinpoint = pinpoint_before(text, anchor.start()) if kind == "resolution" else ()
            citation = Citation(kind=kind, text=written, number=number, body=_organ_of_number(number, body),
                                pinpoint=pinpoint)
            found.append((start, citation))
        if explicit and body and body != organ:
            last_explicit = (end, body)
        covered.append((anchor.start(), end))
    starts = [a for a, _ in covered]  # anchors are read in order, so covered is sorted
    for match in SYMBOL.finditer(text):
        inside = bisect.bisect_right(starts, match.start()) - 1
        if inside >= 0 and match.start() < covered[inside][1]:
            continue
        citation = _symbol_citation(match)
        if citation is not None:
            found.append((match.start(), citation))
    for match in TREATY.finditer(text):
        found.append((match.start(), Citation(kind="treaty", text=match.group(0).replace("*", ""),
                                              volume=match.group(1), treaty_number=match.group(2))))
    found.sort(key=lambda item: item[0])
    return [citation for _, citation in found]


def _list_anchors(text: str):
    """'its previous resolutions on Iraq, in particular 1500 (2003), 1546 (2004)': the list comes after a subject."""
    for match in INTRODUCED_LIST.finditer(text):
        window = text[max(0, match.start() - 200):match.start()]
        if RESOLUTIONS_WORD.search(window) and not ANCHOR.search(window[-40:]):
            yield match


def _read_list(text: str, position: int, limit: int,
               security_council: bool = False) -> tuple[list[tuple[int, int, str]], int]:
    """Numbers from position on: 'N of <date>, M of <date> and P', then any ', and Q of <date>' further on.

    Returns (start, end, number) for each number and where the list ends.
    """
    items: list[tuple[int, int, str]] = []
    end = position
    bare: list[int] = []  # indexes of numbers written without their year
    while True:
        number = NUMBER.match(text, position) or BARE_NUMBER.match(text, position)
        if not number:
            break
        if number.re is BARE_NUMBER:
            bare.append(len(items))
        items.append((number.start(), number.end(), _normalise_number(number.group("number"))))
        end = position = number.end()
        date = DATE_TAIL.match(text, position)
        if date:
            end = position = date.end()
            if bare and bare[-1] == len(items) - 1:
                # 'resolutions 1493 of 28 July 2003': the date gives the year the number leaves out.
                start, stop, value = items[-1]
                items[-1] = (start, stop, f"{value} ({date.group(0)[-4:]})")
                bare.pop()
        separator = LIST_SEPARATOR.match(text, position)
        if not separator or not (NUMBER.match(text, separator.end()) or BARE_NUMBER.match(text, separator.end())):
            break
        position = separator.end()
    if bare:
        items, end = _years_for_bare_numbers(items, bare, end, security_council)
    if not items:
        return items, end
    # The list may go on after a subject: '23/13 of 13 June 2013 on ... and 24/33 of 27 September 2013 on ...'.
    # Only numbers that carry their own date are taken, and never past the next anchor or the sentence's end.
    stop = _clause_end(text, end, limit)
    while True:
        continuation = CONTINUATION.search(text, end, stop)
        if not continuation:
            break
        number = NUMBER.match(text, continuation.end())
        items.append((number.start(), number.end(), _normalise_number(number.group("number"))))
        end = number.end()
        date = DATE_TAIL.match(text, end)
        if date:
            end = date.end()
    return items, end


def _years_for_bare_numbers(items, bare, end, security_council):
    """'2712, 2720 (2023)': a number without a year takes the year of the next one that has it.

    Outside Security Council texts a bare number is kept only when a dated one follows in the same list
    (so 'resolution 2008' in a General Assembly text is no citation).
    """
    bare_set = set(bare)
    kept = []
    year = None
    for index in range(len(items) - 1, -1, -1):  # backwards: the next dated number is already seen
        start, stop, number = items[index]
        if index not in bare_set:
            dated = re.fullmatch(r"\d{1,4} (\(\d{4}\))", number)
            year = dated.group(1) if dated else year
        elif year:
            number = f"{number} {year}"
        elif not security_council:
            continue
        kept.append((start, stop, number))
    kept.reverse()
    if kept and kept[-1][1] < items[-1][1]:
        end = kept[-1][1]
    return kept, end


def _clause_end(text: str, position: int, limit: int) -> int:
    """Where the sentence or clause that holds position ends (';' or '. '), looking no further than limit."""
    ends = [i for i in (text.find(";", position, limit), text.find(". ", position, limit)) if i >= 0]
    return min(ends) if ends else limit


def _normalise_number(number: str) -> str:
    number = re.sub(DASH, "-", number)
    number = re.sub(r"(\S)\(", r"\1 (", number)
    return re.sub(r"\s+", " ", number).strip()


def _organ_of_number(number: str, body: str | None) -> str | None:
    """The shape of some numbers names the organ whatever the sentence says."""
    if re.fullmatch(r"\d{1,4} \(\d{4}\)", number):
        return SECURITY_COUNCIL  # only the Security Council numbers its resolutions 'N (year)'
    if number.startswith("ES-"):
        return GENERAL_ASSEMBLY  # emergency special sessions are the General Assembly's
    if body == SECURITY_COUNCIL and re.search(r"\((?:S-)?[IVXL]+\)$", number):
        return GENERAL_ASSEMBLY  # 'N (XV)' numbers sessions; the Security Council never did
    return body


def _organ_before(text: str, start: int, organ: str | None,
                  last_explicit: tuple[int, str] | None) -> tuple[str | None, bool]:
    """The organ that issued 'resolution N' at start, from the words before it; and whether it was named."""
    before = re.sub(r"\s+", " ", text[max(0, start - 200):start])
    in_its = ORGAN_IN_ITS.search(before)
    if in_its:
        return _organ_named(in_its.group("organ"), text[:start], organ), True
    stripped = _strip_filler(before)
    explicit = ORGAN_BEFORE.search(stripped)
    if explicit:
        return _organ_named(explicit.group("organ"), text[:start], organ), True
    if ITS_BEFORE.search(before):
        return organ, False
    # A bare 'resolution 2006/27' soon after another organ's resolution in the same sentence is that organ's.
    if last_explicit and start - last_explicit[0] < 400 and ";" not in text[last_explicit[0]:start]:
        return last_explicit[1], False
    return organ, False


def _strip_filler(before: str) -> str:
    """'... Economic and Social Council and other relevant' -> '... Economic and Social Council'."""
    words = before.rstrip().split(" ")
    while words and words[-1].rstrip(",").lower() in FILLER_WORDS:
        words.pop()
    return " ".join(words).rstrip(", ")


def _organ_named(name: str, text_before: str, organ: str | None) -> str | None:
    """'General Assembly' is itself; 'Council', 'Assembly' or 'Commission' alone is the one named last before."""
    if name in NAMED_ORGANS:
        return name
    if name.startswith("Commission "):
        return name
    if name == "Assembly":
        return GENERAL_ASSEMBLY
    named = [m.group(0) for m in ORGAN_NAMED.finditer(text_before[-2000:]) if m.group(0).endswith(name)]
    if named:
        return named[-1]
    if organ and organ.endswith(name):
        return organ
    return None


def _symbol_citation(match: re.Match) -> Citation | None:
    """A document symbol; a joint symbol ('A/75/345-S/2020/898') is cited under its first part."""
    symbol = match.group("symbol").rstrip(".")
    if not re.search(r"\d", symbol):
        return None
    parts = symbol.split("/")
    if len(parts) == 2 and not re.fullmatch(r"\d{3,6}", parts[1]):
        return None  # 'CD/1064', 'A/2170' are symbols; 'TV/Radio' or 'AB/C1' are not
    written = match.group(0).rstrip(".")
    year = match.group("year")
    if year and RESOLUTION_INFIX in symbol:
        symbol = f"{symbol}{year}"
    elif year:
        written = written[: -len(year)]
    resolution = RESOLUTION_SYMBOL.fullmatch(symbol)
    if resolution:
        # 'the Strategy (A/RES/60/288)' cites a resolution by its symbol: it is a resolution citation like
        # 'resolution 60/288', with the organ the symbol's series names, and keeps the symbol as written.
        number = _normalise_number(resolution.group("number"))
        return Citation(kind="resolution", text=written.strip(), symbol=symbol,
                        body=RESOLUTION_SERIES[resolution.group("series")], number=number)
    return Citation(kind="document", text=written.strip(), symbol=symbol)


def find_footnote_citations(footnotes: list[FootnoteText], *, organ: str | None = None) -> list[Citation]:
    """Citations in footnotes, 'Ibid.' resolved against the footnote before it.

    'Ibid., annex II.' after 'Resolution 55/25, annex I.' cites resolution 55/25
    again; 'Ibid., vol. 266, No. 3822.' after a Treaty Series footnote is a
    treaty; 'Ibid., Sixty-first Session, Supplement No. 53 (A/61/53)' cites what
    it names itself.  Each citation carries its footnote's marker.
    """
    out: list[Citation] = []
    previous: list[Citation] = []
    for note in footnotes:
        text = note.text.strip()
        citations: list[Citation]
        ibid_treaty = IBID_TREATY.match(text)
        ibid = IBID.match(text)
        if ibid_treaty:
            citations = [Citation(kind="treaty", text=ibid_treaty.group(0).replace("*", ""),
                                  volume=ibid_treaty.group(1), treaty_number=ibid_treaty.group(2))]
            citations.extend(find_citations(text[ibid_treaty.end():], organ=organ))
        elif ibid:
            citations = find_citations(text[ibid.end():], organ=organ)
            if not citations:
                citations = [Citation(kind=c.kind, text=text, body=c.body, number=c.number, symbol=c.symbol,
                                      volume=c.volume, treaty_number=c.treaty_number) for c in previous]
        else:
            citations = find_citations(text, organ=organ)
        for citation in citations:
            citation.footnote = note.marker
        out.extend(citations)
        previous = citations
    return out
