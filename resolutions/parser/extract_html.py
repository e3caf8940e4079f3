"""HTML extraction (an exported page): headings, paragraphs, <i>/<em> runs, <sup> markers, footnote lists.

Stages (each reads and writes plain values; nothing recurses, so a page nested
a hundred thousand levels deep is read like any other):

1. ``parse_html``: bytes -> lxml tree (libxml2's HTML parser, which repairs
   broken markup and reads the page's declared encoding).
2. ``drop_non_text``: the tree loses script, style, template, head, navigation
   and form elements (their text is not the document's).
3. ``split_footnotes``: footnotes sections -> footnotes, removed from the tree:
   an element whose id, class or role says footnote(s)/endnote(s), or an ``<ol>``
   whose items carry ids and link back to their markers (``↩``).
4. ``inline_pieces`` / ``render_pieces``: the text inside one block element ->
   one line of the markdown dialect: ``*italic*`` for ``<i>``/``<em>``,
   ``<sup>N</sup>`` for a numeric ``<sup>`` (or a link to a note).
5. ``html_blocks``: the tree -> blocks in document order, walked with
   ``lxml.etree.iterwalk``: each block element (p, h1-h6, li, td, div...) is one
   block; headings get ``#`` marks; items of a numbered list get their number.
"""
from __future__ import annotations

import re

from .document import Footnote, ParseError
from .extraction import Extraction

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "blockquote", "pre", "dt", "dd",
          "section", "article", "header", "footer", "main", "aside", "body", "tr", "table", "caption", "figcaption",
          "address", "ol", "ul", "dl", "hr", "center", "figure"}
DROP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "nav",
        "form", "button", "select", "textarea", "input", "canvas", "audio", "video"}
ITALIC = {"i", "em", "cite", "var", "dfn"}
FOOTNOTE_NAME = re.compile(r"foot-?notes?|end-?notes?|\bnotes\b|fn-?list", re.IGNORECASE)
BACK_LINK_TEXT = re.compile(r"^\s*(?:↩|↑|\^|⤴|back|return)\s*\ufe0e?\s*$", re.IGNORECASE)


def _italic(node, tag: str) -> bool:
    """<i>, <em>... or an element styled italic (Word's and Google Docs' HTML export use spans)."""
    return tag in ITALIC or "font-style:italic" in (node.get("style") or "").replace(" ", "").lower()


# Word's "Save as Web Page" sets a footnote marker as a link to the note ('#_ftn1', '#_edn1') around '[1]' in a
# span of class MsoFootnoteReference, without <sup>; LibreOffice links 'sdfootnote1anc' to '#sdfootnote1sym'.
NOTE_LINK = re.compile(r"#(?:_ftn|_edn|sdfootnote|sdendnote)\d{1,3}(?:sym)?$")
NOTE_REFERENCE_CLASS = re.compile(r"Mso(?:Foot|End)noteReference|sdfootnoteanc|sdendnoteanc", re.IGNORECASE)
NOTE_LIST_STYLE = re.compile(r"mso-element:\s*(?:foot|end)note-list", re.IGNORECASE)


def _superscript(node, tag: str) -> bool:
    """<sup>, a span styled superscript, a footnote reference's class, or a link to a note (see NOTE_LINK)."""
    return tag == "sup" or "vertical-align:super" in (node.get("style") or "").replace(" ", "").lower() \
        or bool(NOTE_REFERENCE_CLASS.search(node.get("class") or "")) \
        or (tag == "a" and bool(NOTE_LINK.search(node.get("href") or "")))


def parse_html(data: bytes):
    """Read: bytes.  Write: the lxml root element, or ParseError for a page without any markup or text."""
    from lxml import etree, html

    parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"The HTML page cannot be read: {exc}.") from exc
    if root is None:
        raise ParseError("The HTML page is empty.")
    return root


def drop_non_text(root) -> None:
    """Read and change: the tree.  Scripts, styles, head, navigation and forms are removed (tails kept)."""
    for element in [el for el in root.iter() if isinstance(el.tag, str) and el.tag.lower() in DROP]:
        if element.getparent() is not None:
            element.drop_tree()


def _names(element) -> str:
    return " ".join(filter(None, [element.get("id"), element.get("class"), element.get("role")]))


def _is_back_link(anchor) -> bool:
    href = anchor.get("href", "") or ""
    text = anchor.text_content()
    names = _names(anchor)
    return href.startswith("#") and (bool(BACK_LINK_TEXT.match(text)) or re.search(r"back|rev|fnref", names, re.I)
                                     is not None or "fnref" in href or "ref" in href.lower() and not text.strip())


