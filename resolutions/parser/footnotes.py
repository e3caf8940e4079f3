"""Footnotes: the notes a text prints below a rule, and the markers in the body that refer to them.

Read: body lines (after furniture.py, with its RULE and PAGE sentinels).  Write: the body lines without the notes
(extract_footnotes), then the lines with ``<sup>N</sup>`` where a conversion printed a marker as a plain number,
glued to a word or set apart between spaces (mark_glued_markers, mark_spaced_markers).
"""
from __future__ import annotations

import re

from .document import Footnote
from .text_stages import PAGE, RULE
from .wrapping import TextBuilder

FOOTNOTE_MD = re.compile(r"\s*<sup>(\d{1,3})</sup>\s*(\S.*)")
FOOTNOTE_PLAIN = re.compile(r"\s{0,4}(\d{1,3})\s{1,6}(\S.*)")


def extract_footnotes(lines: list[str]) -> tuple[list[str], list[Footnote]]:
    """Read: lines.  Write: body lines and the footnotes found in them.

    A footnote is a line that starts with a marker — ``<sup>1</sup> text``
    anywhere, or ``1  text`` in the footnote area after a rule — followed by
    its continuation lines.  Body paragraphs never start with a marker.  The
    footnote area ends at a line that is indented like a body paragraph, that
    follows a footnote ending with a full stop and a blank line, or at the page's
    furniture (the PAGE sentinel, dropped here); a note the page broke goes on
    after the next rule.
    """
    body: list[str] = []
    notes: list[tuple[str, TextBuilder]] = []
    in_area = False
    current: TextBuilder | None = None
    unfinished: TextBuilder | None = None   # a note the page broke: it goes on after the next page's rule
    for line in lines:
        if line == PAGE:
            # The page's furniture ends its footnote area: what follows is the next page's body, not the note
            # (A/RES/73/6 as raw text: note 6 ends '..., A/AC.105/1166,' and goes on under the next page's rule).
            if current is not None and in_area and not current.endswith("."):
                unfinished = current
            in_area, current = False, None
            continue
        if line == RULE:
            in_area = True
            current, unfinished = unfinished, None
            body.append("")
            continue
        md = FOOTNOTE_MD.fullmatch(line)
        plain = FOOTNOTE_PLAIN.fullmatch(line) if in_area else None
        match = md or plain
        if match and not re.match(r"\s*\d{1,3}\.\s", line):
            current = TextBuilder(match.group(2))
            notes.append((match.group(1), current))
            in_area = True
            continue
        if not line.strip():
            if current is not None and current.endswith("."):
                current = None
            body.append("")
            continue
        if current is not None and in_area and not line.startswith(" ") and not current.endswith("."):
            current.add(line)
            continue
        in_area = False
        current = None
        body.append(line)
    footnotes = [Footnote(marker=marker, text=re.sub(r"\s+", " ", text.text).strip()) for marker, text in notes]
    return body, footnotes


GLUED_MARKER = re.compile(r"(?<=[A-Za-z\)\],;:.”’\"'])(\d{1,2})(?=[\s,;:.]|$)")
SPACED_END_MARKER = re.compile(r"([A-Za-z][,;.]) (\d{1,3})$")  # not 'resolutions 425 (1978), 427' wrapped
NOT_BEFORE_MARKER = re.compile(r"(?:Rev|Add|Corr|No|vol|para|art|Sub|L|C|Part|Ser|Suppl)\.$|[A-Z]/\S*$|\d[./]$")


