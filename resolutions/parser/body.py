"""Structuring, part two: the body below 'The General Assembly,' (paragraphs, leads, sub-paragraphs, markers).

Reads body lines with the archive's inline markup and writes Paragraph
objects.  Line wrapping and page breaks do not matter: a new paragraph starts
only where a line starts with a paragraph number (``1.``), a sub-paragraph
label (``(a)``) or a lead phrase (italic, or from the vocabulary) *and* the text
before it ended a paragraph (``,`` ``;`` ``:`` ``.`` ``?``).  Everything else is a
continuation, so a paragraph cut by a page break or a footnote block is one
paragraph.

A few printed layouts are read as such: the next paragraph number also opens
after a list item ending '; and', after a footnote number glued to a comma
and after the lines of a list its paragraph introduced with ':'; a short line
without closing punctuation between two paragraphs is a section heading (left
out of the paragraphs' text and kept as the heading of the paragraph that follows); a resolution in sections
('I', 'II' on lines of their own, each with a title, its own preambular paragraphs and numbering from 1, as
budget resolutions are) starts each section's paragraphs afresh; '2. (a) Decides' is paragraph 2 and its item (a); list
items whose labels the conversion lost get (a), (b), ... where they run on into
printed labels or form a list of their own; text before the first paragraph is
kept as an unled paragraph.  Where a lead ends without italics is the body's
house style (leads.match_lead).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Paragraph, SubParagraph
from .leads import match_lead, match_other_language_lead
from .text_stages import TextBuilder

# '1.', and the Arabic texts' '1 -' (only before Arabic script, so an English '10 - 12 December' is never a number)
NUMBER_START = re.compile(r"\s*(\d{1,3})(?:\.|\s?-(?=\s+[\u0600-\u06ff]))(?:\s+(.*))?$")
LONG_NUMBER_START = re.compile(r"\s*(\d{4,5})\.(?:\s+(.*))?$")  # paragraph 1000 and on, only in sequence
OCR_NUMBER_START = re.compile(r"\s*(\d{1,3}),\s+([A-Z].*)$")
LABEL_START = re.compile(r"\s*\(([a-z]{1,2}|[ivxl]{1,6})\)(?:\s+(.*))?$")
ITALIC_START = re.compile(r"\s*\*[A-Z][^*\n]{0,80}\*")
MARKER = re.compile(r"<sup>(\d{1,3})</sup>")
CLOSING_LINE = re.compile(r"\s*(?:\d{1,4}(?:st|nd|rd|th) (?:plenary )?meeting\b.{0,40}"
                          r"|Adopted (?:unanimously |without (?:a )?vote )?at the (?:\d|I(?=\d))\d{0,4}(?:st|nd|rd|th) meeting\b.{0,200}"
                          r"|Adopted (?:unanimously |without (?:a )?vote )?(?:at(?: the)?|the)(?: \d{1,5}(?:st|nd|rd|th))?)$")
# (the last: a closing line wrapped before 'meeting', 'Adopted unanimously the' (S/RES/522), '... at the 2986th')


def closing_index(lines: list[str]) -> int | None:
    """Read: body lines.  Write: the index of the closing line ('Adopted unanimously at the 1521st meeting.',
    '80th plenary meeting'), or None.

    A closing line opens a block after a paragraph that ended (or before any text): inside a paragraph a wrapped
    line such as '1143rd meeting on 11 August 1964 and at the 1383rd' (S/RES/274 (1969), after '... expressed by
    the President at the') is the paragraph's text, not its end."""
    previous = ""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if CLOSING_LINE.match(line.replace("*", "")) and (not previous or ENDS_PARAGRAPH.search(previous)):
            return index
        previous = line
    return None


ANNEX_LINE = re.compile(r"\s*\*?Annex(?:es)?(?: [IVX]{1,5})?\*?(?:\s+[A-Z0-9][^\n]{0,300})?\s*$")
ENDS_PARAGRAPH = re.compile(r"(?:[,;:.?،؛，；：。？]\s*(?:<sup>\d{1,3}</sup>\s*)*[\"”’)]?\s*(?:<sup>\d{1,3}</sup>)?"
                            r"|[,;]\d{1,2})\s*$")   # ',27': a footnote number glued to the comma (not '1,000')
ENDS_BEFORE_NUMBER = re.compile(r"(?:[;,]\s*(?:and|or)|[,;:.]\d{1,3})\s*$")
ENDS_INTRO = re.compile(r":\s*(?:<sup>\d{1,3}</sup>\s*)*$")
SECTION_LINE = re.compile(r"\s*(?:Section\s+)?([IVXL]{1,6})\.?\s*$")   # 'II' alone: a section of the resolution
ENDS_ITEM = re.compile(r"(?:[,;]|[,;] (?:and|or))\s*(?:<sup>\d{1,3}</sup>\s*)*[\"”’)]?\s*(?:<sup>\d{1,3}</sup>)?\s*$")


@dataclass
class _Raw:
    kind: str                     # "number" | "label" | "lead"
    number: str | None
    builder: TextBuilder
    children: list["_Raw"] = field(default_factory=list)
    inferred: bool = False        # a sub-paragraph whose printed label the conversion lost
    heading: str | None = None    # the heading printed above it
    opens_section: bool = False   # the first paragraph of a numbered section ('II')

    @property
    def text(self) -> str:
        return self.builder.text


def _starts_paragraph(line: str) -> tuple[str, str | None, str] | None:
    """(kind, number or label, rest of the line) when a line can open a paragraph."""
    number = NUMBER_START.match(line)
    if number:
        return "number", number.group(1), number.group(2) or ""
    label = LABEL_START.match(line)
    if label:
        return "label", label.group(1), label.group(2) or ""
    stripped = line.strip()
    if ITALIC_START.match(stripped) or match_lead(stripped) or match_other_language_lead(stripped):
        return "lead", None, stripped
    return None


def segment(lines: list[str], vocabulary: set[str], blocks_are_paragraphs: bool = False
            ) -> tuple[list[_Raw], list[str], int]:
    """Read: body lines.  Write: raw paragraphs (top level with their sub-paragraphs), warnings, and the index of
    the line where the resolution's own text ends (its closing meeting line or its first annex; len(lines) when
    neither): what follows is read by annexes.read_tail, never dropped.

    When the source knows its paragraphs (PDF indentation, Word and HTML paragraphs), a paragraph starts at
    the first line of each blank-line-separated block and nowhere else, lead phrase or not."""
    paragraphs: list[_Raw] = []
    warnings: list[str] = []
    current: _Raw | None = None
    previous_text = ""
    pending_opener: tuple[str, str | None] | None = None  # a number or label alone on its line
    after_blank = True
    last_number = 0
    headings: list[str] = []
    pending_heading: list[str] = []   # heading lines waiting for the paragraph they stand above
    in_section_title = False          # after 'II': the section's title lines, up to its first paragraph
    opens_section = False
    preface: list[str] = []   # text before the first paragraph opener
    closing = closing_index(lines)
    end = len(lines) if closing is None else closing
    for index, line in enumerate(lines[:closing]):
        if not line.strip():
            after_blank = True
            continue
        block_start, after_blank = after_blank, False
        if ANNEX_LINE.match(line) and block_start and (current is None or ENDS_PARAGRAPH.search(previous_text)):
            end = index
            break  # not 'Annex A to this resolution ...' wrapped inside a paragraph
        opener = _starts_paragraph(line)
        section = SECTION_LINE.match(line)
        if section and pending_opener is None and (current is None or (
                ENDS_PARAGRAPH.search(previous_text) and not ENDS_INTRO.search(previous_text))):
            # 'II' on a line of its own between paragraphs: a new section; its numbering starts again
            pending_heading, in_section_title, opens_section = [section.group(1)], True, True
            headings.append(line.strip())
            last_number = 0
            after_blank = True
            continue
        if in_section_title:
            title_line = opener is not None and opener[0] == "lead" and _is_section_title(lines, index)
            if (opener is None or title_line) and pending_opener is None:
                pending_heading.append(line.strip())   # 'Request for a subvention to the Residual Special Court'
                headings.append(line.strip())
                after_blank = True
                continue
            in_section_title = False
            can_open_section = True
        else:
            can_open_section = False
        if opener is None and block_start:
            misread = OCR_NUMBER_START.match(line)  # '5, Notes ...' where the scan's full stop read as a comma
            if misread and int(misread.group(1)) == last_number + 1 and last_number:
                opener = ("number", misread.group(1), misread.group(2))
        if opener is None and last_number >= 999:
            long_number = LONG_NUMBER_START.match(line)
            if long_number and int(long_number.group(1)) == last_number + 1:
                opener = ("number", long_number.group(1), long_number.group(2) or "")
        if opener is None and pending_opener is None and _is_heading(line, previous_text, current,
                                                                     _next_texts(lines, index), last_number):
            headings.append(line.strip())   # 'MINUSMA mandate', 'I. Political process' (S/RES/2164, 2085)
            pending_heading.append(line.strip())
            after_blank = True
            continue
        if opener is None and block_start and pending_opener is None and not last_number and current is not None \
                and not blocks_are_paragraphs and _opens_by_layout(line, previous_text) \
                and current is paragraphs[-1] and not current.children \
                and not any(ENDS_INTRO.search(part) for part in current.builder.parts):   # not a list's items
            opener = ("lead", None, line.strip())   # 'Ever mindful that ...', 'Looking ahead to ...' (A/RES/80/39)
        if opener is None and block_start and pending_opener is None and _lost_label_item(paragraphs, current,
                                                                                         previous_text, line):
            opener = ("label", _next_label(paragraphs[-1]), line.strip())
            inferred = True
        else:
            inferred = False
        if blocks_are_paragraphs:
            if block_start and opener is None and current is not None:
                opener = ("lead", None, line.strip())
            elif not block_start and pending_opener is None:
                opener = None
        can_open = current is None or bool(ENDS_PARAGRAPH.search(previous_text)) or pending_opener is not None
        if can_open and opener and opener[0] == "lead" and current is not None and pending_opener is None \
                and current.text.count("“") > current.text.count("”") and not block_start:
            can_open = False   # a title in quotation marks wrapped at its comma: '... of All States,' / 'Taking into
        if opener and opener[0] == "number" and int(opener[1]) == last_number + 1 and (
                block_start or ENDS_BEFORE_NUMBER.search(previous_text)
                or (current is not None and any(ENDS_INTRO.search(part) for part in current.builder.parts[:-1]))):
            # the next paragraph number after a blank line, whatever the line before ended with, after a list
            # item ending '; and' (S/RES/2617 (2021)), a footnote number glued to the comma ('2334 (2016),16') or
            # the lines of a list the paragraph introduced with ':' ('judges ...:' + 'Patrick Robinson (Jamaica)')
            can_open = True
        if (blocks_are_paragraphs and block_start) or inferred or can_open_section:
            can_open = True
        if opener and opener[0] == "label" and not can_open and current is not None:
            can_open = _label_goes_on(paragraphs, current, previous_text, opener[1])
        if pending_opener is not None:
            kind, number = pending_opener
            pending_opener = None
            current = _open(paragraphs, current, kind, number, line.strip())
            if _take_heading(paragraphs, current, pending_heading, opens_section):
                pending_heading, opens_section = [], False
            previous_text = line
            continue
        if opener and can_open:
            kind, number, rest = opener
            if kind == "number":
                last_number = int(number)
            if kind in ("number", "label") and not rest.strip():
                pending_opener = (kind, number)
                previous_text = line
                continue
            inner = LABEL_START.match(rest) if kind == "number" else None
            if inner and inner.group(1) in ("a", "i") and inner.group(2):
                # '2. (a) Decides ...' (S/RES/1521 (2003)): the number and the first sub-paragraph on one line
                current = _open(paragraphs, current, kind, number, "")
                kind, number, rest = "label", inner.group(1), inner.group(2)
            current = _open(paragraphs, current, kind, number, rest)
            current.inferred = inferred
            if _take_heading(paragraphs, current, pending_heading, opens_section):
                pending_heading, opens_section = [], False
            previous_text = line
            continue
        if current is None:
            preface.append(line)
            continue
        current.builder.add(line, vocabulary)
        previous_text = line
    if preface and paragraphs:
        # S/RES/1 (1946) opens 'By Article 47 of the Charter, ...; Therefore' before '1. The Security Council
        # requests ...': an unled considerans, kept as a preambular paragraph rather than lost
        builder = TextBuilder()
        for line in preface:
            builder.add(line, vocabulary)
        paragraphs.insert(0, _Raw(kind="lead", number=None, builder=builder))
        warnings.append(f"Text before the first paragraph, without a lead phrase, was kept as a paragraph: "
                        f"{builder.text[:80]!r}")
    else:
        warnings.extend(f"Text before the first paragraph was skipped: {line.strip()[:80]!r}" for line in preface)
    warnings.extend(_settle_lost_labels(paragraphs, vocabulary))
    if headings:
        warnings.append(f"Headings between paragraphs left out of the paragraphs: {'; '.join(headings)[:300]}.")
    return paragraphs, warnings, end


# A preambular lead the vocabulary may lack: a capitalised participle or adjective of attitude, possibly after an
# adverb ('Looking ahead', 'Ever mindful', 'Gravely alarmed'), then a word in lower case (not 'Beijing Declaration').
LAYOUT_LEAD = re.compile(r"\s*(?:(?:Ever|Also|Further|Still|Once again|Again|[A-Z][a-z]+ly) [a-z]+|"
                         r"[A-Z][a-z]{2,}(?:ing|ed)|Mindful|Aware|Conscious|Cognizant|Desirous|Confident|Keen)"
                         r",? (?:[a-z]|\*)")


def _opens_by_layout(line: str, previous_text: str) -> bool:
    """A block after a preambular paragraph that ended with a comma opens a paragraph of its own when it starts
    as leads start (LAYOUT_LEAD), even with a lead the vocabulary does not know: a preambular paragraph ends with
    a comma, and the block after it is the next one."""
    if not re.search(r",\s*(?:<sup>\d{1,3}</sup>\s*)*$", previous_text):
        return False
    match = LAYOUT_LEAD.match(line)
    if not match:
        return False
    first = match.group(0).split()[0].rstrip(",")
    return not (first.endswith("ly") and len(match.group(0).split()) == 2 and not re.search(
        r"(?:ing|ed|ful|ous|ent|ant|ive|ble|ware|scious|nizant)[, ]", match.group(0) + " "))


def layout_lead(text: str) -> str | None:
    """The lead of a preambular paragraph the vocabulary does not know, read off its words: an adverb and an
    adjective or participle ('Ever mindful'), or a participle with its particle ('Looking ahead')."""
    match = LAYOUT_LEAD.match(text)
    if not match:
        return None
    words = re.findall(r"[A-Za-z]+", match.group(0))
    if words[0][0].isupper() and len(words) >= 2 and words[1][0].islower() and (
            words[0] in ("Ever", "Also", "Further", "Still", "Again") or words[0].endswith("ly")):
        return " ".join(words[:2])
    following = re.match(r"\s*\S+\s+(ahead|forward|back|also|further|again)\b", text)
    return f"{words[0]} {following.group(1)}" if following else words[0]


def _take_heading(paragraphs: list[_Raw], current: _Raw, heading: list[str], opens_section: bool) -> bool:
    """Give the heading lines waiting above it to a paragraph just opened at the top level (not to a sub-paragraph);
    True when they were taken."""
    if not heading or current is not paragraphs[-1]:
        return False
    current.heading, current.opens_section = " ".join(heading), opens_section
    return True


def _is_section_title(lines: list[str], index: int) -> bool:
    """A line after a section's number that looks like a lead ('Request for a subvention to the Residual Special
    Court') is the section's title when it and the lines up to the next paragraph opener are short and do not end
    as a paragraph ends; a preambular paragraph there would end with a comma."""
    block = [lines[index].strip()]
    for line in lines[index + 1:index + 6]:
        if not line.strip():
            continue
        if _starts_paragraph(line) is not None or SECTION_LINE.match(line):
            break
        block.append(line.strip())
    text = " ".join(block)
    return len(text) <= 300 and not ENDS_PARAGRAPH.search(text)


def _next_text(lines: list[str], index: int) -> str:
    return next((line for line in lines[index + 1:] if line.strip()), "")


def _next_texts(lines: list[str], index: int, count: int = 2) -> list[str]:
    """The next ``count`` non-blank lines after ``index``."""
    found: list[str] = []
    for line in lines[index + 1:]:
        if line.strip():
            found.append(line)
            if len(found) == count:
                break
    return found + [""] * (count - len(found))


def _is_heading(line: str, previous_text: str, current: _Raw | None, following: list[str] | str,
                last_number: int) -> bool:
    """A section heading between paragraphs ('MINUSMA mandate', 'I. Political process'): a short line without
    closing punctuation, after a paragraph that ended, before the next paragraph number or a lead, or before a
    second heading line that stands above them ('II. Security process' / 'Training of Malian forces' / '6.' in
    S/RES/2085 (2012))."""
    if isinstance(following, list):
        following, after = following[0], following[1]
        if _is_heading(following, previous_text, current, after, last_number):
            return _is_heading(line, previous_text, current, after, last_number)
    text = line.strip()
    if current is None or not ENDS_PARAGRAPH.search(previous_text) or ENDS_INTRO.search(previous_text) or \
            len(text) > 100 or not re.match(r"(?:[IVX]{1,5}\.\s+)?[A-Z]", text) or ENDS_PARAGRAPH.search(text) \
            or (text.endswith(")") and not NUMBER_START.match(following)):
        # after 'the following judges:' a line is the list's ('Patrick Robinson (Jamaica)'); a heading ending with
        # a bracket stands right above the next number ('Security sector reform (SSR)' / '9.', S/RES/2226 (2015))
        return False
    number = NUMBER_START.match(following)
    if number:
        return int(number.group(1)) == last_number + 1
    return bool(ITALIC_START.match(following.strip()) or match_lead(following.strip()))


def _label_goes_on(paragraphs: list[_Raw], current: _Raw, previous_text: str, label: str) -> bool:
    """A label may open a sub-paragraph after text that does not end with ',', ';', ':' or '.' when the text
    before ends a list item with '; and' / '; or' (S/RES/2643 (2022): '(c) ...; and' then '(d)'), or when the
    item before is a heading on one line and the label starts its nested list (S/RES/2531 (2020): '(a) Support
    to the implementation of the Agreement' then '(i) to use ...')."""
    if re.search(r"[;,]\s*(?:and|or|and/or)\s*(?:<sup>\d{1,3}</sup>\s*)*$", previous_text):
        # only the label that goes on from the last one, not '(c)' in 'subparagraphs (a), (b), and (c) of'
        children = paragraphs[-1].children if paragraphs else []
        last = children[-1].number if children else None
        romans = re.compile(r"[ivxl]+")
        return bool(last) and (label == _next_label(paragraphs[-1])
                               or (bool(romans.fullmatch(label)) and bool(romans.fullmatch(last)) and last != "h"))
    heading = current.kind == "label" and len(current.builder.parts) == 1 and len(current.text) < 320
    return heading and label == "i" and bool(re.fullmatch(r"[a-h]|[j-z]", current.number or ""))


def _lost_label_item(paragraphs: list[_Raw], current: _Raw | None, previous_text: str, line: str) -> bool:
    """A block that is a list item whose label ('(a)') the conversion lost (railcar's Markdown of A/RES/80/34):
    it starts with a capital letter, not a number, label or lead, and follows a paragraph ending with ':' (the
    first item) or an item so inferred that ends as items end (';', ',', '; and')."""
    if current is None or not paragraphs or not re.match(r"\s*[A-Z]", line):
        return False
    if current.kind in ("number", "lead") and current is paragraphs[-1] and not current.children:
        return bool(ENDS_INTRO.search(previous_text))
    return current.inferred and bool(ENDS_ITEM.search(previous_text))


def _next_label(parent: _Raw) -> str:
    """The letter after the parent's last sub-paragraph label: 'a', then 'b', ... 'z', 'aa'."""
    if not parent.children:
        return "a"
    last = parent.children[-1].number or ""
    if re.fullmatch(r"[a-y]", last):
        return chr(ord(last) + 1)
    return last + "a" if last else "a"


def _settle_lost_labels(paragraphs: list[_Raw], vocabulary: set[str]) -> list[str]:
    """Read: raw paragraphs with inferred sub-paragraphs.  Write: a single inferred item (not a list: a quoted
    text after 'as follows:') put back into its paragraph; warnings naming the labels supplied."""
    warnings = []
    for paragraph in paragraphs:
        inferred = [c for c in paragraph.children if c.inferred]
        if not inferred:
            continue
        expected = [chr(ord("a") + i) for i in range(len(paragraph.children))]
        if len(paragraph.children) == 1 or [c.number for c in paragraph.children] != expected:
            # one item, or printed labels that do not go on from the supplied ones (S/RES/600 (1987): 'as
            # follows:' + a sentence ending 'containing:' + (a), (b)): the block was text, not an item
            for child in inferred:
                paragraph.builder.add(child.text, vocabulary)
            paragraph.children = [c for c in paragraph.children if not c.inferred]
            continue
        warnings.append(f"Sub-paragraph labels missing in the source were supplied in sequence "
                        f"({', '.join(c.number for c in inferred)}) in the paragraph starting "
                        f"{paragraph.text[:50]!r}.")
    return warnings


def _open(paragraphs: list[_Raw], current: _Raw | None, kind: str, number: str | None, text: str) -> _Raw:
    raw = _Raw(kind=kind, number=number, builder=TextBuilder(text))
    if kind == "label" and paragraphs:
        parent = paragraphs[-1]
        parent.children.append(raw)
        return raw
    paragraphs.append(raw)
    return raw


def _lead_and_text(text: str, body: str | None = None) -> tuple[str | None, str]:
    """The lead phrase (italic where marked, else from the vocabulary, ended where the body's style ends
    its italics) and the text without markup."""
    lead = None
    italic = re.match(r"\s*\*([^*\n]{1,80})\*", text)
    if italic:
        lead = italic.group(1).strip().rstrip(",")
    plain = clean_text(text)
    if lead is None or not plain.startswith(lead):
        lead = match_lead(plain, body) or match_other_language_lead(plain) or lead
    return lead, plain


def clean_text(text: str) -> str:
    """Markers and italic asterisks removed, whitespace collapsed, one line."""
    text = MARKER.sub("", text)
    text = text.replace("*", "")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;:.])", r"\1", text)
    return text


