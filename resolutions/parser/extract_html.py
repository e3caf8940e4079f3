"""HTML extraction (an exported page): headings, paragraphs, <i>/<em> leads, <sup> markers, footnote lists.

Stages:

1. ``parse_html``: bytes -> BeautifulSoup tree (html.parser builds it without
   recursion, so deeply nested pages do not crash); script, style and other
   non-text elements removed.
2. ``split_footnotes``: a footnotes section (an element whose id or class says
   footnote(s)/endnotes, or list items with ids like ``fn1``) -> footnotes.
3. ``blocks``: every text node goes to its nearest block element (p, h1–h6,
   li, td, div...), in document order; italic runs become ``*...*`` and
   numeric <sup> become ``<sup>N</sup>``.  Each block is one paragraph.
"""
from __future__ import annotations

import re

from .document import Footnote, ParseError
from .extraction import Extraction

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "blockquote", "pre", "dt", "dd",
          "section", "article", "header", "footer", "body", "tr", "caption", "figcaption", "address"}
DROP = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "nav", "form",
        "button", "select", "textarea"]
FOOTNOTE_CONTAINER = re.compile(r"foot-?notes?|end-?notes?|notes", re.IGNORECASE)
MAX_DEPTH = 400


def parse_html(data: bytes):
    """Read: bytes.  Write: a BeautifulSoup tree without scripts and styles."""
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(data, "html.parser")
    except Exception as exc:  # a broken page is still text; this only fails on very odd input
        raise ParseError(f"The HTML page cannot be read: {type(exc).__name__}.") from exc
    for name in DROP:
        for element in soup.find_all(name):
            element.decompose()
    return soup


def _ancestors(node):
    """Parents of a node up to the root, bounded so that absurd nesting cannot hang the parser."""
    parent = node.parent
    depth = 0
    while parent is not None and depth < MAX_DEPTH:
        yield parent
        parent = parent.parent
        depth += 1


def _is_footnote_container(element) -> bool:
    ident = " ".join([element.get("id", "") or ""] + list(element.get("class", []) or []))
    return bool(FOOTNOTE_CONTAINER.search(ident)) and element.name in ("div", "section", "ol", "ul", "aside", "footer")


def split_footnotes(soup) -> list[Footnote]:
    """Read and change: the tree.  Write: footnotes found in a footnotes section (removed from the tree)."""
    notes: list[Footnote] = []
    containers = [el for el in soup.find_all(["div", "section", "ol", "ul", "aside", "footer"]) if _is_footnote_container(el)]
    for container in containers:
        if container.parent is None:
            continue  # already removed with an outer container
        items = container.find_all("li") or container.find_all("p")
        for index, item in enumerate(items, start=1):
            ident = item.get("id", "") or ""
            marker = re.search(r"(\d{1,3})$", ident)
            sup = item.find("sup")
            for back in item.find_all("a", href=re.compile(r"^#fnref|^#ref")):
                back.decompose()
            text = item.get_text(" ", strip=True)
            if marker is None and sup is not None and sup.get_text(strip=True).isdigit():
                marker_text = sup.get_text(strip=True)
                text = text[len(marker_text):].strip() if text.startswith(marker_text) else text
            else:
                marker_text = marker.group(1) if marker else str(index)
            text = re.sub(r"\s+([,;:.])", r"\1", re.sub(r"\s+", " ", text).replace("↩", "")).strip()
            if text:
                notes.append(Footnote(marker=marker_text, text=text))
        container.decompose()
    return notes


def blocks(soup) -> list[str]:
    """Read: the tree.  Write: one line per block element, in document order."""
    from bs4 import NavigableString

    out: list[tuple[int, list[str]]] = []
    for node in soup.descendants:
        if not isinstance(node, NavigableString) or type(node).__name__ in ("Comment", "Doctype", "Declaration"):
            continue
        text = str(node)
        if not text.strip() and not text:
            continue
        block = None
        italic = superscript = False
        for parent in _ancestors(node):
            if parent.name in ("i", "em") and block is None:
                italic = True
            if parent.name == "sup" and block is None:
                superscript = True
            if parent.name in BLOCKS:
                block = parent
                break
        key = id(block)
        if superscript and text.strip().isdigit():
            piece = f"<sup>{text.strip()}</sup>"
        elif italic and text.strip():
            piece = re.sub(r"^(\s*)(.*?)(\s*)$", r"\1*\2*\3", text, flags=re.S)
        else:
            piece = text
        if out and out[-1][0] == key:
            out[-1][1].append(piece)
        else:
            out.append((key, [piece]))
    lines = []
    for _, pieces in out:
        line = re.sub(r"\s+", " ", "".join(pieces)).strip()
        line = line.replace("* *", " ")  # adjacent italic runs read as one
        if line:
            lines.append(line)
    return lines


def extract_html(data: bytes) -> Extraction:
    """Bytes of an HTML page in, an Extraction out (each block element one paragraph)."""
    soup = parse_html(data)
    footnotes = split_footnotes(soup)
    lines = blocks(soup)
    if not lines:
        raise ParseError("The HTML page has no text.")
    return Extraction(format="html", markdown="\n\n".join(lines), footnotes=footnotes, paragraphs_known=True)
