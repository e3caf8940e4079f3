"""Structuring, part two (b): the body below 'The General Assembly,' (paragraphs, leads, sub-paragraphs, markers).

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

What each line is is asked of body_lines; the raw paragraphs become Paragraph objects in paragraphs.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .body_lines import (
    ANNEX_LINE,
    ENDS_BEFORE_NUMBER,
    ENDS_INTRO,
    ENDS_ITEM,
    ENDS_PARAGRAPH,
    LABEL_START,
    LONG_NUMBER_START,
    OCR_NUMBER_START,
    SECTION_LINE,
    closing_index,
    is_heading,
    is_section_title,
    next_texts,
    opens_by_layout,
    starts_paragraph,
)
from .wrapping import TextBuilder


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
        opener = starts_paragraph(line)
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
            title_line = opener is not None and opener[0] == "lead" and is_section_title(lines, index)
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
        if opener is None and pending_opener is None and is_heading(line, previous_text, current,
                                                                     next_texts(lines, index), last_number):
            headings.append(line.strip())   # 'MINUSMA mandate', 'I. Political process' (S/RES/2164, 2085)
            pending_heading.append(line.strip())
            after_blank = True
            continue
        if opener is None and block_start and pending_opener is None and not last_number and current is not None \
                and not blocks_are_paragraphs and opens_by_layout(line, previous_text) \
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


def _take_heading(paragraphs: list[_Raw], current: _Raw, heading: list[str], opens_section: bool) -> bool:
    """Give the heading lines waiting above it to a paragraph just opened at the top level (not to a sub-paragraph);
    True when they were taken."""
    if not heading or current is not paragraphs[-1]:
        return False
    current.heading, current.opens_section = " ".join(heading), opens_section
    return True


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