def _footnote_containers(root) -> list:
    containers = []
    for element in root.iter("div", "section", "aside", "footer", "ol", "ul"):
        if FOOTNOTE_NAME.search(_names(element)) or NOTE_LIST_STYLE.search(element.get("style") or ""):
            containers.append(element)
            continue
        if element.tag == "ol":
            items = [li for li in element if getattr(li, "tag", None) == "li"]
            if items and all(li.get("id") and any(_is_back_link(a) for a in li.iter("a")) for li in items):
                containers.append(element)
    # keep only the outermost of nested containers
    chosen = []
    for element in containers:
        if not any(other is not element and _contains(other, element) for other in containers):
            chosen.append(element)
    return chosen


def _contains(outer, inner) -> bool:
    parent = inner.getparent()
    while parent is not None:
        if parent is outer:
            return True
        parent = parent.getparent()
    return False


def split_footnotes(root) -> list[Footnote]:
    """Read and change: the tree.  Write: the footnotes found in footnotes sections (sections removed)."""
    notes: list[Footnote] = []
    for container in _footnote_containers(root):
        lists = [container] if container.tag == "ol" else list(container.iter("ol", "ul"))
        items = [li for lst in lists for li in lst if getattr(li, "tag", None) == "li"]
        numbered: list[tuple[str | None, object]] = []
        if items:
            for lst in lists:
                try:
                    start = int(lst.get("start", "1"))
                except ValueError:
                    start = 1
                for index, li in enumerate(x for x in lst if getattr(x, "tag", None) == "li"):
                    numbered.append((li.get("value") or str(start + index), li))
        else:
            numbered = [(None, p) for p in container.iter("p", "div") if p is not container
                        and not any(getattr(c, "tag", None) in ("p", "div") for c in p)]
        for fallback, item in numbered:
            for anchor in [a for a in item.iter("a") if _is_back_link(a)]:
                anchor.drop_tree()
            text = render_pieces(inline_pieces(item)).strip()
            marker = fallback
            opening = re.match(r"^(?:<sup>(\d{1,3})</sup>|\[?(\d{1,3})[\].)]?(?:\s|$))\s*", text)
            if opening and (marker is None or opening.group(1) or opening.group(2) == marker):
                marker = opening.group(1) or opening.group(2)
                text = text[opening.end():]
            if marker is None:
                ident = re.search(r"(\d{1,3})$", item.get("id", "") or "")
                marker = ident.group(1) if ident else str(len(notes) + 1)
            text = re.sub(r"<sup>(\d+)</sup>", r"\1", text).strip()
            if text:
                notes.append(Footnote(marker=marker, text=text))
        container.drop_tree()
    return notes


class _InlineState:
    """Italic and superscript depth while walking a tree with iterwalk, and the text pieces collected so far.

    Shared by the walk of one footnote element and the walk of the whole page."""

    def __init__(self, root):
        self.root = root
        self.italic = 0
        self.sup = 0
        self.pieces: list[tuple[str, bool, bool]] = []

    def start(self, node, tag: str) -> None:
        if _italic(node, tag):
            self.italic += 1
        if _superscript(node, tag):
            self.sup += 1
        if tag == "br":
            self.pieces.append(("\n", False, False))
        if node.text:
            self.pieces.append((node.text, self.italic > 0, self.sup > 0))

    def end(self, node, tag: str) -> None:
        if _italic(node, tag):
            self.italic -= 1
        if _superscript(node, tag):
            self.sup -= 1
        if node.tail and node is not self.root:
            self.pieces.append((node.tail, self.italic > 0, self.sup > 0))


def inline_pieces(element) -> list[tuple[str, bool, bool]]:
    """Read: one element.  Write: its text as (text, italic, superscript) pieces, in order, without recursion."""
    from lxml import etree

    state = _InlineState(element)
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if event == "start":
            state.start(node, tag)
        else:
            state.end(node, tag)
    return state.pieces


def render_pieces(pieces: list[tuple[str, bool, bool]]) -> str:
    """Read: pieces.  Write: one line: whitespace collapsed, *italic* runs, <sup>N</sup> markers."""
    merged: list[list] = []
    for text, italic, sup in pieces:
        if sup:
            kind = "sup"
        else:
            kind = "i" if italic else ""
        if merged and merged[-1][0] == kind:
            merged[-1][1] += text
        else:
            merged.append([kind, text])
    out = []
    for kind, text in merged:
        text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text).replace(" \n", "\n").replace("\n ", "\n")
        if kind == "sup":
            marker = text.strip().strip("[]()")
            out.append(f"<sup>{marker}</sup>" if re.fullmatch(r"\d{1,3}", marker) else text)
        elif kind == "i" and text.strip():
            match = re.fullmatch(r"(\s*)(.*?)([\s,;:.]*)", text, re.S)
            lead, core, tail = match.groups()
            out.append(f"{lead}*{core}*{tail}" if core.strip("*") else text)
        else:
            out.append(text)
    line = "".join(out)
    line = re.sub(r"\*\s*\*", " ", line) if "* *" in line else line   # two italic runs side by side read as one
    return "\n".join(re.sub(r" {2,}", " ", part).strip() for part in line.split("\n") if part.strip())


