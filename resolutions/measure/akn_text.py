"""The UN's AKN4UN XML as text: what a reader sees (the measuring input) and all its words (the reference).

Pure functions over the XML files of the corpus, read with lxml; nothing here calls the parser.
``render_akn_with_notes`` prints a document as plain text for the parser to read (cover lines, title,
paragraphs one per line, sub-paragraphs on lines of their own, footnotes after a rule; the annexes
too when asked); ``akn_reference`` is every word of the document's own text, annexes and footnotes
included, which conservation compares a parse with.  Shared by scripts/measure_accuracy.py and
scripts/gold.py.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from lxml import etree

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}

def squash(text: str | None) -> str:
    """Whitespace collapsed, NFKC, curly quotes and dashes made plain; for comparisons only."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[\u2010\u2011\u2012\u2013\u2014]", "-", text).replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()



def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""



@lru_cache(maxsize=None)
def parse_akn(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))



def akn_files(corpus: Path) -> list[Path]:
    """English AKN files of resolutions and drafts (presidential statements and the malformed
    file left out)."""
    files = []
    for folder in ("unxml-ga-resolutions", "unxml-sc-resolutions"):
        for path in sorted((corpus / folder).rglob("*.xml")):
            parts = path.parts
            if "PRST" in parts or ("English" not in parts and "Pre-2020" not in parts):
                continue
            files.append(path)
    return files



def render_akn(path: Path, attachments: bool = False) -> str:
    return render_akn_with_notes(path, attachments)[0]


def render_akn_with_notes(path: Path, attachments: bool = False) -> tuple[str, list[str]]:
    """The AKN document as a reader sees it, in plain text: cover lines, title, the enacting
    formula, one paragraph per line (lead, number, sub-paragraphs "(a) ..." on their own lines,
    footnote markers after the word they follow), the closing lines, then the footnotes after a
    rule.  Annexes and the headings inside the body are left out unless ``attachments`` (the complete
    text): then the headings stand above their paragraphs and each annex follows the closing lines, one
    line per block of its text (a heading, a paragraph with its number, a table cell)."""
    root = parse_akn(path).getroot()
    doc = next(c for c in root if isinstance(c.tag, str))
    lines: list[str] = []
    notes: list[tuple[str, str]] = []

    def inline(el) -> str:
        parts: list[str] = []

        def walk(node):
            if node.text:
                parts.append(node.text)
            for child in node:
                if _local(child) == "authorialNote":
                    marker = child.get("marker") or str(len(notes) + 1)
                    notes.append((marker, squash("".join(child.itertext()))))
                    parts.append(marker)
                elif isinstance(child.tag, str) and _local(child) not in ("num", "list", "blockList", "sublist"):
                    walk(child)
                if child.tail:
                    parts.append(child.tail)

        walk(el)
        return squash("".join(parts))

    cover = doc.find("a:coverPage", NS)
    if cover is not None:
        for p in cover.findall("a:p", NS):
            # The XML runs "on" into the date element ("on<docDate>29 June 2004"); print has a space.
            text = re.sub(r"\bon(?=\d)", "on ", inline(p))
            if text:
                lines.append(text)
    preface = doc.find("a:preface", NS)
    if preface is not None:
        for p in preface.findall("a:p", NS):
            text = inline(p)
            if text:
                lines.append(text)
    lines.append("")
    # A few documents alternate several <preamble> and <mainBody> elements (A/RES/80/116): all, in order.
    for part in doc.xpath("./a:preamble | ./a:mainBody", namespaces=NS):
        if _local(part) == "preamble":
            for child in part:
                if _local(child) in ("formula", "container"):
                    render_block(child, lines, inline)
        else:
            render_body(part, lines, inline, headings=attachments)
    conclusions = doc.find("a:conclusions", NS)
    if conclusions is not None:
        for p in conclusions.iter(f"{{{AKN_NS}}}p"):
            text = " ".join(t.strip() for t in p.itertext() if t.strip())
            if text:
                lines.append(text)
    if attachments:
        for attachment in doc.xpath("./a:attachments/a:attachment/a:doc", namespaces=NS):
            lines.append("")
            render_attachment(attachment, lines, inline)
    if notes:
        lines.append("")
        lines.append("__________________")
        for marker, text in notes:
            lines.append(f"{marker} {text}")
    return "\n".join(lines) + "\n", [text for _, text in notes]


# Elements whose text is a line of its own in print (a heading, a paragraph, a table cell's paragraph).
BLOCKS = {"p", "heading", "subheading", "docTitle", "docNumber", "tocItem", "num"}


def render_attachment(doc, lines: list[str], inline) -> None:
    """An annex in reading order: each block a line, a paragraph's or point's number ('1.', '(a)') in
    front of the text that follows it; blank lines between the annex's top-level parts."""
    pending_number = ""
    for el in doc.iter(f"{{{AKN_NS}}}*"):
        name = _local(el)
        if name not in BLOCKS or el.xpath("ancestor::a:meta | ancestor::a:authorialNote", namespaces=NS):
            continue
        if any(_local(a) in BLOCKS for a in el.iterancestors()):
            continue
        if name == "num":
            pending_number = (pending_number + " " + squash("".join(el.itertext()))).strip()
            continue
        text = inline(el)
        if text or pending_number:
            lines.append(f"{pending_number} {text}".strip())
            lines.append("")   # a blank line after each block, as a text file separates paragraphs
            pending_number = ""


