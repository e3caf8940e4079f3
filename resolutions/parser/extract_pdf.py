"""PDF extraction with pdfplumber: characters with fonts, sizes and positions in, an Extraction out.

Stages 1 to 5 are in pdf_layout.py, 6 and 7 here.

Stages (each reads and writes plain values):

1. ``open_pdf``: bytes -> pdfplumber document (ParseError when encrypted,
   truncated or not a PDF).
2. ``page_words``: a page -> words rebuilt from character positions
   (pdfplumber's ``extract_words`` groups characters by distance, so ``use``
   never comes out as ``us e``), each with its font, size and position;
   ``page_rules``: a page -> the tops of short horizontal rules (the footnote rule).
3. ``page_lines``: words -> lines; a small digit raised above the line it sits
   on is a footnote marker on that line.
4. ``drop_furniture``: lines in the top and bottom margins that are running
   headers or footers (job numbers, page numbers, the symbol, text repeated at
   the same place on several pages, small print above the body) go.
5. ``split_footnotes``: the lines below the footnote rule (a drawn line or a
   row of underscores, or failing that the small-font lines at the page foot
   that open with a marker) become footnotes; below a rule, body-size lines
   that open with the next footnote number count too (LibreOffice's layout
   of Word footnotes); a foot that opens without a marker continues the
   previous page's last footnote.
6. ``group_blocks``: body lines -> blocks.  Above ``The General Assembly,``
   every header line is its own block (a title wrapped over two lines stays
   one); below it a block starts at an indented line (or, where numbered
   paragraphs hang, at a line moving back left or at the next label) or a
   wide vertical gap; at a page break only after a short line ending a
   clause, so a paragraph cut by a page break is one block.
7. ``render_block``: a block -> one line of the markdown dialect: words spaced
   by their real gaps, italic runs as ``*...*``, markers as ``<sup>N</sup>``,
   line-end hyphenation repaired (``devel-`` + ``opment``; ``anti-trafficking``
   kept).
"""
from __future__ import annotations

import re
from collections import Counter
from statistics import median

from resolutions.un.bodies import MASTHEAD_NAMES, names_pattern
from resolutions.un.symbols import SERIES_LETTER

from .document import Footnote, ParseError
from .extraction import Extraction
from .leads import match_lead
from .pdf_layout import MARK, Line, Word, drop_furniture, open_pdf, page_lines, page_rules, page_words, split_footnotes
from .wrapping import join_lines, word_vocabulary

SUBJECT = re.compile(rf"^\*?The (?:{names_pattern(MASTHEAD_NAMES)})\*?\s*,?\s*$")



def group_blocks(lines: list[Line], body_size: float) -> list[list[Line]]:
    """Read: body lines of all pages in order.  Write: blocks of lines, one per paragraph or header line."""
    body_lines = [ln for ln in lines if ln.size == body_size]
    margin = Counter(round(ln.x0) for ln in body_lines).most_common(1)[0][0] if body_lines else 0
    starts = Counter(round(ln.x0) for ln in body_lines)
    leftmost = min((x for x, n in starts.items() if n >= 0.1 * len(body_lines)), default=margin)
    right = max((ln.x1 for ln in body_lines), default=0)
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if a.page == b.page and a.size == b.size == body_size
             and 0 < b.top - a.top < 3 * body_size]
    leading = median(steps) if steps else 1.2 * body_size
    hanging = _hanging_numbers(lines, leading)
    blocks: list[list[Line]] = []
    in_header = True
    previous: Line | None = None
    for line in lines:
        text = line.text.replace(MARK, "")
        if previous is None:
            blocks.append([line])
        elif in_header:
            close = 0 < line.top - previous.top < 1.6 * line.size and line.size == previous.size
            # a wrapped header line: the previous one ran to the right edge, or both are in the large
            # title fonts (titles and 'Resolution adopted by ...' are set ragged and centred)
            wrapped = close and not SUBJECT.match(text) and (previous.x1 > right - 0.2 * (right - margin)
                                                             or (line.size > body_size and line.size < 16))
            if wrapped:
                blocks[-1].append(line)
            else:
                blocks.append([line])
        elif _bare_number(previous.text):
            blocks[-1].append(line)   # '1.' alone on its line, its paragraph on the lines below
        elif SUBJECT.match(previous.text.replace(MARK, "").replace(" ,", ",")) or _bare_number(text):
            blocks.append([line])     # the line after 'The Security Council,' and a number alone open paragraphs
        else:
            same_page = line.page == previous.page
            gap = same_page and line.top - previous.top > 1.3 * leading
            if hanging:
                # 'N.' at the left, the text hanging under its first word: a paragraph starts where a line
                # moves back to the left, or at the next label in the same column ('3.' below '2.').
                # A paragraph without a number among them may indent its first line instead: moving right after
                # a line that is not a numbered one's first opens it, moving left without a label after a line
                # that did not end a clause is its continuation.
                labelled = LABEL.match(text) is not None
                clause_ended = re.search(r"[,;:.]$", previous.text.replace(MARK, "").rstrip("0123456789 ")) is not None
                indented = (line.x0 < previous.x0 - 8 and (labelled or clause_ended)) \
                    or (labelled and line.x0 < previous.x0 + 2) \
                    or (line.x0 > previous.x0 + 8 and LABEL.match(previous.text.replace(MARK, "")) is None
                        and previous.x0 < line.x0 - 8 and not _in_hanging_text(blocks[-1], line))
            else:
                # indented from the margin, or (where numbered paragraphs set every line at the indent and so
                # make it the commonest start) from the line above: a first line indented after a paragraph's
                # last line at the margin; or a lead after a short line that ended a clause
                # a lead after a line that ended a clause and was short or itself a first line at the indent
                # (a paragraph of one line: 'Reaffirming the purposes and principles of the Charter ...,')
                indented = line.x0 > margin + 8 or line.x0 > previous.x0 + 8 or (
                    same_page and (previous.x1 < right - 0.15 * (right - margin)
                                   or (previous.x0 > leftmost + 8 and abs(line.x0 - previous.x0) < 3))
                    and re.search(r"[,;:.]$", previous.text.replace(MARK, "").rstrip("0123456789 ")) is not None
                    and match_lead(text) is not None)
            # No gap tells where a page's first paragraph starts; a clause ended on the page before, on a short
            # line or before a label ('(d) To promote ...'), does.
            ended = not same_page and re.search(r"[,;:.]$", previous.text.replace(MARK, "").rstrip("0123456789 ")) \
                is not None and (previous.x1 < right - 0.15 * (right - margin) or LABEL.match(text) is not None)
            if gap or indented or ended or line.size != previous.size:
                blocks.append([line])
            else:
                blocks[-1].append(line)
        if SUBJECT.match(text.replace(" ,", ",")):
            in_header = False
        previous = line
    return blocks


