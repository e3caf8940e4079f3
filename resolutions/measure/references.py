"""Reference texts for conservation: the words a source holds, read without the parser.

    pdf_reference(path)        pdftotext's plain text of each page, page furniture removed by pattern
    plain_reference(text)      a text file (or a text extraction) with its page furniture removed
    markdown_reference(text)   a markdown file's body: front matter, tags and footnote syntax left out
    sc_gold_reference(text)    a hand-corrected SC text minus its heading and its closing vote lines
    (akn_text.akn_reference    the UN's XML's own text)

Page furniture is what the UN prints on every page and a reader skips: job numbers ('18-16895 (E)',
'23-21227', with the date code '071118'), the barcode ('*1816895*'), page numbers ('2/10', 'Page 3'),
the masthead 'United Nations' line, 'Please recycle', the running symbol (a line that repeats the
document's symbol) and, in PDFs, the running title: a short block at a page's top or foot that
recurs on other pages.  Nothing here knows what a paragraph is.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from resolutions.un.bodies import SECURITY_COUNCIL, SERIES_OF
from resolutions.un.symbols import ASSEMBLY_NUMBER, RESOLUTION_SERIES_PATTERN, SERIES_LETTER, resolution_symbol

JOB_NUMBER = re.compile(r"(?<![\d/.-])\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?![\d-])")
BARCODE = re.compile(r"\*\d{7,8}\*")
PAGE_NUMBER = re.compile(r"\d{1,3}/\d{1,3}|Page \d{1,3}(?: of \d{1,3})?|\d{1,3}")
SYMBOL = re.compile(rf"(?:{RESOLUTION_SERIES_PATTERN})/[A-Z0-9][A-Za-z0-9./()\- ]{{2,60}}")
FURNITURE_LINE = re.compile(r"United Nations|Nations Unies|Please recycle|\(E\)|\d{6}|\d{7}[A-Z]?")


def _furniture_free(line: str, symbols: set[str]) -> str:
    """A line without job numbers and barcodes; empty when what is left is a page number, a date code, the
    masthead or the running symbol."""
    text = BARCODE.sub(" ", JOB_NUMBER.sub(" ", line)).strip()
    if not text:
        return ""
    squashed = re.sub(r"\s+", "", text)
    for symbol in symbols:   # '8/9 A/C.3/78/L.41', 'A/RES/73/3'
        if symbol in squashed:
            rest = squashed.replace(symbol, "")
            if not rest or PAGE_NUMBER.fullmatch(rest):
                return ""
    if PAGE_NUMBER.fullmatch(text) or FURNITURE_LINE.fullmatch(text):
        return ""
    return line if text == line.strip() else text


def first_symbol(lines: list[str]) -> str | None:
    """The document symbol as the masthead prints it: the first line that is a UN symbol (or ends with one,
    after 'United Nations'), spaces removed."""
    for line in lines[:60]:
        match = re.fullmatch(rf"\s*(?:United Nations\s+)?({SYMBOL.pattern})\s*", line)
        if match:
            return re.sub(r"\s+", "", match.group(1))
    return None


def plain_reference(text: str, symbol: str | None = None) -> str:
    """A text with its page furniture removed; the running symbol is the masthead's symbol (or ``symbol``),
    kept where it is printed first."""
    lines = text.replace("\r\n", "\n").replace("\f", "\n").split("\n")
    symbols = {s for s in (symbol and re.sub(r"\s+", "", symbol), first_symbol(lines)) if s}
    out: list[str] = []
    seen_symbol = False
    title = _printed_title(lines)
    running = _running_title_lines(lines, title) if title else set()
    for index, line in enumerate(lines):
        if index in running:
            continue
        squashed = re.sub(r"\s+", "", line)
        masthead = re.sub(r"^UnitedNations", "", squashed)
        if not seen_symbol and masthead in symbols:
            seen_symbol = True
            out.append(re.sub(r"^\s*United Nations\s+", "", line))
            continue
        out.append(_furniture_free(line, symbols))
    return "\n".join(out)


def _printed_title(lines: list[str]) -> tuple[str, int] | None:
    """The title of an adopted GA resolution as printed under its number ('80/1. Participation by ...', with
    its wrapped lines), and the index of its last line."""
    for index, line in enumerate(lines[:80]):
        match = re.match(rf"\s*{ASSEMBLY_NUMBER}\.(?:\s+(\S.*))?$", line)
        if match:
            words = [match.group(1) or ""]
            end = index
            while not match.group(1) and end + 1 < len(lines) and not lines[end + 1].strip():
                end += 1   # '73/8.' alone, the title after a blank line (pdftotext)
            while end + 1 < len(lines) and lines[end + 1].strip() and not re.match(r"\s*The ", lines[end + 1]):
                end += 1
                words.append(lines[end])
            return " ".join(re.findall(r"\w+", " ".join(words).casefold())), end
    return None


def _running_title_lines(lines: list[str], title: tuple[str, int]) -> set[int]:
    """Indexes of the lines of blocks (lines between blank lines) after the printed title that repeat it."""
    found: set[int] = set()
    start = None
    for index, line in enumerate(lines + [""]):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            if start > title[1] and _running_title(" ".join(lines[start:index]), title[0]):
                found.update(range(start, index))
            start = None
    return found


def _running_title(line: str, title: str) -> bool:
    """A page header repeating the title, often cut to its first or last words: a line of three words or more,
    no closing punctuation, whose words run on in the title."""
    words = " ".join(re.findall(r"\w+", line.casefold()))
    return len(words.split()) >= 3 and not re.search(r"[,;:.]\s*$", line) and f" {words} " in f" {title} "


def pdf_text(path: Path) -> str:
    """pdftotext's reading-order text, pages separated by form feeds."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                            timeout=120)
    return result.stdout.decode("utf-8", errors="replace")


