"""Structuring, part three: what follows the resolution's own text (closing lines, annexes, the rest).

Reads the body lines from where ``body.segment`` stopped (the closing meeting line or the first annex
line) and writes:

* the meeting of the closing line ('18th plenary meeting', 'Adopted unanimously at the 1521st meeting.')
  into ``votes.meeting`` and its date line, when it is the stored date, nowhere else; an 'Adopted ...' sentence
  with its wrapped lines and its vote (adoption type, counts, states named, the vote's note) through
  ``closing_vote`` into ``votes``;
* each annex ('Annex', 'Annex I', 'Annexes', 'Annex A', 'Appendix II', on a line of its own) as an
  ``Annex``: its label, the short lines under it as its title, then its blocks as paragraphs (numbered:
  kind "operative" with its number; before the first number, led by a lead phrase: "preambular";
  otherwise "text"), lettered blocks '(a)' as sub-paragraphs, a short line without closing punctuation
  as the heading of the paragraph below it;
* every other line (notes after the closing line that no paragraph cites, text the step cannot place)
  into ``unplaced``, word for word in reading order, with a warning.

Footnote lines after the closing line that paragraphs cite are taken by ``pipeline.trailing_footnotes``;
the caller passes their markers so they are not kept twice.
"""
from __future__ import annotations

import re

from .body_lines import CLOSING_LINE, ENDS_PARAGRAPH, LABEL_START, NUMBER_START
from .closing_vote import join_wrapped, read_closing_vote, read_vote_note, sentence_ended
from .document import Annex, Paragraph, ParsedDocument, SubParagraph, Votes
from .paragraphs import clean_text, lead_and_text, marker_refs
from .wrapping import TextBuilder
from .words import DATE_PATTERN, parse_date

ANNEX_HEAD = re.compile(
    r"\s*\*?((?:Annex(?:es)?|Appendix|Appendices|Attachment|Enclosure)"
    r"(?:\s+(?:[IVXL]{1,6}|[A-Z]|\d{1,2})(?:\s+(?:and|to)\s+(?:[IVXL]{1,6}|[A-Z]|\d{1,2}))?)?)\*?\s*(?:\*?(.*?)\*?)?\s*$")
MEETING = re.compile(r"(\d{1,5}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting)")
TRAILING_NOTE = re.compile(r"\s*(\d{1,3})\.?\s+(\S.*)")
MAX_TITLE = 300
MAX_CLOSING_LINES = 8   # the longest closing sentence of the compilations wraps over five lines


def annex_head(line: str) -> tuple[str, str] | None:
    """('Annex I', title on the same line or '') when a line opens an annex; a label alone or followed by a
    short title without closing punctuation, never a sentence that starts with 'Annex'."""
    match = ANNEX_HEAD.fullmatch(line.replace("*", " ").strip())
    if not match:
        return None
    rest = (match.group(2) or "").strip()
    if rest and (len(rest) > MAX_TITLE or re.search(r"[,;]$", rest) or re.match(r"(?:to|of|and|is|was)\b", rest)):
        return None
    return re.sub(r"\s+", " ", match.group(1)), rest


