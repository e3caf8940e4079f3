"""PDF extraction, stages 1 to 5 (see extract_pdf): a page's characters to words and lines, the page furniture and
the footnotes set apart from the body.

Read: PDF bytes, then pdfplumber pages.  Write: ``Word`` and ``Line`` values (text, font, size, position), the body
lines without running headers and footers, and the footnote lines below the rule.  No Django.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from resolutions.un.symbols import RESOLUTION_SERIES_PATTERN

from .document import ParseError

FURNITURE_TEXT = re.compile(
    r"^(?:\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})?(?:\s+\d{6})?|\*?\d{7}[A-Z]?\*?|\d{1,3}\s*/\s*\d{1,3}"
    r"(?:\s+\d{2}-\d{5}.*)?|\d{1,3}|Please recycle.*)$")
# a symbol alone is the running header at the top; at the foot it may be the last line of a footnote
SYMBOL_LINE = re.compile(rf"^(?:{RESOLUTION_SERIES_PATTERN})/\S+(?:\s\(\d{{4}}\))?$")
JOB_NUMBER = re.compile(r"\b\d{2}-\d{5}\b|^\*?\d{7}[A-Z]?\*?$")
RULE_TEXT = re.compile(r"^_{5,}$")
MARGIN = 0.085         # share of the page height that counts as top or bottom margin
ITALIC_FONT = re.compile(r"Italic|Oblique|-It\b|It$|-Ital", re.IGNORECASE)
MARK = "\x00"          # prefix of a marker word's text


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    italic: bool
    bold: bool

    @property
    def marker(self) -> bool:
        return self.text.startswith(MARK)


@dataclass
class Line:
    words: list[Word]
    page: int
    top: float
    x0: float
    size: float

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)


def open_pdf(data: bytes):
    """Read: bytes.  Write: a pdfplumber PDF, or ParseError saying why not."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except PDFPasswordIncorrect as exc:
        raise ParseError("The PDF is encrypted (password protected); upload an unprotected copy.") from exc
    except Exception as exc:  # pdfminer raises many kinds of errors for broken files
        causes = [exc, *exc.args, exc.__cause__, exc.__context__]   # pdfplumber wraps pdfminer's errors
        name = type(exc).__name__
        if any(isinstance(c, PDFPasswordIncorrect) or "Encrypt" in type(c).__name__ or "Password" in type(c).__name__
               for c in causes if c is not None) or "encrypt" in str(exc).lower():
            raise ParseError("The PDF is encrypted (password protected); upload an unprotected copy.") from exc
        raise ParseError(f"The PDF cannot be read (it may be truncated or damaged): {name}.") from exc
    if not pages:
        raise ParseError("The PDF has no pages.")
    return pdf