LABEL = re.compile(r"(?:\d{1,3}\.|\([a-z]{1,4}\))(?:\s|$)")


def _in_hanging_text(block: list[Line], line: Line) -> bool:
    """The line sits in the text column of a numbered paragraph set hanging ('1.' at the margin, its text under
    the first word): the block opened with a label and its second word starts where this line does."""
    first = block[0]
    if LABEL.match(first.text.replace(MARK, "")) is None or len(first.words) < 2:
        return False
    return abs(first.words[1].x0 - line.x0) < 8


def _bare_number(text: str) -> bool:
    """'1.' alone on its line: the Security Council's drafts since about 2010 print each operative number so."""
    return re.fullmatch(r"\s*\d{1,3}\.\s*", text.replace(MARK, "")) is not None


def _hanging_numbers(lines: list[Line], leading: float) -> bool:
    """Are numbered paragraphs set with a hanging indent (Word list numbering as LibreOffice prints it:
    '1.' at the margin, the next lines indented under the text)?  The UN's own layout indents the first
    line instead, so the line after 'N.' starts further left."""
    votes = Counter()
    for line, following in zip(lines, lines[1:]):
        if line.page == following.page and 0 < following.top - line.top < 1.5 * leading \
                and re.match(r"\d{1,3}\.(?:\s|$)", line.text.replace(MARK, "")):
            votes[following.x0 > line.x0 + 8] += 1
    return votes[True] > votes[False]


def _split_wide_gaps(block: list[Line]) -> list[list[Line]]:
    """A header line with a wide gap holds two items side by side ('United Nations   A/RES/73/3')."""
    if len(block) != 1:
        return [block]
    line = block[0]
    parts = [[line.words[0]]]
    for word in line.words[1:]:
        if word.x0 - parts[-1][-1].x1 > 40:
            parts.append([word])
        else:
            parts[-1].append(word)
    return [[Line(words=p, page=line.page, top=line.top, x0=p[0].x0, size=line.size)] for p in parts]


def render_words(lines: list[Line], vocabulary: set[str]) -> str:
    """Read: the lines of a block.  Write: one line of text with *italic* runs and <sup>N</sup> markers."""
    pieces: list[tuple[str, bool, bool]] = []    # (text, italic, space_before)
    for line_index, line in enumerate(lines):
        previous_word: Word | None = None
        for word in line.words:
            if word.marker:
                pieces.append((f"<sup>{word.text[1:]}</sup>", False, False))
                previous_word = word
                continue
            if previous_word is None:
                space = line_index > 0
            else:
                space = word.x0 - previous_word.x1 > 0.12 * word.size
            if previous_word is None and line_index > 0 and pieces:
                # a line break: repair hyphenation against the document's own words
                last_text = pieces[-1][0]
                joined = join_lines(last_text, word.text, vocabulary)
                if joined == last_text + word.text or joined == last_text[:-1] + word.text:
                    pieces[-1] = (last_text[:-1] if joined == last_text[:-1] + word.text else last_text,
                                  pieces[-1][1], pieces[-1][2])
                    space = False
            pieces.append((word.text, word.italic, space))
            previous_word = word
    out = []
    index = 0
    while index < len(pieces):
        text, italic, space = pieces[index]
        if italic and text.strip(",;:.()"):
            run = [pieces[index]]
            index += 1
            while index < len(pieces) and pieces[index][1]:
                run.append(pieces[index])
                index += 1
            joined = run[0][0] + "".join((" " if s else "") + t for t, _, s in run[1:])
            core = re.match(r"^(.*?)([,;:.]*)$", joined, re.S)
            out.append((" " if space and out else "") + f"*{core.group(1)}*{core.group(2)}")
            continue
        out.append((" " if space and out else "") + text)
        index += 1
    # A list number set on a tab stop ends where the text begins ('10.' then 'Invites'): still two words.
    return re.sub(r"^(\d{1,3}\.)(?=[A-Za-z*])", r"\1 ", "".join(out).strip())


