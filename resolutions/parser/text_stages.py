"""Stages that turn the bytes of a text or markdown file into clean lines.

Each stage reads and writes plain Python values (no Django), so a pipeline is a
list of functions applied in order (see pipeline.py).  The lines they produce
carry the archive's small inline markup: ``*italic*`` and ``<sup>N</sup>``.

Every regular expression here is anchored or built from disjoint character
classes so that none can backtrack catastrophically on long inputs.
"""
from __future__ import annotations

import re
import unicodedata

from resolutions.un.symbols import RESOLUTION_SERIES_PATTERN

from .document import Footnote, ParseError

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
RULE = "\x00RULE"  # a sentinel line standing for a rule or page break
PAGE = "\x00PAGE"  # a sentinel line where page furniture was: the end of a page's footnote area


def decode(data: bytes) -> tuple[str, list[str]]:
    """Read: raw bytes.  Write: text and warnings.

    UTF-8 (with or without a BOM) first; otherwise cp1252 (the usual encoding of
    Word-era text files), with a warning.  Bytes with NUL characters or mostly
    unprintable characters are not a text file: ParseError.
    """
    if not data.strip():
        raise ParseError("The file is empty.")
    sample = data[:65536]
    if b"\x00" in sample:
        raise ParseError("This is a binary file, not text (it contains NUL bytes).")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Mixed encodings happen (a UTF-8 file with pasted Windows-1252 lines): decode line by line.
        lines = []
        for raw in data.split(b"\n"):
            try:
                lines.append(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                lines.append(raw.decode("cp1252", errors="replace"))
        text = "\n".join(lines)
        warnings.append("The file is not valid UTF-8; lines that are not were read as Windows-1252.")
    printable = sum(1 for ch in text[:65536] if ch.isprintable() or ch in "\n\r\t")
    if printable < 0.9 * min(len(text), 65536):
        raise ParseError("This file does not look like text (too many control characters).")
    return text, warnings


def normalise_unicode(text: str) -> str:
    """Read and write: text.

    NFC; non-breaking and soft hyphens, non-breaking spaces and tabs made plain;
    unicode superscript digits and LaTeX debris such as ``$^{6}\\ A/HRC$`` become
    ``<sup>N</sup>`` markers; markdown footnote references ``[^6]`` too.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2011", "-").replace("\u2010", "-").replace("\u00ad", "")
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\t", " ")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    # Control characters (other than newline) carry nothing in a resolution; form feeds are page breaks.
    text = text.replace("\f", "\n")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", text)
    # LaTeX-like debris from some PDF converters: $^{6}\ A/HRC/Sub.1/58/25$
    text = re.sub(r"\$\^\{\^?\{?(\d{1,3})\}?\\?\}?\s*([^$\n]*)\$", r"<sup>\1</sup> \2", text)
    text = re.sub(r"\$\^\{?(\d{1,3})\}?\$", r"<sup>\1</sup>", text)
    text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}", lambda m: f"<sup>{m.group(0).translate(SUPERSCRIPT_DIGITS)}</sup>", text)
    text = join_footnote_definitions(text)
    text = re.sub(r"(?m)^\[\^(\d{1,3})\]:[ ]?", r"<sup>\1</sup> ", text)  # a markdown footnote definition
    text = re.sub(r"\[\^(\d{1,3})\]", r"<sup>\1</sup>", text)
    text = re.sub(r"<sup>\s*(\d{1,3})\s*</sup>", r"<sup>\1</sup>", text)
    return text


MD_DEFINITION = re.compile(r"\[\^(\d{1,4})\]:[ ]?(.*)")


def join_footnote_definitions(text: str) -> str:
    """Read and write: text.  A markdown footnote definition wrapped over several lines becomes one line.

    ``[^2]: Report of the ... Developing`` followed by ``    Countries and ...`` is one footnote (markdown's
    rule: continuation lines are indented); without this the structuring step, which ends a footnote at an
    indented line as plain-text footnote areas need, would cut the note at its first line.  A converter
    also misreads a wrapped line that starts with a number as a definition of its own, right under the
    note it continues: ``[^10]: ... Cairo, 5-13 September`` then ``[^1994]: (United Nations ...``, or
    ``[^2]: ... as from`` then ``[^7]: February 1984.``.  Such a line (four digits, or not the next
    marker after a note that has not ended with a full stop) joins the note above.  Hyphens are repaired.
    """
    if "[^" not in text:
        return text
    out: list[str] = []
    note: TextBuilder | None = None
    marker = 0
    for line in text.split("\n"):
        definition = MD_DEFINITION.fullmatch(line)
        if note is not None and line[:2] == "  " and line.strip():
            note.add(line)
            continue
        if note is not None and definition and (
                len(definition.group(1)) == 4 or (int(definition.group(1)) != marker + 1 and not note.endswith("."))):
            note.add(f"{definition.group(1)} {definition.group(2)}")
            continue
        if note is not None:
            out.append(f"[^{marker}]: {note.text}")
            note = None
        if definition and len(definition.group(1)) <= 3:
            marker, note = int(definition.group(1)), TextBuilder(definition.group(2))
            continue
        out.append(line)
    if note is not None:
        out.append(f"[^{marker}]: {note.text}")
    return "\n".join(out)


def split_front_matter(text: str) -> tuple[str, dict]:
    """Read: text.  Write: text without a leading YAML front matter block, and its simple ``key: value`` pairs."""
    if not text.startswith("---\n"):
        return text, {}
    end = text.find("\n---\n", 4)
    if end < 0:
        return text, {}
    meta = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and re.fullmatch(r"[A-Za-z_]{1,40}", key.strip()):
            meta[key.strip()] = value.strip().strip('"').strip("'")
    return text[end + 5:], meta


def strip_markdown(lines: list[str]) -> list[str]:
    """Read and write: lines.

    Markdown syntax that is not the archive's markup goes: headings ``#``, bold
    ``**``, links ``[64/293](#)`` (their text kept), list dashes before
    paragraph numbers (``- 1. Recognizes``), other HTML tags, and escapes.
    Italic ``*...*`` and ``<sup>`` stay.  A ``---`` rule becomes the RULE sentinel.
    """
    out = []
    for line in lines:
        if not line or line.isspace():
            out.append(line)
            continue
        if MD_RULE.fullmatch(line.strip()):
            out.append(RULE)
            continue
        line = MD_HEADING.sub("", line)
        line = line.replace("**", "").replace("__", "")
        if "](" in line:
            line = MD_LINK.sub(r"\1", line)
        line = MD_LIST_DASH.sub("", line)
        if "<" in line:
            line = HTML_TAG.sub("", line)
        if "\\" in line:
            line = MD_ESCAPE.sub(r"\1", line)
        out.append(line)
    return out


MD_RULE = re.compile(r"(?:-\s*){3,}|(?:\*\s*){3,}|_{3,}")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\s]{0,300}\)")
MD_LIST_DASH = re.compile(r"^\s*[-+•]\s+(?=\d{1,3}\.|\([a-z]{1,4}\))")
HTML_TAG = re.compile(r"</?(?!sup\b)[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,200})?/?>")
MD_ESCAPE = re.compile(r"\\([*_\[\]()#.\-])")


JOB_NUMBER = re.compile(r"\d{2}-\d{5}(?:\s*\([A-Z]\))?|\d{7}[A-Z]?|\d{2}-\d{5}\s*\*\d{7}\*")
PAGE_LINE = re.compile(r"(?:\d{1,3}\s+)?(?:\d{2}-\d{5}|\d{7})(?:\s+\d{1,3})?|\d{1,3}|\d{1,3}/\d{1,3}|Page \d{1,3}(?: of \d{1,3})?")
SYMBOL_BANNER = re.compile(rf"(?:United Nations\s+)?(?:{RESOLUTION_SERIES_PATTERN})/[A-Z0-9./()\- ]{{3,60}}")


def join_raised_note_markers(lines: list[str]) -> list[str]:
    """Read and write: lines.  The footnote area of a layout-preserving text extraction (``pdftotext -layout``:
    its rule indented like the page) prints each raised marker on a line of its own above its note, '    1' then
    '        United Nations, Treaty Series, vol. 2187, No. 38544.'; each becomes one line '<sup>1</sup> United
    Nations, ...', and the note's other lines lose the indentation that would end the area.  The area ends
    at a blank line."""
    out: list[str] = []
    in_area = False
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if re.fullmatch(r"_{3,}", stripped) and line[:4] == "    ":
            in_area = True
            out.append(stripped)
        elif in_area and not stripped:
            in_area = False
            out.append(line)
        elif in_area and re.fullmatch(r"\d{1,3}", stripped) and index + 1 < len(lines) \
                and lines[index + 1].strip() and not re.fullmatch(r"\d{1,3}", lines[index + 1].strip()):
            out.append(f"<sup>{stripped}</sup> {lines[index + 1].strip()}")
            index += 1
        else:
            out.append(stripped if in_area else line)
        index += 1
    return out


# The pieces a UN page prints in its margins, as text extractions run them together on one line:
# '23-21227 (E) 131123' (job number, language, date of processing), '*2321227*' (the barcode, or its digits
# '2321227'), 'GE.23-12345(E)', '2/9' (page of pages), '3' (page), 'A/C.3/78/L.41' (the running symbol),
# 'Please recycle' and the recycling mark's caption.
_FURNITURE_PIECE = (r"(?:GE\.)?\d{2}-\d{5}(?:\s?\([A-Z]\))?|\*\d{7}\*|\d{7}[A-Z]?|\([A-Z]\)|\d{6}|\d{1,3}/\d{1,3}|\d{1,3}"
                    r"|(?:[AES]|A/HRC|S/PRST)/(?:[A-Z0-9][A-Za-z0-9.\-]{0,20}/){1,6}[A-Za-z0-9.\-]{1,20}(?: \(\d{4}\))?"
                    r"|Please recycle|United Nations")
FURNITURE_LINE = re.compile(rf"(?:(?:{_FURNITURE_PIECE})\s*){{1,8}}")
RUNNING_SYMBOL = re.compile(r"(?:^|\d|\*|\s)((?:[AES]|A/HRC|S/PRST)/(?:[A-Z0-9][A-Za-z0-9.\-]{0,20}/){1,6}"
                            r"[A-Za-z0-9.\-]{1,20}(?: \(\d{4}\))?)")
# What only furniture prints: a job number, a barcode, or a page of pages beside the symbol or the job number.
FURNITURE_MARK = re.compile(r"\d{2}-\d{5}|\*\d{7}\*|Please recycle|^\d{7}[A-Z]?(?=[AES]/)")


def is_furniture_line(line: str) -> bool:
    """A line made only of page furniture ('2/9 23-21227A/C.3/78/L.41', '23-21227 (E) 131123',
    '*2321227*A/C.3/78/L.41', '23-21227 9/9', 'Please recycle'), and at least one piece that only
    furniture prints (a job number, a barcode): not a footnote '5 A/78/511.' nor a wrapped '77/228'."""
    text = line.strip()
    return len(text) <= 120 and bool(FURNITURE_MARK.search(text)) and bool(FURNITURE_LINE.fullmatch(text))


def remove_furniture(lines: list[str]) -> tuple[list[str], dict]:
    """Read: lines.  Write: lines without page furniture, and facts the furniture told.

    Goes: job numbers (``0657590``, ``06-57590``, ``2 06-57590``), page numbers,
    underscore rules (kept as the RULE sentinel, footnotes follow them), a
    ``United Nations`` line on its own, and the running document symbol at the
    top of later pages.  The first symbol seen is reported as ``symbol``.  Lines made only of
    furniture go too, as raw text extractions run its pieces together (is_furniture_line), and a
    symbol alone on its line after its first time.  The symbol the furniture prints on two pages or more is
    ``running_symbol`` (the symbol of a text extracted without its first page's header).
    """
    facts: dict = {}
    out: list[str] = []
    symbols_seen: set[str] = set()
    running_symbols: list[str] = []
    for raw in lines:
        line = raw.strip()
        if raw == RULE or re.fullmatch(r"_{3,}|-{3,}", line):
            out.append(RULE)
            continue
        if not line:
            out.append("")
            continue
        if PAGE_LINE.fullmatch(line) or JOB_NUMBER.fullmatch(line) or is_furniture_line(line):
            running = RUNNING_SYMBOL.search(line)
            if running:
                running_symbols.append(running.group(1))
            if out[-1:] != [PAGE]:
                out.append(PAGE)
            continue
        if line in {"United Nations", "Nations Unies"}:
            continue
        banner = re.fullmatch(rf"United Nations\s+((?:{RESOLUTION_SERIES_PATTERN})/\S{{3,60}}(?:\s\(\d{{4}}\))?)", line)
        if banner:
            facts.setdefault("symbol", banner.group(1))
            continue
        if "symbol" in facts and line.replace(" ", "") == facts["symbol"].replace(" ", ""):
            continue  # running symbol on later pages
        if SYMBOL_ALONE.fullmatch(line):
            if line.replace(" ", "") in symbols_seen or out[-1:] == [PAGE]:
                facts.setdefault("symbol", line)
                continue  # the running symbol: again, or beside the page's furniture ('*1817962*' / 'A/RES/73/6')
            symbols_seen.add(line.replace(" ", ""))
        out.append(raw.rstrip())
    # A text extracted without its first page's header still prints its symbol in the margins of each page
    # ('*2321227*A/C.3/78/L.41', '2/9 23-21227A/C.3/78/L.41'): printed on two pages or more, it is the symbol.
    repeated = [symbol for symbol in dict.fromkeys(running_symbols) if running_symbols.count(symbol) >= 2]
    if len(repeated) == 1:
        facts["running_symbol"] = repeated[0]
    return out, facts


SYMBOL_ALONE = re.compile(r"(?:[AES]|A/HRC|S/PRST)/(?:[A-Z0-9][A-Za-z0-9.\-]{0,20}/){1,6}[A-Za-z0-9.\-]{1,20}(?: \(\d{4}\))?")


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


KEEP_HYPHEN_PREFIXES = {
    "anti", "non", "co", "inter", "intra", "multi", "self", "cross", "counter", "well", "high", "low", "long",
    "short", "follow", "post", "pre", "semi", "sub", "socio", "ex", "mid", "all", "cost", "gender", "age",
    "rights", "human", "child", "small", "medium", "large", "full", "part", "state", "country", "sector",
    "result", "evidence", "community", "people", "victim", "survivor", "north", "south", "e", "mine",
    "peace", "capacity", "decision", "policy", "land", "sea", "time", "trade", "risk", "data", "science",
}


def line_joint(left_tail: str, right: str, vocabulary: set[str] | None = None) -> tuple[bool, str]:
    """How two wrapped lines join: (drop the hyphen ending the left line, separator).

    ``devel-`` + ``opment`` gives ``development``; ``anti-`` + ``trafficking``
    stays ``anti-trafficking`` (a prefix that takes a hyphen, or a hyphenated
    form the document itself uses elsewhere and whose solid form it does not);
    before a capital the hyphen always stays (``UN-`` + ``Women``, ``Inter-`` + ``Agency``).
    Only the tail of the left line is read, so joining costs the same however
    long the paragraph already is.
    """
    hyphen = re.search(r"([A-Za-z]{1,30})-$", left_tail)
    if hyphen and right[:1].isupper():
        return False, ""          # a compound of names is never hyphenation: 'UN-' + 'Women', 'Inter-' + 'Agency'
    if hyphen and right[:1].islower():
        first = hyphen.group(1)
        rest = re.match(r"[A-Za-z]{1,40}", right)
        rest_word = rest.group(0) if rest else ""
        if first.lower() in KEEP_HYPHEN_PREFIXES:
            return False, ""
        if vocabulary is not None:
            if f"{first}-{rest_word}".lower() in vocabulary and f"{first}{rest_word}".lower() not in vocabulary:
                return False, ""
        return True, ""
    return False, " "


def join_lines(left: str, right: str, vocabulary: set[str] | None = None) -> str:
    """Join two wrapped lines, repairing end-of-line hyphenation (see line_joint)."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    drop, separator = line_joint(left[-64:], right, vocabulary)
    return (left[:-1] if drop else left) + separator + right


class TextBuilder:
    """A paragraph or footnote assembled from wrapped lines in linear time (no re-copying of the text so far)."""

    def __init__(self, text: str = ""):
        text = text.strip()
        self.parts: list[str] = [text] if text else []

    def add(self, line: str, vocabulary: set[str] | None = None) -> None:
        right = line.strip()
        if not right:
            return
        if not self.parts:
            self.parts.append(right)
            return
        drop, separator = line_joint(self.parts[-1][-64:], right, vocabulary)
        if drop:
            self.parts[-1] = self.parts[-1][:-1]
        self.parts.append(separator + right)

    def endswith(self, suffix: str) -> bool:
        return bool(self.parts) and self.parts[-1].endswith(suffix)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def word_vocabulary(lines: list[str]) -> set[str]:
    """All words (hyphenated ones included) that appear inside lines, lower-cased, for hyphenation repair."""
    words: set[str] = set()
    for line in lines:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", line[:-1] if line.endswith("-") else line))
    return words