def page_words(page) -> list[Word]:
    """Read: a pdfplumber page.  Write: its upright words with font facts (barcode fonts skipped)."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False, use_text_flow=False,
                               extra_attrs=["fontname", "size"])
    out = []
    for w in words:
        if not w.get("upright", True):
            continue
        font = w.get("fontname", "") or ""
        if "barcode" in font.lower() or "code39" in font.lower():
            continue
        out.append(Word(text=w["text"], x0=float(w["x0"]), x1=float(w["x1"]), top=float(w["top"]),
                        bottom=float(w["bottom"]), size=round(float(w.get("size", 0)), 1),
                        italic=bool(ITALIC_FONT.search(font)), bold="Bold" in font))
    return out


def page_rules(page) -> list[float]:
    """Read: a pdfplumber page.  Write: tops of short horizontal rules in its lower half (footnote rules)."""
    tops = []
    for item in list(page.lines) + list(page.rects):
        width = float(item["x1"]) - float(item["x0"])
        height = abs(float(item["bottom"]) - float(item["top"]))
        if 30 <= width <= 0.6 * float(page.width) and height <= 2 and float(item["top"]) > 0.4 * float(page.height):
            tops.append(float(item["top"]))
    return sorted(set(round(t, 1) for t in tops))


def page_lines(words: list[Word], page_number: int, body_size: float) -> list[Line]:
    """Read: words.  Write: lines top to bottom; small raised digits are markers on the line they sit on."""
    def candidate(w: Word) -> bool:
        return w.size <= 0.8 * body_size and re.fullmatch(r"\d{1,3}", w.text) is not None

    normal = sorted((w for w in words if not candidate(w)), key=lambda w: (round(w.top), w.x0))
    small = [w for w in words if candidate(w)]
    lines: list[Line] = []
    for word in normal:
        if lines and abs(word.bottom - lines[-1].words[-1].bottom) <= 2.5 + abs(word.size - lines[-1].size) / 2:
            lines[-1].words.append(word)
        else:
            lines.append(Line(words=[word], page=page_number, top=word.top, x0=word.x0, size=word.size))
    for marker in small:
        baseline_line = next((ln for ln in lines if any(abs(w.bottom - marker.bottom) <= 1.0 for w in ln.words)), None)
        host = next((ln for ln in lines if ln.top - 4 <= marker.top and marker.bottom <= max(w.bottom for w in ln.words)
                     - 0.15 * ln.size), None)
        if baseline_line is not None and host is None:
            baseline_line.words.append(marker)       # a small number printed on the line (footnote text)
            continue
        marked = Word(MARK + marker.text, marker.x0, marker.x1, marker.top, marker.bottom, marker.size, False, False)
        if host is None:
            # A marker alone on its own row: it opens the footnote line just below it.
            below = [ln for ln in lines if 0 <= ln.top - marker.top <= 6]
            if below:
                below[0].words.append(marked)
            continue
        host.words.append(marked)
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
        line.x0 = line.words[0].x0
        line.top = min(w.top for w in line.words if not w.marker) if any(not w.marker for w in line.words) else line.top
        line.size = Counter(w.size for w in line.words if not w.marker).most_common(1)[0][0]
    return sorted(lines, key=lambda ln: ln.top)


def _signature(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text)


def drop_furniture(pages: list[list[Line]], heights: list[float], body_size: float) -> list[list[Line]]:
    """Read: lines per page.  Write: the same without running headers, footers, job numbers, page numbers."""
    repeated = Counter()
    for lines, height in zip(pages, heights):
        seen = set()
        for line in lines:
            if line.top < MARGIN * height or line.top > (1 - MARGIN) * height:
                seen.add((_signature(line), round(line.top / 10)))
        repeated.update(seen)
    several = len(pages) > 1
    out = []
    for index, (lines, height) in enumerate(zip(pages, heights)):
        kept = []
        for line in lines:
            top_margin = line.top < MARGIN * height
            bottom_margin = line.top > (1 - MARGIN) * height
            text = line.text.replace(MARK, "")
            if top_margin or bottom_margin:
                if FURNITURE_TEXT.match(text) or JOB_NUMBER.search(text):
                    continue
                if top_margin and index > 0 and SYMBOL_LINE.match(text):
                    continue
                if several and repeated[(_signature(line), round(line.top / 10))] > 1:
                    continue
                if index > 0 and top_margin and line.size < body_size:
                    continue                      # the small running header (title, symbol) of later pages
                if bottom_margin and re.fullmatch(r"[\d\s/–-]+", text):
                    continue
            kept.append(line)
        out.append(kept)
    return out


def split_footnotes(lines: list[Line], rules: list[float], body_size: float,
                    last_marker: str | None = None) -> tuple[list[Line], list[list[Line]]]:
    """Read: a page's lines, its rules and the number of the last footnote on earlier pages.  Write: body
    lines and the page-foot footnotes (lines per note).

    The foot begins below a drawn rule or a row of underscores when what lies below is footnotes: set
    smaller than the body, or (LibreOffice sets Word's footnotes in the body size with an unraised
    number) opening with a footnote number.  Failing a rule, it begins at the first small-font line
    in the lower half that opens with a marker or the next footnote number, below which all is small.  A foot that does not open with a marker is returned
    as a note of its own with no marker: it continues the previous page's last footnote."""
    start = None
    text_rule = next((i for i, ln in enumerate(lines) if RULE_TEXT.match(ln.text)), None)
    if text_rule is not None:
        body, foot = lines[:text_rule], lines[text_rule + 1:]
        start = text_rule
    else:
        for rule in rules:
            below = [ln for ln in lines if ln.top > rule]
            if below and (all(ln.size < body_size for ln in below)
                          or (all(ln.size <= body_size for ln in below) and _opens_note(below[0], below, last_marker))):
                start = len(lines) - len(below)
                break
        if start is None:
            start = next((i for i, ln in enumerate(lines) if ln.size < 0.92 * body_size and i > len(lines) // 2
                          and all(x.size < body_size for x in lines[i:])
                          and _opens_note(ln, lines[i:], last_marker)), None)
        if start is None:
            return lines, []
        body, foot = lines[:start], lines[start:]
    notes: list[list[Line]] = []
    for line in foot:
        first = line.words[0]
        previous = notes[-1][0].words[0].text.lstrip(MARK) if notes and notes[-1][0].words[0].marker else last_marker
        if _opens_note(line, foot, previous):
            if not first.marker:
                line.words[0] = Word(MARK + first.text, first.x0, first.x1, first.top, first.bottom, first.size,
                                     False, False)
            notes.append([line])
        elif notes:
            notes[-1].append(line)
        else:
            notes.append([line])               # continuation of the previous page's footnote
    return body, notes


def _opens_note(line: Line, foot: list[Line], previous: str | None) -> bool:
    """Does this line of a page foot open a footnote?  A raised marker does; so does a plain number at the
    foot's left edge that stands apart from the text after it, or that comes next after the previous
    note's number (LibreOffice: '2 Ibid., annex II.', or '6' alone when a note has no text).  A wrapped
    line that merely starts with a figure ('1994 (United Nations publication ...)', '10 December 1948 ...')
    does not."""
    first = line.words[0]
    if first.marker:
        return True
    if not re.fullmatch(r"\d{1,3}", first.text) or line.x0 >= min(ln.x0 for ln in foot) + 12:
        return False
    apart = len(line.words) > 1 and first.x1 + 6 < line.words[1].x0
    in_sequence = int(first.text) == (int(previous) + 1 if previous and previous.isdigit() else 1)
    follows = line.words[1].text if len(line.words) > 1 else ""
    return apart or (in_sequence and not re.match(r"[a-z]|(?:January|February|March|April|May|June|July|August|"
                                                  r"September|October|November|December)\b", follows))