def _blocks(lines: list[str]) -> list[list[str]]:
    """Lines grouped into blocks: a blank line ends a block, and so does a line that ended a paragraph when the next
    one opens with a paragraph number or a label ('4. We stress ...' right under paragraph 3, as conversions that
    lost the blank lines print them)."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
            continue
        if current and ENDS_PARAGRAPH.search(current[-1]) and (
                (NUMBER_START.match(line) and NUMBER_START.match(line).group(2)) or LABEL_START.match(line)):
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def read_tail(lines: list[str], doc: ParsedDocument, note_markers: set[str]) -> None:
    """Read: the body lines after the resolution's own text, and the markers of the footnotes already taken from
    them.  Write: doc.votes.meeting, doc.annexes, doc.unplaced and warnings (see the module docstring)."""
    index = 0
    unplaced: list[str] = []
    while index < len(lines) and not annex_head(lines[index]):
        line = lines[index].strip()
        index += 1
        if not line:
            continue
        plain = line.replace("*", "")
        meeting = MEETING.search(plain)
        if CLOSING_LINE.match(plain) or (meeting and doc.votes is None and re.match(r"\d{1,5}(?:st|nd|rd|th)\b", plain)):
            if plain.startswith("Adopted"):
                # 'Adopted at the 876th meeting' / 'by 9 votes to none, with 2' / 'abstentions (Poland, ...).'
                sentence = [line]
                while (index < len(lines) and lines[index].strip() and len(sentence) < MAX_CLOSING_LINES
                       and not sentence_ended(join_wrapped(sentence)) and not annex_head(lines[index])):
                    sentence.append(lines[index])
                    index += 1
                votes, rest, marker = read_closing_vote(join_wrapped(sentence))
                if votes is not None:
                    if marker:
                        read_vote_note(_note_text(lines[index:], marker), votes)
                    _keep_closing_vote(doc, votes)
                    if rest:
                        unplaced.append(rest)
                    continue
            if meeting:
                doc.votes = doc.votes or Votes()
                doc.votes.meeting = doc.votes.meeting or re.sub(r"\s+", " ", meeting.group(1))
            if not re.search(r"meeting\b", plain) and index < len(lines) and MEETING.search(lines[index]):
                # 'Adopted unanimously at the' / '1521st meeting.'
                doc.votes = doc.votes or Votes()
                doc.votes.meeting = doc.votes.meeting or MEETING.search(lines[index]).group(1)
                line = f"{line} {lines[index].strip()}"
                index += 1
            rest = _closing_rest(line, doc)
            if rest:
                unplaced.append(rest)
            continue
        if re.fullmatch(DATE_PATTERN, plain) and parse_date(plain) == doc.date:
            continue   # the adoption date under the meeting line: the stored date
        note = TRAILING_NOTE.fullmatch(plain)
        if note and note.group(1) in note_markers:
            while index < len(lines) and lines[index].strip() and not TRAILING_NOTE.fullmatch(lines[index]):
                index += 1   # the note's continuation lines, taken with it
            continue
        unplaced.append(line)
    doc.annexes = read_annexes(lines[index:], doc.body)
    if unplaced:
        doc.unplaced.extend(_joined(unplaced))
        doc.warnings.append(f"Text after the resolution that is not an annex was kept as unplaced text: "
                            f"{' '.join(unplaced)[:120]!r}.")


def _note_text(lines: list[str], marker: str) -> str:
    """The text of the note with this marker among the lines after the closing sentence, its wrapped lines joined."""
    for start, line in enumerate(lines):
        note = TRAILING_NOTE.fullmatch(line.replace("*", ""))
        if note and note.group(1) == marker:
            text = [note.group(2)]
            for following in lines[start + 1:]:
                if not following.strip() or TRAILING_NOTE.fullmatch(following):
                    break
                text.append(following)
            return join_wrapped(text)
    return ""


def _keep_closing_vote(doc: ParsedDocument, votes: Votes) -> None:
    """The closing sentence's vote, keeping a meeting the header read first ('Adopted by the Security Council at its
    4653rd meeting')."""
    if doc.votes is not None and doc.votes.meeting:
        votes.meeting = doc.votes.meeting
    doc.votes = votes


def _closing_rest(line: str, doc: ParsedDocument) -> str:
    """The words of a closing line that no field holds: '... by 13 votes to none.' after the meeting."""
    text = re.sub(r"\s+", " ", line.replace("*", "")).strip()
    text = re.sub(r"^(?:\d{1,5}(?:st|nd|rd|th) (?:plenary )?meeting|Adopted (?:unanimously |without (?:a )?vote )?"
                  r"at (?:the |its )?\d{1,5}(?:st|nd|rd|th) meeting)[.,]?\s*", "", text)
    if doc.date and parse_date(text) == doc.date and re.fullmatch(rf"(?:on )?{DATE_PATTERN}\.?", text):
        return ""
    return text


def _joined(lines: list[str]) -> list[str]:
    """Unplaced lines as paragraphs of plain text (markers written as the source prints them, '22', not markup):
    wrapped lines joined until one ends a sentence."""
    out: list[str] = []
    builder = TextBuilder()
    for line in lines:
        line = re.sub(r"<sup>(\d{1,3})</sup>", r" \1", line).replace("*", "")
        builder.add(line)
        if re.search(r"[.;:!?]\s*$", line):
            out.append(builder.text)
            builder = TextBuilder()
    if builder.parts:
        out.append(builder.text)
    return out


def read_annexes(lines: list[str], body: str | None) -> list[Annex]:
    """Read: lines that start with an annex line.  Write: one Annex per annex line."""
    annexes: list[Annex] = []
    start = None
    for index, line in enumerate(lines + [None]):
        if line is None or (annex_head(line) and (index == 0 or not lines[index - 1].strip()
                                                   or ENDS_PARAGRAPH.search(lines[index - 1]) is None
                                                   and len(lines[index - 1]) < 120)):
            if start is not None:
                annexes.append(read_annex(lines[start:index], body))
            start = index
    return annexes