def render_body(element, lines: list[str], inline, headings: bool = False) -> None:
    """The operative part in document order: each top-level <paragraph>, and in a resolution in sections
    each section's number and heading on lines of their own and its preambular crossHeadings."""
    for child in element:
        name = _local(child)
        if name == "paragraph":
            render_block(child, lines, inline, headings)
        elif name == "crossHeading" and child.get("refersTo") == "#preamble":
            text = inline(child)
            if text:
                lines.append(text)
        elif name in ("section", "hcontainer", "part", "chapter"):
            for part in ("num", "heading", "subheading"):
                label = child.find(f"a:{part}", NS)
                if label is not None and squash("".join(label.itertext())):
                    lines.append(squash("".join(label.itertext())))
            render_body(child, lines, inline, headings)


def render_block(block, lines: list[str], inline, headings: bool = False) -> None:
    """One preambular or operative paragraph: '1. Text', then each point '(a) Text'.  With ``headings``, a heading
    the block carries ('<subheading>Prevention of Illicit Exports of Petroleum ...' in S/RES/2644 (2022)) is a line
    above it (the complete text conservation reads; the field measures read the paragraphs alone)."""
    for heading in block.xpath("./a:heading | ./a:subheading", namespaces=NS) if headings else []:
        text = inline(heading)
        if text:
            lines.append(text)
    num = block.find("a:num", NS)
    prefix = ("".join(num.itertext()).strip() + " ") if num is not None else ""
    list_el = block.find("a:list", NS)
    if list_el is None:
        list_el = block.find(".//a:blockList", NS)
    if list_el is not None:
        intro = list_el.find("a:intro", NS)
        if intro is None:   # <blockList><listIntroduction> (A/RES/80/34 'Convinced ...', A/RES/ES-10/24)
            intro = list_el.find("a:listIntroduction", NS)
        intro_text = inline(intro) if intro is not None else ""
        if intro is None:  # text before the list inside the block (preambular containers)
            before = [p for p in block.findall("a:p", NS)]
            intro_text = " ".join(inline(p) for p in before)
        first = len(lines)
        if intro_text:
            lines.append(prefix + intro_text)
        render_points(list_el, lines, inline, skip_intro=True)
        if not intro_text and len(lines) > first:   # "2. (a) Decides ..." as printed (S/RES/1521)
            lines[first] = prefix + lines[first]
        return
    text = " ".join(inline(p) for p in block.iter(f"{{{AKN_NS}}}p")
                    if not p.xpath("ancestor::a:authorialNote", namespaces=NS))
    if text:
        lines.append(prefix + text)
    elif prefix.strip():   # '<num>1.</num>' in an empty paragraph, its text in the next (S/RES/1285 (2000))
        lines.append(prefix.strip())


def render_points(list_el, lines: list[str], inline, skip_intro: bool = False) -> None:
    """'(a) text' per point, in document order; nested lists (<sublist>, or a list inside a
    point) after their parent's line."""
    for child in list_el:
        name = _local(child)
        if name in ("point", "item"):
            pnum = child.find("a:num", NS)
            label = "".join(pnum.itertext()).strip() if pnum is not None else ""
            lines.append(f"{label} {inline(child)}".strip())
            for nested in child.xpath("./a:list | ./a:blockList | ./a:sublist | ./a:content/a:list "
                                      "| ./a:content/a:blockList", namespaces=NS):
                render_points(nested, lines, inline)
        elif name in ("sublist", "list", "blockList"):
            render_points(child, lines, inline)
        elif name == "wrapUp" or (name == "intro" and not skip_intro):
            lines.append(inline(child))



REFERENCE_PARTS = ("coverPage", "preface", "preamble", "mainBody", "conclusions")


def akn_reference(path: Path) -> str:
    """Every word of the document's own text, as the UN's XML holds it: cover page, preface, preamble,
    body, closing lines, footnotes and the annexes (their metadata left out).  The publisher's name on
    the cover ('United Nations') is the masthead, page furniture: left out."""
    root = parse_akn(path).getroot()
    doc = next(c for c in root if isinstance(c.tag, str))
    parts: list[str] = []

    def walk(node):
        if not isinstance(node.tag, str) or _local(node) == "meta":
            return
        if _local(node) == "docAuthority" and node.get("refersTo") == "#publisher":
            parts.append(node.tail or "")
            return
        parts.append("\n" if _local(node) in BLOCKS else "")
        parts.append(node.text or "")
        for child in node:
            walk(child)
        parts.append("\n" if _local(node) in BLOCKS else "")
        parts.append(node.tail or "")

    for name in REFERENCE_PARTS:
        for part in doc.findall(f"a:{name}", NS):
            walk(part)
    for attachment in doc.xpath("./a:attachments/a:attachment/a:doc", namespaces=NS):
        walk(attachment)
    return "".join(parts)