def _glue_symbol(blocks: list[str]) -> list[str]:
    """The UN prints the first letter of a symbol large ('A' then '/RES/73/3'): glue it back."""
    out: list[str] = []
    for text in blocks:
        if out and re.fullmatch(SERIES_LETTER, out[-1]) and text.startswith("/"):
            out[-1] = out[-1] + text
        elif out and re.fullmatch(SERIES_LETTER, out[-1]) and re.search(r"(?:^|\s)/[A-Z]", text):
            letter = out.pop()
            parts = re.split(r"(?<=\s)(?=/[A-Z])", text, maxsplit=1)
            out.extend(p.strip() for p in ([parts[0]] if len(parts) == 1 else parts[:1]) if p.strip())
            out.append(letter + (parts[1] if len(parts) > 1 else ""))
        else:
            out.append(re.sub(rf"^({SERIES_LETTER})\s+(/[A-Z0-9])", r"\1\2", text))
    return out


def pdf_extraction(data: bytes) -> Extraction:
    """Bytes of a PDF in, an Extraction (one block per paragraph, footnotes from the page feet) out."""
    pdf = open_pdf(data)
    try:
        pages_words, heights, rules = [], [], []
        for page in pdf.pages:
            pages_words.append(page_words(page))
            heights.append(float(page.height))
            rules.append(page_rules(page))
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError(f"The PDF cannot be read (it may be truncated or damaged): {type(exc).__name__}.") from exc
    finally:
        pdf.close()
    sizes = Counter(w.size for words in pages_words for w in words)
    if not sizes:
        raise ParseError("The PDF has no text layer (it may be a scan); run OCR on it first.")
    body_size = sizes.most_common(1)[0][0]
    pages = [page_lines(words, i, body_size) for i, words in enumerate(pages_words)]
    pages = drop_furniture(pages, heights, body_size)
    body_lines: list[Line] = []
    notes: list[list[Line]] = []
    for lines, page_rule_tops in zip(pages, rules):
        last_marker = notes[-1][0].words[0].text[1:] if notes else None
        body, page_notes = split_footnotes(lines, page_rule_tops, body_size, last_marker)
        body_lines.extend(body)
        for note in page_notes:
            if not note[0].words[0].marker and notes:
                notes[-1].extend(note)
            elif note[0].words[0].marker:
                notes.append(note)
    vocabulary = word_vocabulary([ln.text for ln in body_lines] + [ln.text for n in notes for ln in n])
    blocks: list[str] = []
    for block in group_blocks(body_lines, body_size):
        for part in _split_wide_gaps(block) if len(block) == 1 and _has_wide_gap(block[0]) else [block]:
            text = render_words(part, vocabulary)
            if text:
                blocks.append(text)
    blocks = _glue_symbol(blocks)
    footnotes = []
    for note in notes:
        marker = note[0].words[0].text[1:]
        first = Line(words=note[0].words[1:], page=note[0].page, top=note[0].top, x0=note[0].x0, size=note[0].size)
        lines = ([first] if first.words else []) + note[1:]
        footnotes.append(Footnote(marker=marker, text=render_words(lines, vocabulary) if lines else ""))
    markdown = "\n\n".join(blocks)
    warnings = [] if footnotes or "<sup>" not in markdown else [
        "Footnote markers were found in the PDF but no footnote text at the page feet."]
    return Extraction(format="pdf", markdown=markdown, footnotes=footnotes, paragraphs_known=True, warnings=warnings)


def _has_wide_gap(line: Line) -> bool:
    return any(b.x0 - a.x1 > 40 for a, b in zip(line.words, line.words[1:]))


def extract_pdf(data: bytes) -> Extraction:
    """The entry point the pipeline calls: the stages above, and any failure as a ParseError naming it."""
    try:
        return pdf_extraction(data)
    except ParseError:
        raise
    except Exception as exc:  # a file odd enough to break a stage is still the user's bad input, not a crash
        raise ParseError(f"The PDF could not be read ({type(exc).__name__}); it may be damaged.") from exc