def read_annex(lines: list[str], body: str | None) -> Annex:
    """One annex: its label line, its title (the short lines under it, up to the first block that is a
    paragraph), then its paragraphs."""
    label, same_line_title = annex_head(lines[0])
    blocks = _blocks(lines[1:])
    title_lines = [same_line_title] if same_line_title else []
    while blocks and _is_title_block(blocks[0], title_lines):
        title_lines += [line.strip() for line in blocks.pop(0)]
    title = clean_text(" ".join(title_lines)) or None
    return Annex(label=label, title=title, paragraphs=annex_paragraphs(blocks, body))


def _is_title_block(block: list[str], title_so_far: list[str]) -> bool:
    text = " ".join(line.strip() for line in block)
    if NUMBER_START.match(text) or LABEL_START.match(text) or re.match(r"[IVXL]{1,6}\.\s", text):
        return False   # a numbered paragraph, an item, or the annex's first heading ('I. Title and composition')
    return len(text) + sum(len(t) for t in title_so_far) <= MAX_TITLE and not re.search(r"[,;:.]\s*$", text) \
        and len(title_so_far) < 4


def _is_heading(text: str) -> bool:
    return len(text) <= 120 and not re.search(r"[,;.]\s*(?:<sup>\d{1,3}</sup>)?$", text) \
        and not NUMBER_START.match(text) and not LABEL_START.match(text) and bool(re.match(r"[*(\[]?[A-Z0-9]", text))


def annex_paragraphs(blocks: list[list[str]], body: str | None) -> list[Paragraph]:
    """Blocks of an annex as paragraphs: a block continues the one before when that did not end a paragraph and
    this one starts in lower case (a page break); a short unpunctuated block is the heading of the next."""
    texts: list[str] = []
    for block in blocks:
        builder = TextBuilder()
        for line in block:
            builder.add(line)
        text = builder.text
        if texts and re.match(r"[a-z]", text) and not ENDS_PARAGRAPH.search(texts[-1]):
            texts[-1] = f"{texts[-1]} {text}"
        else:
            texts.append(text)
    numbered_seen = any(NUMBER_START.match(t) for t in texts)
    paragraphs: list[Paragraph] = []
    heading: list[str] = []
    pending_number = ""
    for position, text in enumerate(texts):
        if pending_number:   # '1.' alone on its line, the paragraph's text in the next block
            text, pending_number = f"{pending_number} {text}", ""
        elif re.fullmatch(r"\s*\d{1,3}\.\s*", text) and position + 1 < len(texts):
            pending_number = text.strip()
            continue
        following = texts[position + 1] if position + 1 < len(texts) else None
        if following is not None and _is_heading(text) and not LABEL_START.match(following or ""):
            heading.append(clean_text(text))
            continue
        number = NUMBER_START.match(text)
        label = LABEL_START.match(text)
        if label and paragraphs and label.group(2):
            paragraphs[-1].subparagraphs.append(SubParagraph(label=label.group(1), text=clean_text(label.group(2)),
                                                             footnote_refs=marker_refs(label.group(2))))
            continue
        if number and number.group(2):
            lead, plain = lead_and_text(number.group(2), body)
            paragraph = Paragraph(kind="operative", text=plain, number=number.group(1), lead=lead,
                                  footnote_refs=marker_refs(number.group(2)))
        else:
            lead, plain = lead_and_text(text, body)
            before_numbers = numbered_seen and not any(p.kind == "operative" for p in paragraphs)
            # a declaration's preamble: led paragraphs ending as preambular paragraphs end, before the numbers
            kind = "preambular" if before_numbers and lead and re.search(r"[,;]\s*$", plain) else "text"
            paragraph = Paragraph(kind=kind, text=plain, lead=lead if kind == "preambular" else None,
                                  footnote_refs=marker_refs(text))
        if heading:
            paragraph.heading = " ".join(heading)
            heading = []
        paragraphs.append(paragraph)
    if heading:   # headings with nothing under them: kept as text rather than lost
        paragraphs.append(Paragraph(kind="text", text=" ".join(heading)))
    return paragraphs


