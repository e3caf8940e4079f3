"""PDF extraction with pdfplumber: characters with fonts, sizes and positions in, an Extraction out.

Stages (each reads and writes plain values):

1. ``open_pdf``: bytes -> pdfplumber document (ParseError when encrypted,
   truncated or not a PDF).
2. ``page_words``: a page -> words rebuilt from character positions, each with
   its font, size and position (pdfplumber groups characters by distance, so
   ``use`` never comes out as ``us e``).
3. ``page_lines``: words -> lines; a superscript (smaller, raised) joins the
   line it sits on and becomes a ``<sup>N</sup>`` marker; italic runs that
   open an indented line become ``*lead*``.
4. ``drop_furniture``: lines in the top and bottom margins that are running
   headers or footers (the symbol, job numbers, page numbers, barcodes, or any
   text repeated at the same place on several pages) go.
5. ``split_footnotes``: the lines below a footnote rule (or in the small
   footnote font at the page foot) become footnotes, a marker opening each.
6. ``to_markdown``: body lines, in page order, as the archive's markdown dialect;
   a paragraph cut by a page break simply continues on the next line, and the
   shared structuring step joins it.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field

from .document import Footnote, ParseError
from .extraction import Extraction

FURNITURE_TEXT = re.compile(
    r"^(?:\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})?(?:\s+\d{6})?|\*?\d{7}\*?|\d{1,3}\s*/\s*\d{1,3}|\d{1,3}|"
    r"(?:[AES]|A/HRC)/\S+(?:\s\(\d{4}\))?|Please recycle.*)$")
RULE_TEXT = re.compile(r"^_{5,}$")
MARGIN = 0.085         # share of the page height that counts as top or bottom margin


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


@dataclass
class Line:
    words: list[Word]
    page: int
    top: float
    x0: float
    size: float
    sup_before: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


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
        name = type(exc).__name__
        if "Encrypt" in name or "Password" in name or "encrypt" in str(exc).lower():
            raise ParseError("The PDF is encrypted (password protected); upload an unprotected copy.") from exc
        raise ParseError(f"The PDF cannot be read (it may be truncated or damaged): {name}.") from exc
    if not pages:
        raise ParseError("The PDF has no pages.")
    return pdf


def page_words(page) -> list[Word]:
    """Read: a pdfplumber page.  Write: its words with font facts, upright text only."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False, use_text_flow=False,
                               extra_attrs=["fontname", "size"])
    out = []
    for w in words:
        if not w.get("upright", True):
            continue
        font = w.get("fontname", "")
        if "barcode" in font.lower():
            continue
        out.append(Word(text=w["text"], x0=w["x0"], x1=w["x1"], top=w["top"], bottom=w["bottom"],
                        size=round(float(w.get("size", 0)), 1),
                        italic=bool(re.search(r"Italic|Oblique|-It\b|It$", font)), bold="Bold" in font))
    return out


def page_lines(words: list[Word], page_number: int, body_size: float) -> list[Line]:
    """Read: words.  Write: lines top to bottom; small raised digits are markers on the line they sit on."""
    normal = sorted((w for w in words if w.size > 0.8 * body_size or not re.fullmatch(r"\d{1,3}", w.text)),
                    key=lambda w: (round(w.top), w.x0))
    small = [w for w in words if w.size <= 0.8 * body_size and re.fullmatch(r"\d{1,3}", w.text)]
    lines: list[Line] = []
    for word in normal:
        if lines and abs(word.top - lines[-1].top) <= 2.5:
            lines[-1].words.append(word)
        else:
            lines.append(Line(words=[word], page=page_number, top=word.top, x0=word.x0, size=word.size))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
        line.x0 = line.words[0].x0
        line.size = Counter(w.size for w in line.words).most_common(1)[0][0]
    for marker in small:
        host = None
        for line in lines:
            bottom = max(w.bottom for w in line.words)
            if line.top - 4 <= marker.top <= bottom - 1:
                host = line
                break
        if host is None:
            # A marker alone on its own row: it opens the footnote line just below it.
            below = [ln for ln in lines if 0 <= ln.top - marker.top <= 4]
            if below:
                below[0].sup_before.append(marker.text)
                below[0].words.insert(0, Word(f"\x00{marker.text}", marker.x0, marker.x1, marker.top, marker.bottom,
                                              marker.size, False, False))
            continue
        host.words.append(Word(f"\x00{marker.text}", marker.x0, marker.x1, marker.top, marker.bottom, marker.size,
                               False, False))
        host.words.sort(key=lambda w: w.x0)
    return sorted(lines, key=lambda ln: ln.top)


def _signature(line: Line) -> str:
    return re.sub(r"\d", "#", line.text)


