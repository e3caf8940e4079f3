"""The page's furniture: what a UN page prints in its margins (job numbers, barcodes, page numbers, the running
symbol), read off the lines of a text extraction.

Read: lines (after text_stages).  Write: lines without the furniture, with the PAGE sentinel where it stood (the
end of a page's footnote area), and the facts the furniture told (the document's symbol).
"""
from __future__ import annotations

import re

from resolutions.un.symbols import RESOLUTION_SERIES_PATTERN, RUNNING_SYMBOL, SERIES_LETTER

from .text_stages import PAGE, RULE

JOB_NUMBER = re.compile(r"\d{2}-\d{5}(?:\s*\([A-Z]\))?|\d{7}[A-Z]?|\d{2}-\d{5}\s*\*\d{7}\*")
PAGE_LINE = re.compile(r"(?:\d{1,3}\s+)?(?:\d{2}-\d{5}|\d{7})(?:\s+\d{1,3})?|\d{1,3}|\d{1,3}/\d{1,3}|Page \d{1,3}(?: of \d{1,3})?")


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
                    rf"|{RUNNING_SYMBOL}"
                    r"|Please recycle|United Nations")
FURNITURE_LINE = re.compile(rf"(?:(?:{_FURNITURE_PIECE})\s*){{1,8}}")
# What only furniture prints: a job number, a barcode, or a page of pages beside the symbol or the job number.
FURNITURE_MARK = re.compile(rf"\d{{2}}-\d{{5}}|\*\d{{7}}\*|Please recycle|^\d{{7}}[A-Z]?(?={SERIES_LETTER}/)")


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
    ``running_symbol``.
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
            running = SYMBOL_IN_MARGIN.search(line)
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
    # ('*2321227*A/C.3/78/L.41', '2/9 23-21227A/C.3/78/L.41'): printed on two pages or more, it is the symbol
    # the header reads when nothing above names one.
    repeated = [symbol for symbol in dict.fromkeys(running_symbols) if running_symbols.count(symbol) >= 2]
    if len(repeated) == 1:
        facts["running_symbol"] = repeated[0]
    return out, facts


SYMBOL_ALONE = re.compile(RUNNING_SYMBOL)
SYMBOL_IN_MARGIN = re.compile(rf"(?:^|\d|\*|\s)({RUNNING_SYMBOL})")