# 'Adopts the following political declaration approved by ...: United to end tuberculosis: ...' (A/RES/73/3): the
# text adopted follows in the resolution's own body, not in an annex.
ADOPTS_FOLLOWING = re.compile(
    r"(?:Adopts|Approves|Endorses|Proclaims|Solemnly proclaims|Decides to adopt) the following\s+"
    r"((?:political |ministerial |solemn )?(?:declaration|programme of action|plan of action|outcome document|"
    r"principles|guidelines|rules|text)\b)[^:]{0,400}:\s*(.*)$", re.IGNORECASE | re.S)


def split_adopted_text(doc: ParsedDocument) -> None:
    """Read: doc.paragraphs.  Write: a declaration (or programme, principles...) that a paragraph adopts 'as
    follows' and that the source prints right after it, moved out of the resolution's paragraphs into an Annex of
    its own; the adopting paragraph is operative paragraph 1 when it had no number.

    The paragraphs after it are the adopted text's: its preamble ('We, Heads of State and Government ...'), kind
    "preambular", and its numbered paragraphs, kind "operative" with their own numbers; none stays an operative
    paragraph of the resolution.  The label is the kind of text as the paragraph names it ('Political
    declaration'), the title what follows the colon ('United to end tuberculosis: ...') when the source prints
    one there."""
    for index, paragraph in enumerate(doc.paragraphs):
        match = ADOPTS_FOLLOWING.match(paragraph.text)
        rest = doc.paragraphs[index + 1:]
        if not match or not rest or paragraph.subparagraphs:
            continue
        numbered = [p for p in rest if p.number]
        if not numbered or (paragraph.number and numbered[0].number != "1"):
            continue   # nothing numbered follows, or the numbering goes on: the resolution's own paragraphs
        title = match.group(2).strip() or None
        if title:
            paragraph.text = paragraph.text[:match.start(2)].rstrip()
        if paragraph.number is None:
            paragraph.number = "1"
        paragraph.kind = "operative"
        for item in rest:
            if item.number is None:
                item.kind = "preambular" if not any(p.number for p in rest[:rest.index(item)]) else "text"
        label = match.group(1)[0].upper() + match.group(1)[1:].lower()
        doc.annexes.insert(0, Annex(label=label, title=title, paragraphs=rest))
        doc.paragraphs = doc.paragraphs[:index + 1]
        doc.warnings.append(f"The {match.group(1).lower()} adopted in paragraph {paragraph.number} is kept as a part "
                            f"of its own ({len(rest)} paragraphs), not as the resolution's paragraphs.")
        return


GLUED_ANNEX = re.compile(r"(?<=[.;])\s+(Annex(?:es)?(?: (?:[IVXL]{1,6}|[A-Z]))?)(?:\s+(?=[A-Z])(.*))?$")


def split_restarted_numbering(doc: ParsedDocument) -> None:
    """Read: doc.paragraphs.  Write: the paragraphs from a numbering that starts again at 1 moved into an Annex.

    A resolution not in sections numbers its operative paragraphs once; '1.' again after paragraph 39 is an
    annex whose 'Annex' line was not recognised (glued to the last paragraph's text by a conversion, or lost).
    A sectioned resolution restarts under a heading ('II'): those are left alone.  The label and title glued to
    the end of the last paragraph ('... seized of the matter. Annex Procedures for ...') are taken back from it."""
    last, last_index = 0, -1
    for index, paragraph in enumerate(doc.paragraphs):
        if paragraph.kind != "operative" or not (paragraph.number or "").isdigit():
            continue
        number = int(paragraph.number)
        # a section ('II' and its title) puts its heading on its first paragraph, preambular or operative
        under_heading = any(p.heading for p in doc.paragraphs[last_index + 1:index + 1])
        if number == 1 and last >= 2 and not under_heading and index > 0:
            previous = doc.paragraphs[index - 1]
            glued = GLUED_ANNEX.search(previous.text)
            label, title = "Annex", None
            moved = doc.paragraphs[index:]
            if glued:
                label, rest = glued.group(1), (glued.group(2) or "").strip()
                previous.text = previous.text[:glued.start()].rstrip()
                if len(rest) <= MAX_TITLE and not re.search(r"[.;:]$", rest):
                    title = rest or None
                else:   # the annex's title and first paragraph ran on together: kept as its first text
                    moved = [Paragraph(kind="text", text=rest)] + moved
            doc.annexes.insert(0, Annex(label=label, title=title, paragraphs=moved))
            doc.paragraphs = doc.paragraphs[:index]
            doc.warnings.append(f"The numbering starts again at 1 after operative paragraph {last}: the "
                                f"{len(moved)} paragraphs from there are kept as an annex, not as the resolution's.")
            return
        last, last_index = number, index