def drop_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Read: lines per page.  Write: the same without running headers, footers, job numbers, page numbers."""
    repeated = Counter()
    for lines, height in zip(pages, heights):
        seen = set()
        for line in lines:
            if line.top < MARGIN * height or line.top > (1 - MARGIN) * height:
                seen.add((_signature(line), round(line.top / 10)))
        repeated.update(seen)
    out = []
    for index, (lines, height) in enumerate(zip(pages, heights)):
        kept = []
        for line in lines:
            in_margin = line.top < MARGIN * height or line.top > (1 - MARGIN) * height
            text = line.text.replace("\x00", "")
            if in_margin and (FURNITURE_TEXT.match(text) or repeated[(_signature(line), round(line.top / 10))] > 1
                              or (index > 0 and line.top < MARGIN * height)):
                continue
            if line.top > (1 - MARGIN) * height and re.search(r"\d{2}-\d{5}", text):
                continue
            kept.append(line)
        out.append(kept)
    return out


def split_footnotes(lines: list[Line], body_size: float) -> tuple[list[Line], list[Footnote]]:
    """Read: a page's lines.  Write: body lines and the footnotes at the page foot.

    The foot begins at a rule of underscores, or at the first line in the small
    footnote font that opens with a marker in the lower part of the page."""
    rule = next((i for i, ln in enumerate(lines) if RULE_TEXT.match(ln.text)), None)
    if rule is None:
        rule = next((i for i, ln in enumerate(lines) if ln.size < 0.92 * body_size and ln.words[0].text.startswith("\x00")
                     and i > len(lines) // 2), None)
        if rule is None:
            return lines, []
        body, foot = lines[:rule], lines[rule:]
    else:
        body, foot = lines[:rule], lines[rule + 1:]
    notes: list[Footnote] = []
    for line in foot:
        first = line.words[0].text
        marker = re.fullmatch(r"\x00?(\d{1,3})", first)
        if marker and (first.startswith("\x00") or len(line.words) > 1):
            notes.append(Footnote(marker=marker.group(1), text=_plain(line.words[1:])))
        elif notes:
            notes[-1].text = _join(notes[-1].text, _plain(line.words))
    return body, notes


def _plain(words: list[Word]) -> str:
    return " ".join(w.text.replace("\x00", "") for w in words).strip()


def _join(left: str, right: str) -> str:
    if left.endswith("-") and right[:1].islower():
        return left[:-1] + right
    return f"{left} {right}".strip()


def render_line(line: Line, indented: bool) -> str:
    """A line in the markdown dialect: markers as <sup>N</sup>, an opening italic run as *lead*."""
    parts: list[str] = []
    words = line.words
    start = 0
    if indented and words and re.fullmatch(r"\d{1,3}\.|\([a-z]{1,4}\)", words[0].text) and not words[0].italic:
        parts.append(words[0].text)  # the paragraph number; the italic lead follows it
        start = 1
    if indented:
        first = start
        while start < len(words) and words[start].italic and not words[start].text.startswith("\x00"):
            start += 1
        if start > first:
            lead = " ".join(w.text for w in words[first:start])
            trailing = re.search(r"[,;:.]+$", lead)
            lead_text = lead[: trailing.start()] if trailing else lead
            parts.append(f"*{lead_text}*" + (trailing.group(0) if trailing else ""))
    for word in words[start:]:
        if word.text.startswith("\x00"):
            marker = f"<sup>{word.text[1:]}</sup>"
            if parts:
                parts[-1] += marker
            else:
                parts.append(marker)
        else:
            parts.append(word.text)
    return " ".join(parts)


def extract_pdf(data: bytes) -> Extraction:
    """Bytes of a PDF in, an Extraction (markdown body, footnotes from the page feet) out."""
    pdf = open_pdf(data)
    try:
        pages_words = []
        heights = []
        for page in pdf.pages:
            pages_words.append(page_words(page))
            heights.append(float(page.height))
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
    pages = drop_furniture(pages, heights)
    body_lines: list[Line] = []
    footnotes: list[Footnote] = []
    for lines in pages:
        body, notes = split_footnotes(lines, body_size)
        body_lines.extend(body)
        footnotes.extend(notes)
    left = Counter(round(ln.x0) for ln in body_lines if ln.size == body_size).most_common(1)
    margin = left[0][0] if left else 0
    out: list[str] = []
    previous: Line | None = None
    for line in body_lines:
        indented = line.x0 > margin + 8
        gap = previous is not None and line.page == previous.page and line.top - previous.top > 2.2 * body_size
        if previous is not None and (gap or indented or line.size != previous.size):
            out.append("")
        out.append(_glue_symbol(render_line(line, indented)))
        previous = line
    warnings = [] if footnotes or "<sup>" not in "\n".join(out) else [
        "Footnote markers were found in the PDF but no footnote text at the page feet."]
    # Blocks are paragraphs: a new one starts only at an indented line, a change of size or a wide gap,
    # so a paragraph that runs on to the next page stays one block.
    return Extraction(format="pdf", markdown="\n".join(out), footnotes=footnotes, paragraphs_known=True,
                      warnings=warnings)


def _glue_symbol(text: str) -> str:
    """The UN prints the first letter of a symbol large ('A' then '/RES/73/3'): glue it back."""
    return re.sub(r"^([AES])\s+(/[A-Z0-9])", r"\1\2", text)
