"""Structuring, part two (a): what one body line is.

Read: a body line (with the archive's inline markup), and for some predicates the text before it and the lines
after it.  Write: nothing but answers: does it open a paragraph (a number, a label, a lead phrase), is it a
closing meeting line, a section's number or title, a heading between paragraphs, a preambular paragraph that
opens by its layout.  ``body.segment`` asks these questions line by line.
"""
from __future__ import annotations

import re

from .leads import match_lead, match_other_language_lead

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


def starts_paragraph(line: str) -> tuple[str, str | None, str] | None:
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

# A preambular lead the vocabulary may lack: a capitalised participle or adjective of attitude, possibly after an
# adverb ('Looking ahead', 'Ever mindful', 'Gravely alarmed'), then a word in lower case (not 'Beijing Declaration').
LAYOUT_LEAD = re.compile(r"\s*(?:(?:Ever|Also|Further|Still|Once again|Again|[A-Z][a-z]+ly) [a-z]+|"
                         r"[A-Z][a-z]{2,}(?:ing|ed)|Mindful|Aware|Conscious|Cognizant|Desirous|Confident|Keen)"
                         r",? (?:[a-z]|\*)")


def opens_by_layout(line: str, previous_text: str) -> bool:
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


def is_section_title(lines: list[str], index: int) -> bool:
    """A line after a section's number that looks like a lead ('Request for a subvention to the Residual Special
    Court') is the section's title when it and the lines up to the next paragraph opener are short and do not end
    as a paragraph ends; a preambular paragraph there would end with a comma."""
    block = [lines[index].strip()]
    for line in lines[index + 1:index + 6]:
        if not line.strip():
            continue
        if starts_paragraph(line) is not None or SECTION_LINE.match(line):
            break
        block.append(line.strip())
    text = " ".join(block)
    return len(text) <= 300 and not ENDS_PARAGRAPH.search(text)


def next_texts(lines: list[str], index: int, count: int = 2) -> list[str]:
    """The next ``count`` non-blank lines after ``index``."""
    found: list[str] = []
    for line in lines[index + 1:]:
        if line.strip():
            found.append(line)
            if len(found) == count:
                break
    return found + [""] * (count - len(found))


def is_heading(line: str, previous_text: str, current: object | None, following: list[str] | str,
                last_number: int) -> bool:
    """A section heading between paragraphs ('MINUSMA mandate', 'I. Political process'): a short line without
    closing punctuation, after a paragraph that ended, before the next paragraph number or a lead, or before a
    second heading line that stands above them ('II. Security process' / 'Training of Malian forces' / '6.' in
    S/RES/2085 (2012))."""
    if isinstance(following, list):
        following, after = following[0], following[1]
        if is_heading(following, previous_text, current, after, last_number):
            return is_heading(line, previous_text, current, after, last_number)
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
