"""Reading AKN4UN XML safely, and the text of its elements with the archive's inline markup.

Read: bytes (``read_xml``: refused when unsafe or malformed, see extract_akn's docstring) and elements.  Write: an
element tree; the text of an element with its footnotes collected (``Notes``), its opening italics, its lead.
Shared by extract_akn (the text) and akn_records (what the file records about the document).
"""
from __future__ import annotations

import re

from lxml import etree

from .document import Footnote, ParseError

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}
MAX_AKN_BYTES = 16 * 1024 * 1024   # the UN's largest AKN files (budget resolutions with votes) are under 1 MB
MAX_DEPTH = 64                     # the UN's markup nests at most about 20 deep (a point in a sublist in an annex)
# How a malformed file's error begins: the bytes are kept as they came, so the publisher's file is malformed (the
# benchmark's AKN row tells such a failure from one of the archive's by this prefix).
MALFORMED_XML = "This XML file is malformed"
FORBIDDEN_DECLARATIONS = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
BLOCKS = frozenset({"p", "content", "intro", "wrapUp", "listIntroduction", "listWrapUp", "heading", "subheading",
                    "num", "tr", "td", "th", "item", "point", "list", "blockList", "table", "container"})


# --------------------------------------------------------------------------- reading the XML safely

def looks_like_akn(data: bytes) -> bool:
    """The first bytes are XML whose root is in the Akoma Ntoso 3.0 namespace."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and AKN_NS.encode() in head


def read_xml(data: bytes):
    """Read: bytes.  Write: the root element; ParseError when too big, unsafe, malformed, too deep or not AKN."""
    if len(data) > MAX_AKN_BYTES:
        raise ParseError(f"This Akoma Ntoso file is larger than {MAX_AKN_BYTES // (1024 * 1024)} MB; the UN's "
                         f"largest are under 1 MB.")
    if FORBIDDEN_DECLARATIONS.search(data):
        raise ParseError("This XML file declares a document type or entities; Akoma Ntoso files have none, and "
                         "they are refused because entity declarations can expand without bound.")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = f" at line {exc.lineno}" if exc.lineno else ""
        raise ParseError(f"{MALFORMED_XML}{line}: {exc.msg}. It cannot be read as Akoma Ntoso; a "
                         f"corrected file from the publisher is needed.") from exc
    if _depth(root) > MAX_DEPTH:
        raise ParseError(f"This XML file nests elements more than {MAX_DEPTH} deep; no Akoma Ntoso resolution does.")
    if etree.QName(root).namespace != AKN_NS or etree.QName(root).localname != "akomaNtoso":
        raise ParseError("This XML file is not Akoma Ntoso 3.0 (its root element is not akomaNtoso).")
    return root


def _depth(root) -> int:
    deepest = 0
    for _event, element in etree.iterwalk(root, events=("start",)):
        depth = 0
        node = element
        while node is not None and depth <= MAX_DEPTH:
            node = node.getparent()
            depth += 1
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
    return deepest


# --------------------------------------------------------------------------- text of inline content

def local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def squash(text: str) -> str:
    """Whitespace collapsed (no-break spaces too), as printed otherwise (French keeps its space before ':')."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


class Notes:
    """The footnotes met while reading one part (the resolution, or one annex), in order of their markers."""

    def __init__(self):
        self.footnotes: list[Footnote] = []

    def add(self, note) -> str:
        marker = (note.get("marker") or str(len(self.footnotes) + 1)).strip()
        if marker not in {f.marker for f in self.footnotes}:
            footnote = Footnote(marker=marker, text="")
            self.footnotes.append(footnote)  # before its text: a note inside this note comes after it
            footnote.text = block_text(note, self)
        return marker


def inline_text(el, notes: Notes, refs: list[str], skip=frozenset()) -> str:
    """The text a reader sees in an element: footnote bodies go to ``notes`` and their markers to ``refs``
    (in place of the note, so the text reads on); blocks inside (a <p> after a <p>) are separated by a space."""
    parts: list[str] = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            name = local(child)
            if name == "authorialNote":
                marker = notes.add(child)
                if marker not in refs:
                    refs.append(marker)
            elif name == "eol":
                parts.append(" ")
            elif name and name not in skip:
                if name in BLOCKS:
                    parts.append(" ")
                walk(child)
                if name in BLOCKS:
                    parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return squash("".join(parts))


def block_text(el, notes: Notes) -> str:
    return inline_text(el, notes, [])


def opening_italic(el) -> str | None:
    """The italic words an element's first <p> (or the element itself) opens with: the UN's lead phrase."""
    p = el if local(el) in ("p", "crossHeading") else el.find(".//a:p", NS)
    if p is None:
        return None
    if (p.text or "").strip():
        return None
    first = next((c for c in p if isinstance(c.tag, str)), None)
    if first is None or local(first) != "span" or "italic" not in (first.get("class") or ""):
        return None
    lead = squash("".join(first.itertext())).rstrip(",:;،؛ ")
    return lead or None


def lead_for(text: str, italic: str | None, name: str | None, body: str | None) -> str | None:
    """The lead: the opening italics where the markup has them, else the container's name when the text opens
    with it, else the lead vocabulary (for English)."""
    for candidate in (italic, name):
        if candidate and text.startswith(candidate):
            return candidate
    try:
        from .leads import match_lead
    except ImportError:
        return None
    return match_lead(text, body) if re.match(r"[A-Z][a-z]", text) else None
