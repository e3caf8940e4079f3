"""Word (.docx) extraction with python-docx: paragraphs, numbering, italic runs and real footnotes.

Stages (each reads and writes plain values):

1. ``open_docx``: bytes -> python-docx Document (ParseError for a file that is not
   a Word package, e.g. a renamed zip without ``word/document.xml``).
2. ``read_numbering``: the numbering part -> a ``Numbering`` that says, for a
   paragraph's ``w:numPr`` (or its style's), the label Word shows ("1.", "(a)").
3. ``read_footnotes``: the footnotes part (``word/footnotes.xml``) -> footnote
   texts by their Word id (separators skipped).
4. ``paragraph_text``: one ``w:p`` -> its text in the markdown dialect: italic
   runs as ``*...*``, ``w:footnoteReference`` as ``<sup>N</sup>`` (N as Word
   numbers them: in the order they are first referenced), superscript digits as
   markers, tabs and breaks as spaces or new lines.
5. ``docx_extraction``: every body paragraph in document order (tables included),
   headings as ``#`` lines, one block per paragraph -> Extraction with the
   referenced footnotes.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from .document import Footnote, ParseError
from .extraction import Extraction

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def open_docx(data: bytes):
    """Read: bytes.  Write: a python-docx Document, or ParseError saying why the file is not Word."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ParseError("The file looks like a Word (.docx) file but is not a readable zip package "
                         "(it may be truncated or damaged).") from exc
    if "word/document.xml" not in names:
        if any(n.startswith(("xl/", "ppt/")) for n in names):
            raise ParseError("This is an Excel or PowerPoint file, not a Word document.")
        raise ParseError("The zip file is not a Word document: it has no word/document.xml.")
    try:
        import docx

        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors... for broken packages
        raise ParseError(f"The Word document cannot be read (it may be damaged): {type(exc).__name__}.") from exc


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)   # numId -> ilvl -> Level
    starts: dict[tuple[str, int], int] = field(default_factory=dict)      # start overrides
    counters: dict[str, list[int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label Word shows for the next paragraph of list num_id at level ilvl; advances the count."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        counts = self.counters.setdefault(num_id, [0] * 10)
        for deeper in range(ilvl + 1, 10):
            counts[deeper] = 0
        if counts[ilvl] == 0:
            counts[ilvl] = self.starts.get((num_id, ilvl), levels[ilvl].start)
        else:
            counts[ilvl] += 1
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return None

        def shown(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            lvl = levels.get(index, Level())
            return _format_number(max(counts[index], lvl.start), lvl.fmt)

        return re.sub(r"%(\d)", shown, level.text)


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(97 + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out = ""
        for amount, numeral in numerals:
            while value >= amount:
                out += numeral
                value -= amount
        return out.upper() if fmt == "upperRoman" else out
    return str(value)


def read_numbering(document) -> Numbering:
    """Read: the document's numbering part (if any).  Write: a Numbering of each list's levels."""
    numbering = Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return numbering
    abstract: dict[str, dict[int, Level]] = {}
    for node in root.iter(f"{W}abstractNum"):
        levels = {}
        for lvl in node.iter(f"{W}lvl"):
            levels[int(lvl.get(f"{W}ilvl", "0"))] = _level(lvl)
        abstract[node.get(f"{W}abstractNumId")] = levels
    for num in root.iter(f"{W}num"):
        num_id = num.get(f"{W}numId")
        ref = num.find(f"{W}abstractNumId")
        levels = dict(abstract.get(ref.get(f"{W}val") if ref is not None else "", {}))
        for override in num.iter(f"{W}lvlOverride"):
            ilvl = int(override.get(f"{W}ilvl", "0"))
            start = override.find(f"{W}startOverride")
            if start is not None:
                numbering.starts[(num_id, ilvl)] = int(start.get(f"{W}val", "1"))
            lvl = override.find(f"{W}lvl")
            if lvl is not None:
                levels[ilvl] = _level(lvl)
        numbering.levels[num_id] = levels
    return numbering


def _level(lvl) -> Level:
    def val(tag: str, default: str) -> str:
        node = lvl.find(f"{W}{tag}")
        return node.get(f"{W}val", default) if node is not None else default

    try:
        start = int(val("start", "1"))
    except ValueError:
        start = 1
    return Level(fmt=val("numFmt", "decimal"), text=val("lvlText", "%1."), start=start)


def read_footnotes(document) -> dict[str, list]:
    """Read: the footnotes part (word/footnotes.xml).  Write: Word footnote id -> its w:p elements."""
    for rel in document.part.rels.values():
        if rel.reltype == FOOTNOTES_REL and not rel.is_external:
            from lxml import etree

            try:
                root = etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError as exc:
                raise ParseError("The Word document's footnotes part is not valid XML.") from exc
            notes = {}
            for note in root.iter(f"{W}footnote"):
                if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                notes[note.get(f"{W}id")] = list(note.iter(f"{W}p"))
            return notes
    return {}


@dataclass
class Styles:
    """Italic and numbering that paragraphs and runs inherit from their styles."""
    italic: dict[str, bool] = field(default_factory=dict)
    num: dict[str, tuple[str, int]] = field(default_factory=dict)
    heading: dict[str, int] = field(default_factory=dict)


def read_styles(document) -> Styles:
    """Read: the styles part.  Write: which styles are italic, numbered, or headings (and their level)."""
    styles = Styles()
    try:
        root = document.styles.element
    except Exception:
        return styles
    based: dict[str, str] = {}
    for style in root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        rpr = style.find(f"{W}rPr")
        if rpr is not None and rpr.find(f"{W}i") is not None:
            styles.italic[style_id] = _on(rpr.find(f"{W}i"))
        numpr = style.find(f"{W}pPr/{W}numPr")
        if numpr is not None and numpr.find(f"{W}numId") is not None:
            ilvl = numpr.find(f"{W}ilvl")
            styles.num[style_id] = (numpr.find(f"{W}numId").get(f"{W}val"),
                                    int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0)
        name = style.find(f"{W}name")
        match = re.fullmatch(r"(?i)heading (\d)", name.get(f"{W}val", "") if name is not None else "")
        if match:
            styles.heading[style_id] = int(match.group(1))
        elif name is not None and name.get(f"{W}val", "").lower() == "title":
            styles.heading[style_id] = 1
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based[style_id] = parent.get(f"{W}val")
    for style_id in list(based):
        seen, current = set(), style_id
        while current in based and current not in seen:
            seen.add(current)
            current = based[current]
            if style_id not in styles.italic and current in styles.italic:
                styles.italic[style_id] = styles.italic[current]
            if style_id not in styles.num and current in styles.num:
                styles.num[style_id] = styles.num[current]
    return styles


def _on(node) -> bool:
    return node.get(f"{W}val", "true").lower() not in ("0", "false", "off", "none")


class FootnoteNumbers:
    """Word numbers footnotes 1, 2, 3 in the order they are first referenced."""

    def __init__(self):
        self.by_id: dict[str, str] = {}

    def number(self, note_id: str) -> str:
        if note_id not in self.by_id:
            self.by_id[note_id] = str(len(self.by_id) + 1)
        return self.by_id[note_id]


def paragraph_text(p, styles: Styles, notes: FootnoteNumbers | None) -> str:
    """Read: one w:p element.  Write: its text with *italic* runs and <sup>N</sup> markers."""
    pstyle = p.find(f"{W}pPr/{W}pStyle")
    paragraph_italic = styles.italic.get(pstyle.get(f"{W}val")) if pstyle is not None else None
    pieces: list[tuple[bool, str]] = []       # (italic, text); markers are (False, "\x00N")
    for run in p.iter(f"{W}r"):
        rpr = run.find(f"{W}rPr")
        italic = paragraph_italic or False
        superscript = False
        if rpr is not None:
            rstyle = rpr.find(f"{W}rStyle")
            if rstyle is not None and rstyle.get(f"{W}val") in styles.italic:
                italic = styles.italic[rstyle.get(f"{W}val")]
            node = rpr.find(f"{W}i")
            if node is not None:
                italic = _on(node)
            valign = rpr.find(f"{W}vertAlign")
            superscript = valign is not None and valign.get(f"{W}val") == "superscript"
        text = []
        for child in run:
            tag = child.tag
            if tag == f"{W}t":
                text.append(child.text or "")
            elif tag == f"{W}tab":
                text.append(" ")
            elif tag in (f"{W}br", f"{W}cr"):
                text.append(" " if child.get(f"{W}type") == "page" else "\n")
            elif tag == f"{W}noBreakHyphen":
                text.append("-")
            elif tag == f"{W}footnoteReference" and notes is not None:
                _flush(pieces, italic, text)
                text = []
                pieces.append((False, "\x00" + notes.number(child.get(f"{W}id"))))
        joined = "".join(text)
        if superscript and re.fullmatch(r"\s*\d{1,3}\s*", joined or "x"):
            pieces.append((False, "\x00" + joined.strip()))
        else:
            _flush(pieces, italic, text)
    return _render(pieces)


def _flush(pieces: list[tuple[bool, str]], italic: bool, text: list[str]) -> None:
    joined = "".join(text)
    if joined:
        pieces.append((italic and bool(joined.strip()), joined))


def _render(pieces: list[tuple[bool, str]]) -> str:
    """Merge neighbouring runs; italic spans become *...* with their outer spaces and punctuation outside."""
    merged: list[list] = []
    for italic, text in pieces:
        if text.startswith("\x00"):
            merged.append([False, f"<sup>{text[1:]}</sup>"])
        elif merged and merged[-1][0] == italic and not merged[-1][1].startswith("<sup>"):
            merged[-1][1] += text
        else:
            merged.append([italic, text])
    out = []
    for italic, text in merged:
        if italic:
            match = re.fullmatch(r"(\s*)(.*?)([\s,;:.]*)", text, re.S)
            lead, core, tail = match.groups()
            out.append(f"{lead}*{core}*{tail}" if core else text)
        else:
            out.append(text)
    return "".join(out).strip()


def docx_extraction(data: bytes) -> Extraction:
    """Bytes of a .docx in, an Extraction (one block per paragraph, Word footnotes apart) out."""
    document = open_docx(data)
    try:
        numbering = read_numbering(document)
        styles = read_styles(document)
        note_parts = read_footnotes(document)
        body = document.element.body
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError(f"The Word document cannot be read (it may be damaged): {type(exc).__name__}.") from exc
    numbers = FootnoteNumbers()
    blocks: list[str] = []
    for p in body.iter(f"{W}p"):
        if _inside(p, f"{W}txbxContent") or _inside(p, f"{W}footnote"):
            continue
        text = paragraph_text(p, styles, numbers)
        pstyle = p.find(f"{W}pPr/{W}pStyle")
        style_id = pstyle.get(f"{W}val") if pstyle is not None else None
        numpr = p.find(f"{W}pPr/{W}numPr")
        num = None
        if numpr is not None and numpr.find(f"{W}numId") is not None:
            ilvl = numpr.find(f"{W}ilvl")
            num = (numpr.find(f"{W}numId").get(f"{W}val"), int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0)
        elif style_id in styles.num:
            num = styles.num[style_id]
        if not text:
            continue
        if num is not None and num[0] != "0":
            label = numbering.label(*num)
            if label:
                text = f"{label} {text}"
        if style_id in styles.heading:
            text = "#" * min(styles.heading[style_id], 6) + " " + text.replace("*", "")
        blocks.append(text)
    footnotes = []
    warnings = []
    for note_id, number in numbers.by_id.items():
        paragraphs = note_parts.get(note_id)
        if paragraphs is None:
            warnings.append(f"Footnote reference {number} points to no footnote in the document.")
            continue
        text = " ".join(t for t in (paragraph_text(p, styles, None) for p in paragraphs) if t)
        footnotes.append(Footnote(marker=number, text=text.strip()))
    if not blocks:
        raise ParseError("The Word document has no text.")
    return Extraction(format="docx", markdown="\n\n".join(blocks), footnotes=footnotes, paragraphs_known=True,
                      warnings=warnings)


def _inside(node, tag: str) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def extract_docx(data: bytes) -> Extraction:
    """The entry point the pipeline calls: the stages above, and any failure as a ParseError naming it."""
    try:
        return docx_extraction(data)
    except ParseError:
        raise
    except Exception as exc:  # a file odd enough to break a stage is still the user's bad input, not a crash
        raise ParseError(f"The Word document could not be read ({type(exc).__name__}); it may be damaged.") from exc