def _blocks(page: str) -> list[str]:
    return [b for b in re.split(r"\n\s*\n", page) if b.strip()]


def _words(block: str) -> str:
    return " ".join(re.findall(r"\w+", block.casefold()))


def pdf_reference(path: Path) -> str:
    """The PDF's text without page furniture: the running title is a short block among the first or last
    three blocks of a page that recurs on another page, word for word."""
    pages = pdf_text(path).split("\f")
    edges: dict[str, int] = {}
    for page in pages:
        blocks = _blocks(page)
        for block in set(_words(b) for b in blocks[:3] + blocks[-3:]):
            if 0 < len(block.split()) <= 40:
                edges[block] = edges.get(block, 0) + 1
    running = {block for block, count in edges.items() if count >= 2}
    kept_pages = []
    for page in pages:
        blocks = _blocks(page)
        edge = set(blocks[:3] + blocks[-3:])
        kept_pages.append("\n\n".join(b for b in blocks if not (b in edge and _words(b) in running)))
    return plain_reference("\n\n".join(kept_pages))


MD_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def markdown_reference(text: str) -> str:
    """The markdown's body: the YAML front matter, HTML tags (``<sup>``) and the footnote syntax ``[^3]:``
    left out (their words stay); page furniture removed as in a text file."""
    body = MD_FRONT_MATTER.sub("", text.replace("\r\n", "\n"), count=1)
    body = re.sub(r"</?[a-zA-Z][^<>\n]{0,200}>", " ", body)
    body = re.sub(r"\[\^(\d{1,4})\]:?", r" \1 ", body)
    return plain_reference(body)


SC, SC_RES = re.escape(SECURITY_COUNCIL), re.escape(resolution_symbol(SERIES_OF[SECURITY_COUNCIL], ""))
SC_HEADING_LINE = re.compile(
    r"(?:RESOLUTION|Resolution)\s+\d{1,4}\s*\(\d{4}\)\.?(?:\s+.*)?|\d{1,4}\s*\(\d{4}\)\.?\s+Resolution\b.*"
    rf"|(?:of|on)\s+\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}|\[{SERIES_LETTER}/[^\]]{{1,40}}\]|Adopted by the {SC}\b.*"
    rf"|(?:on\s+)?\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}|United Nations\s+{SC_RES}.*|{SC_RES}.*|{SC}(?:\s+Distr\..*)?"
    r"|Distr\..*")
SUBJECT_LINE = re.compile(rf"\s*The {SC}\s*,?\s*$")


def sc_gold_reference(text: str) -> str:
    """A cr-unsc-gold text without its heading (the lines above 'The Security Council,' that give the
    resolution's number, date, draft symbol or adoption meeting) and without its closing vote lines
    ('Adopted unanimously at the 1521st meeting.', with the vote's own footnote)."""
    lines = text.replace("\r\n", "\n").split("\n")
    # heading: up to the subject line when it comes early; heading-shaped lines anyway
    subject = next((i for i, line in enumerate(lines[:25]) if SUBJECT_LINE.match(line)), None)
    head_end = subject if subject is not None else 0
    body = [line for line in lines[:head_end] if not SC_HEADING_LINE.fullmatch(line.strip()) and line.strip()]
    rest = lines[head_end:]
    if subject is None:
        while rest and (not rest[0].strip() or SC_HEADING_LINE.fullmatch(rest[0].strip())):
            rest = rest[1:]
    # closing: the last 'Adopted ...' line that ends the text part, up to its end or the footnotes after it
    closing = next((i for i in range(len(rest) - 1, -1, -1) if re.match(r"\s*Adopted\b", rest[i])), None)
    if closing is not None:
        end = closing + 1
        while end < len(rest) and rest[end].strip() and not re.match(r"\s*\d{1,3}\s+[A-Z]", rest[end]):
            end += 1   # 'Adopted unanimously at the' / '1521st meeting.'
        vote_line = " ".join(rest[closing:end])
        vote_note = re.search(r"(?:meeting\.?|\))\s*\.?\s*(\d{1,3})\s*$", vote_line)
        tail = rest[end:]
        if vote_note:   # '... by 13 votes to none.49' and the note '49 One member (China) did not ...'
            tail = _without_note(tail, vote_note.group(1))
        rest = rest[:closing] + tail
    return plain_reference("\n".join(body + rest))   # the later texts are typed from UN print: job numbers, 'Page 2'


def _without_note(lines: list[str], marker: str) -> list[str]:
    out: list[str] = []
    skipping = False
    for line in lines:
        if re.match(rf"\s*{marker}\s+\S", line):
            skipping = True
            continue
        if skipping and line.strip() and not re.match(r"\s*\d{1,3}\s+\S", line):
            continue
        skipping = False
        out.append(line)
    return out