def html_blocks(root) -> list[str]:
    """Read: the tree.  Write: one block per block element, in document order, headings marked with #."""
    from lxml import etree

    blocks: list[str] = []
    inline = _InlineState(root)
    pieces = inline.pieces
    state = {"pending": "", "heading": 0}
    counters: list[list] = []          # open lists: [tag, next number]

    def flush():
        text = render_pieces(pieces)
        pieces.clear()
        if text:
            if state["heading"]:
                text = "#" * state["heading"] + " " + text.replace("*", "")
            else:
                text = state["pending"] + text
            state["pending"] = ""
            blocks.append(text)

    for event, node in etree.iterwalk(root, events=("start", "end")):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        block = tag in BLOCKS
        if event == "start":
            if block:
                flush()
                if re.fullmatch(r"h[1-6]", tag):
                    state["heading"] = int(tag[1])
                elif tag == "li" and counters and counters[-1][0] == "ol":
                    value = node.get("value")
                    if value and value.isdigit():
                        counters[-1][1] = int(value)
                    state["pending"] = f"{counters[-1][1]}. "
                    counters[-1][1] += 1
                if tag in ("ol", "ul"):
                    start = node.get("start", "1")
                    counters.append([tag, int(start) if start.lstrip("-").isdigit() else 1])
            inline.start(node, tag)
        else:
            if block:
                flush()
                if re.fullmatch(r"h[1-6]", tag):
                    state["heading"] = 0
                if tag in ("ol", "ul") and counters:
                    counters.pop()
            inline.end(node, tag)
    flush()
    return blocks


class _StreamBlocks:
    """A page too deep for libxml2 (which stops building the tree past a few thousand levels), read as a
    stream of tags with Python's own HTML tokenizer: blocks, italics and markers, no footnote sections."""

    def __init__(self):
        from html.parser import HTMLParser

        self.blocks: list[str] = []
        self.pieces: list[tuple[str, bool, bool]] = []
        self.italic = self.sup = self.skip = 0
        outer = self

        class Tokenizer(HTMLParser):
            def handle_starttag(self, tag, attrs):
                outer.tag(tag, True)

            def handle_startendtag(self, tag, attrs):
                if tag == "br":
                    outer.pieces.append(("\n", False, False))
                elif tag in BLOCKS:
                    outer.flush()

            def handle_endtag(self, tag):
                outer.tag(tag, False)

            def handle_data(self, data):
                if not outer.skip:
                    outer.pieces.append((data, outer.italic > 0, outer.sup > 0))

        self.tokenizer = Tokenizer(convert_charrefs=True)

    def tag(self, tag: str, opening: bool) -> None:
        step = 1 if opening else -1
        if tag in DROP:
            self.skip = max(0, self.skip + step)
        elif tag in BLOCKS:
            self.flush()
        elif tag in ITALIC:
            self.italic = max(0, self.italic + step)
        elif tag == "sup":
            self.sup = max(0, self.sup + step)
        elif tag == "br" and opening:
            self.pieces.append(("\n", False, False))

    def flush(self) -> None:
        text = render_pieces(self.pieces)
        self.pieces.clear()
        if text:
            self.blocks.append(text)

    def read(self, text: str) -> list[str]:
        self.tokenizer.feed(text)
        self.tokenizer.close()
        self.flush()
        return self.blocks


def _visible_text_length(data: bytes) -> int:
    text = data.decode("utf-8", errors="replace")
    text = re.sub(r"(?is)<(script|style|head|template|noscript)\b.*?</\1\s*>", " ", text)
    return len(re.sub(r"\s+", "", re.sub(r"<[^>]{0,2000}>", "", text)))


def html_extraction(data: bytes) -> Extraction:
    """Bytes of an HTML page in, an Extraction (each block element one paragraph, footnote lists apart) out."""
    root = parse_html(data)
    drop_non_text(root)
    footnotes = split_footnotes(root)
    blocks = html_blocks(root)
    warnings: list[str] = []
    kept = len(re.sub(r"\s+", "", "".join(blocks) + "".join(f.text for f in footnotes)))
    if kept < 0.5 * _visible_text_length(data):
        blocks = _StreamBlocks().read(data.decode("utf-8", errors="replace"))
        footnotes = []
        warnings.append("The page is nested too deeply for a full reading; footnote sections were not separated.")
    if not blocks:
        raise ParseError("The HTML page has no text.")
    return Extraction(format="html", markdown="\n\n".join(blocks), footnotes=footnotes, paragraphs_known=True,
                      warnings=warnings)


def extract_html(data: bytes) -> Extraction:
    """The entry point the pipeline calls: the stages above, and any failure as a ParseError naming it."""
    try:
        return html_extraction(data)
    except ParseError:
        raise
    except Exception as exc:  # a file odd enough to break a stage is still the user's bad input, not a crash
        raise ParseError(f"The HTML page could not be read ({type(exc).__name__}); it may be damaged.") from exc
