"""Format detection, the per-format extraction pipelines and the one shared structuring step.

    bytes --detect_format--> format
          --extract_<format>--> Extraction (markdown dialect, see extraction.py)
          --structure--> ParsedDocument

Each stage is a small function whose docstring says what it reads and writes.
"""
from __future__ import annotations

import re

from .body import build_paragraphs, clean_text, segment
from .document import ParsedDocument, ParseError
from .extraction import Extraction
from .header import read_front_matter, read_header
from .text_stages import (
    RULE,
    decode,
    extract_footnotes,
    mark_glued_markers,
    normalise_unicode,
    remove_furniture,
    split_front_matter,
    strip_markdown,
    word_vocabulary,
)

SUBJECT = re.compile(
    r"\s*\*?\s*The\s+(General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
    r"Trusteeship Council|Commission on [A-Z][A-Za-z ]{2,60}|Conference of [A-Z][A-Za-z ]{2,80})\s*,?\s*\*?\s*,?\s*$"
)
MAX_BYTES = 60 * 1024 * 1024


def detect_format(data: bytes, filename: str = "") -> str:
    """Read: the first bytes and the file name.  Write: 'pdf', 'docx', 'html', 'markdown' or 'text'.

    The bytes decide (magic numbers, markup); the extension only breaks a tie
    between text and markdown.  Unsupported binary formats raise ParseError.
    """
    head = data[:4096]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ParseError("This is an old binary Word (.doc) or Office file; save it as .docx or PDF and upload that.")
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")):
        raise ParseError("This is an image or a compressed archive, not a resolution (PDF, Word, HTML or text).")
    if head.startswith(b"{\\rtf"):
        raise ParseError("RTF files are not supported; save the document as .docx or PDF.")
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (lowered.startswith(b"<") and b"<body" in data[:65536].lower()):
        return "html"
    if filename.lower().endswith((".md", ".markdown")):
        return "markdown"
    sample = data[:200_000]
    signals = sum((
        b"<sup>" in sample,
        bool(re.search(rb"(?m)^\s{0,3}#{1,6} \S", sample)),
        bool(re.search(rb"(?m)^\*[A-Z][a-z]+[^*\n]{0,60}\*", sample)),
        bool(re.search(rb"\]\(#?[^)\s]{0,200}\)", sample)),
        bool(re.search(rb"(?m)^---\s*$", sample)),
    ))
    return "markdown" if signals >= 2 else "text"


def extract_text(data: bytes, fmt: str = "text") -> Extraction:
    """Read: text or markdown bytes.  Write: an Extraction (normalised text, front-matter hints)."""
    text, warnings = decode(data)
    text = normalise_unicode(text)
    text, meta = split_front_matter(text)
    return Extraction(format=fmt, markdown=text, warnings=warnings, hints=meta)


def _extract(data: bytes, fmt: str) -> Extraction:
    if fmt in ("text", "markdown"):
        return extract_text(data, fmt)
    try:
        if fmt == "pdf":
            from .extract_pdf import extract_pdf as extractor
        elif fmt == "docx":
            from .extract_docx import extract_docx as extractor
        else:
            from .extract_html import extract_html as extractor
    except ImportError as exc:
        raise ParseError(f"Reading {fmt.upper()} files is not available: {exc}") from exc
    extraction = extractor(data)
    extraction.markdown = normalise_unicode(extraction.markdown)
    return extraction


def parse(data: bytes, filename: str = "") -> ParsedDocument:
    """Bytes and a file name in, a ParsedDocument out; ParseError says why not."""
    if not data or not data.strip():
        raise ParseError("The file is empty.")
    if len(data) > MAX_BYTES:
        raise ParseError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    fmt = detect_format(data, filename)
    extraction = _extract(data, fmt)
    return structure(extraction)


def split_subject(lines: list[str]) -> tuple[list[str], str | None, list[str]]:
    """Read: clean lines.  Write: header lines, the subject ('The General Assembly'), body lines.

    Without a subject line the whole text is body (and the header is empty)."""
    for index, line in enumerate(lines):
        match = SUBJECT.fullmatch(line)
        if match:
            return lines[:index], f"The {match.group(1)}", lines[index + 1:]
    return [], None, lines


def structure(extraction: Extraction) -> ParsedDocument:
    """The shared structuring step: any Extraction in, a ParsedDocument out."""
    doc = ParsedDocument(format=extraction.format, warnings=list(extraction.warnings))
    lines = strip_markdown(extraction.markdown.split("\n"))
    lines, facts = remove_furniture(lines)
    lines, footnotes = extract_footnotes(lines)
    footnotes = _merge_footnotes(extraction.footnotes, footnotes)
    lines, marker_warnings = mark_glued_markers(lines, footnotes)
    doc.warnings.extend(marker_warnings)
    lines = [line for line in lines if line != RULE]
    header, subject, body = split_subject(lines)
    if subject is None:
        raise ParseError("This does not look like a resolution: no line such as 'The General Assembly,' or "
                         "'The Security Council,' introduces its paragraphs.")
    doc.preamble_subject = subject
    read_front_matter(extraction.hints, doc)
    read_header(header, doc, facts)
    if extraction.hints.get("title") and not doc.title:
        doc.title = extraction.hints["title"]
    doc.body = doc.body or subject[len("The "):]
    vocabulary = word_vocabulary(body)
    raws, warnings = segment(body, vocabulary, blocks_are_paragraphs=extraction.paragraphs_known)
    doc.warnings.extend(warnings)
    doc.paragraphs, warnings = build_paragraphs(raws)
    doc.warnings.extend(warnings)
    if not doc.paragraphs:
        raise ParseError("No paragraphs were found after the subject line.")
    used = {ref for p in doc.paragraphs for ref in p.footnote_refs + [r for s in p.subparagraphs for r in s.footnote_refs]}
    doc.footnotes = footnotes
    missing = sorted(used - {f.marker for f in footnotes}, key=int)
    if footnotes and missing:
        doc.warnings.append(f"Footnote markers without footnote text: {', '.join(missing)}.")
    doc.citations = _citations(doc)
    return doc


def _merge_footnotes(structural, inline):
    seen = {f.marker for f in structural}
    merged = list(structural)
    for note in inline:
        if note.marker not in seen:
            merged.append(note)
            seen.add(note.marker)
    for note in merged:
        note.text = clean_text(note.text)
    return merged


def _citations(doc: ParsedDocument):
    try:
        from resolutions.citations import find_citations, find_footnote_citations
    except ImportError:
        return []
    organ = doc.body
    citations = []
    for index, paragraph in enumerate(doc.paragraphs):
        texts = [paragraph.text] + [s.text for s in paragraph.subparagraphs]
        for text in texts:
            for citation in find_citations(text, organ=organ):
                citation.paragraph = index
                citations.append(citation)
    citations.extend(find_footnote_citations(doc.footnotes, organ=organ))
    return citations