def mark_glued_markers(lines: list[str], footnotes: list[Footnote],
                       printed_later: set[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Read: body lines and footnotes.  Write: lines with ``<sup>N</sup>`` for footnote markers glued to words.

    PDF-to-text tools print a superscript ``1`` as a plain ``1`` after the word
    (``Crime1 and``, ``Convention,2 and``).  A glued number is a marker when it
    is a footnote the document has, or, when the text carries no footnotes, when
    it continues the sequence 1, 2, 3... (a reused marker may repeat).  Symbols
    (``L.7``, ``Rev.1``, ``Add.1-3``) are never markers, nor is a number followed by a year in brackets
    (``193 (1964)``, also across a line break): that is a resolution.  ``printed_later`` are the markers of
    notes the document prints further on (after its closing line), which it has as much as ``footnotes``.
    """
    known = {n.marker for n in footnotes} | set(printed_later)
    highest = 0
    out = []
    warnings: list[str] = []
    for index, line in enumerate(lines):
        following = _next_line(lines, index)

        def replace(match: re.Match) -> str:
            nonlocal highest
            before = line[:match.start()]
            number = int(match.group(1))
            if _year_follows(line[match.end():], following):
                return match.group(0)
            if (NOT_BEFORE_MARKER.search(before) and not (known and re.search(r"/[A-Za-z]{4,}$", before))) \
                    or re.search(r"\d\.?$", before[-12:] or ""):
                return match.group(0)  # a symbol's part ('A/C.3/L.7'), not 'HIV/AIDS7' where footnote 7 exists
            if match.group(1).startswith("0") or re.match(r"\.\w", line[match.end():match.end() + 2]):
                return match.group(0)  # 'B.01', 'DIN2.4375', '5.2,5.3.1.a': codes and figures, not markers
            if before.endswith(".") and not re.search(r"(?:[a-z]{2}|[)\]”’\"'])\.$", before):
                return match.group(0)  # an outline number ('b.1.', 'I.LE.3'): a marker follows a word's full stop
            word = re.search(r"(\S{1,40})$", before)
            if word and re.search(r"\d", word.group(1)) and not re.search(r"\d[;,:]$", before[-3:]) \
                    and not (known and re.search(r"(?:\)|[a-z]{2})[,;:]?$", before)):
                # 'Add.1-3', 'L.7'; but 'resolution 79/7;1' ends a clause before its marker, and so do
                # 'Regulations (2005)13', '2334 (2016),16' and 'Youth4Disarmament,3' in a text with those footnotes
                return match.group(0)
            if known:
                ok = str(number) in known
            else:
                ok = number == highest + 1 or 0 < number <= highest
            if ok:
                highest = max(highest, number)
                return f"<sup>{number}</sup>"
            return match.group(0)

        line = GLUED_MARKER.sub(replace, line) if "<sup>" not in line or known else line
        # Old compilations set the marker apart at the end of a line: 'to the United Nations, 56' (the note
        # printed after the closing line).  Before a year in brackets it is a resolution ('20 June, 193' /
        # '(1964)'); where the document has notes, it is a marker when it is one of them or ends its paragraph
        # (a blank line follows: 'Agreement; 32' of a note printed on a page the compilation left out).
        spaced = SPACED_END_MARKER.search(line)
        ends_block = index + 1 >= len(lines) or not lines[index + 1].strip()
        if spaced and not _year_follows("", following) and (not known or spaced.group(2) in known or ends_block):
            line = line[:spaced.start(2) - 1] + f"<sup>{spaced.group(2)}</sup>"
        out.append(line)
    if not known and highest:
        warnings.append(f"Footnote markers 1 to {highest} appear in the text but the footnotes themselves are "
                        "missing from the file.")
    return mark_spaced_markers(out, known) if known else out, warnings


YEAR_IN_BRACKETS = re.compile(r"\s*\((?:19|20)\d\d\)")


def _year_follows(rest: str, following: str) -> bool:
    """A year in brackets comes next, on this line or at the start of the next: '193 (1964)' is resolution 193."""
    return bool(YEAR_IN_BRACKETS.match(rest if rest.strip() else following))


def _next_line(lines: list[str], index: int) -> str:
    return next((line for line in lines[index + 1:index + 3] if line.strip()), "")


# A number standing between spaces after a word or a clause's punctuation: 'Cultural Rights, 2 the'.
SPACED_MARKER = re.compile(r"(?<=[A-Za-z0-9,;”’)\]]) {1,2}(\d{1,3})(?= |$)")
# A marker glued to the year of a date: 'of 8 October 20217' is '8 October 2021' and footnote 7.
# ... or to a year named on its own: 'the Final Documents of the 20007 and the 20108 Review Conferences' (A/RES/80/39).
YEAR_MARKER = re.compile(r"(?:\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December|the|of|in|and|since|until) |(?<=\d{4}[–-]))(?:19|20)\d\d(\d{1,2})(?=[\s,;:.)]|$)")
# A marker glued to a resolution number: 'resolutions 55/2831 and 55/29' is 55/28 and footnote 31.  Only where the
# number after the slash has four digits or more, which no session's resolutions reach.
RESOLUTION_NUMBER_MARKER = re.compile(r"(?:(?<![\w/.])\d{1,4}|(?<=[A-Z]))/(\d{4,6})(?=[\s,;:.)]|$)")
# ... or to the last part of a decision's symbol ('CBD/CP/MOP/VIII/1913' is VIII/19 and note 13), and a marker after
# a comma closing such a symbol ('decision CBD/NP/MOP/DEC/2/7,14 as well as'): both only as a note that comes next.
SYMBOL_COMMA_MARKER = re.compile(r"(?<=[A-Z0-9]/\d),(\d{1,2})(?=[\s;:.)]|$)|(?<=[A-Z0-9]/\d\d),(\d{1,2})(?=[\s;:.)]|$)")
NUMBER_BEFORE = re.compile(
    r"(?i:\b(?:from|of|to|and|or|by|on|at|in|with|than|over|under|about|some|all|least|only|per|between|"
    r"paragraphs?|paras?|parts?|articles?|arts?|chapters?|chaps?|sections?|sects?|annex(?:es)?|rules?|"
    r"resolutions?|decisions?|items?|goals?|targets?|principles?|vol|no|phases?|stages?|levels?|steps?|"
    r"years?|pages?|tables?|figures?|boxes|box|options?|tiers?|pillars?|sessions?|meetings?|days?|weeks?|"
    r"groups?|rounds?|hours?|recommendations?|conclusions?|questions?|regulations?|protocols?|"
    r"entries|entry|lines?|subparagraphs?|points?|criteria|criterion|indicators?|priorit(?:y|ies)|areas?))"
    r"[,;]?$|\bactions?[,;]?$|\d[,;]?$")  # 'action 5 of the action plan', not 'the Platform for Action, 8 the'
NUMBER_AFTER = re.compile(
    r" {1,2}(?:\((?:19|20)\d\d\)|\d|to\b|per\b|percent|%|and \d|or \d|million|billion|times|years?|months?|weeks?|days?|hours?|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)")


def mark_spaced_markers(lines: list[str], known: set[str]) -> list[str]:
    """Read: body lines (markers already as ``<sup>N</sup>``) and the document's footnote markers.  Write: lines
    where a footnote's number that a conversion set apart between spaces is a marker too.

    A superscript that a converter printed on the line ('the International Covenant on Economic, Social
    and Cultural Rights, 2 the International Convention ...', 'Sustainable Development 11  and') is taken
    only where the document has that footnote, the number comes next after the markers read so far
    (one lost marker may lie between), and neither the word before ('from', 'paragraph', a figure) nor
    the word after ('to', a month, 'per cent') makes it a quantity or a reference.  A marker glued to the
    year of a date ('of 8 October 20217') or to a resolution number ('55/2831') is split off on the same terms.
    """
    seen: set[int] = set()
    cited_after: dict[int, str] = {}   # marker -> the words it first stood after, to know it when it comes again
    out = []
    pattern = re.compile(rf"<sup>(\d{{1,3}})</sup>|{SPACED_MARKER.pattern}|{YEAR_MARKER.pattern}"
                         rf"|{RESOLUTION_NUMBER_MARKER.pattern}|{SYMBOL_COMMA_MARKER.pattern}")
    for index, line in enumerate(lines):
        following = _next_line(lines, index)
        pieces = []
        position = 0
        for match in pattern.finditer(line):
            if match.group(1):
                seen.add(int(match.group(1)))
                cited_after.setdefault(int(match.group(1)), _last_words(line[:match.start()]))
                continue
            comma = match.group(5) or match.group(6)
            if comma is not None:
                if _comes_next(int(comma), known, seen):
                    pieces.append(line[position:match.start() + 1] + f"<sup>{int(comma)}</sup>")
                    position = match.end()
                    seen.add(int(comma))
                continue
            if match.group(4) is not None:
                number = _marker_in_resolution_number(match.group(4), known, seen)
                if number is not None:
                    pieces.append(line[position:match.end() - len(str(number))] + f"<sup>{number}</sup>")
                    position = match.end()
                    seen.add(number)
                continue
            glued = match.group(3) is not None
            number = int(match.group(3) if glued else match.group(2))
            before, after = line[:match.start()], line[match.end():]
            if not glued and (_year_follows(after, following) or (before[-1:].isdigit() and not YEAR_BEFORE.search(before))):
                continue   # '193 (1964)' is a resolution; after a figure only a year sets a marker apart ('1979 97 relative')
            # at the end of a line after a clause's ';' or '.' no quantity stands: 'for 2017/18; 4' / '2. Also ...'
            clause_end = not after.strip() and re.search(r"[;.]$", before.rstrip()) is not None
            # a name ending in a figure and its comma ('related to UNISPACE+50, 6 which'), not a list ('5, 6 and')
            after_name = re.search(r"[A-Za-z+]\d{1,3},$", before) is not None \
                and re.match(r" [a-z]", after) is not None and not re.match(r" (?:and|or|to|of|per)\b", after)
            again = number in seen and not glued and cited_after.get(number) == _last_words(before) != ""
            if (again or _comes_next(number, known, seen)) and (glued or again or clause_end or after_name or YEAR_BEFORE.search(before) or (
                    not NUMBER_BEFORE.search(before[-40:]) and not NUMBER_AFTER.match(after))):
                start = match.end() - len(match.group(3)) if glued else match.start()
                pieces.append(line[position:start] + f"<sup>{number}</sup>")
                position = match.end()
                seen.add(number)
                cited_after.setdefault(number, _last_words(before))
        out.append("".join(pieces) + line[position:])
    return out


def _last_words(text: str) -> str:
    """The three words before a marker, without punctuation: a note cited again stands after the same name
    ('the International Criminal Court,1' and later 'the International Criminal Court, 1 and')."""
    return " ".join(re.findall(r"[A-Za-z]+", text[-80:])[-3:])


def _marker_in_resolution_number(digits: str, known: set[str], seen: set[int]) -> int | None:
    """The footnote marker at the end of a resolution number's too-long digits ('2831' after '55/'): the split
    that leaves one to three digits of number and gives a footnote the document has that comes next."""
    for size in (1, 2, 3):
        if len(digits) - size < 1 or len(digits) - size > 3 or digits[-size] == "0":
            continue
        number = int(digits[-size:])
        if _comes_next(number, known, seen):
            return number
    return None


# A year ending a date or a title ('dated 25 November 1979, 95', 'Diplomatic Relations of 1961 98 and'): the printed
# compilations set their markers apart after it.
YEAR_BEFORE = re.compile(r"(?:(?:\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)|\bof) |\d{4}[–-])(?:19|20)\d\d,?$")


def _comes_next(number: int, known: set[str], seen: set[int]) -> bool:
    """A footnote the document has, not yet read, and next after the markers read so far (one lost marker may
    lie between).  The first is the document's lowest note: the compilations number their notes on from the
    resolutions printed before ('95' to '99' in S/RES/457 (1979))."""
    highest = max(seen, default=min((int(m) for m in known if m.isdigit()), default=1) - 1)
    return str(number) in known and number not in seen and highest < number <= highest + 2