def _refs(text: str) -> list[str]:
    refs: list[str] = []
    for marker in MARKER.findall(text):
        if marker not in refs:
            refs.append(marker)
    return refs


def build_paragraphs(raws: list[_Raw], body: str | None = None) -> tuple[list[Paragraph], list[str]]:
    """Read: raw paragraphs and the body ('Security Council').  Write: Paragraph objects with kind, number,
    lead, text, sub-paragraphs, refs.  Where the source has no italics the lead ends where the body's
    house style ends it (leads.match_lead).

    Paragraphs before the first numbered one are preambular; from it on they are
    operative.  An unnumbered paragraph among operative ones (a number lost in
    conversion) takes the next number, with a warning.
    """
    out: list[Paragraph] = []
    warnings: list[str] = []
    operative = False
    last_number = 0
    in_sections = False
    for raw in raws:
        if raw.opens_section:
            operative = False   # a section opens with preambular paragraphs of its own, then numbers from 1
            in_sections = True
        if raw.kind == "number":
            operative = True
            last_number = int(raw.number)
            number = raw.number
        elif operative:
            last_number += 1
            number = str(last_number)
            warnings.append(f"Operative paragraph without a number after paragraph {last_number - 1}; "
                            f"numbered {number}.")
        else:
            number = None
        lead, text = _lead_and_text(raw.text, body)
        if not text and raw.children:
            lead = _lead_and_text(raw.children[0].text, body)[0]   # '2. (a) Decides ...': the first item's lead
        if operative and lead is None:
            verb = re.match(r"([A-Z][a-z]{2,20}(?:es|s))(?= [a-z(])", text)
            if verb and not verb.group(1).endswith("ss"):
                lead = verb.group(1)  # a verb the vocabulary lacks ('Undertakes', 'Holds'): its first word
                warnings.append(f"Lead of operative paragraph {number} taken from its first word: {lead!r}.")
            else:
                warnings.append(f"No lead phrase found for operative paragraph {number}.")
        if not operative and lead is None:
            lead = layout_lead(text)   # 'Ever mindful', 'Looking ahead': a lead the vocabulary lacks
        if not operative and lead is None:
            warnings.append(f"No lead phrase found for preambular paragraph {text[:60]!r}.")
        subparagraphs = [SubParagraph(label=c.number, text=clean_text(c.text), footnote_refs=_refs(c.text))
                         for c in raw.children]
        kind = "operative" if operative else "preambular"
        if in_sections and not operative and _reads_operative(lead, text):
            kind = "operative"   # a section of one unnumbered paragraph: 'II / Title / Decides to ...'
        out.append(Paragraph(kind=kind, text=text, number=number, lead=lead, subparagraphs=subparagraphs,
                             footnote_refs=_refs(raw.text), heading=raw.heading))
    if not operative and not in_sections:
        _unnumbered_operative(out)
    return out, warnings


def _reads_operative(lead: str | None, text: str) -> bool:
    """Led by a verb in the third person ('Decides', 'Also requests') and not ending as a preambular paragraph."""
    first = (lead or "").split(" ")
    verb = next((w for w in first if not w.endswith("ly") and w not in ("Also", "Further", "Again", "Once")), "")
    return verb.endswith("s") and not verb.endswith("ss") and not text.endswith(",")


def _unnumbered_operative(paragraphs: list[Paragraph]) -> None:
    """A resolution without numbered paragraphs ('The General Assembly / Adopts the Declaration ...', the old
    Security Council 'Resolves that ...'): its closing paragraphs led by a verb in the third person are operative."""
    for paragraph in reversed(paragraphs):
        if _reads_operative(paragraph.lead, paragraph.text):
            paragraph.kind = "operative"
        else:
            break
