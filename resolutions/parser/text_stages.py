"""Stages that turn the bytes of a text or markdown file into clean lines: decoding, Unicode, markdown.

Each stage reads and writes plain Python values (no Django), so a pipeline is a
list of functions applied in order (see pipeline.py).  The lines they produce
carry the archive's small inline markup: ``*italic*`` and ``<sup>N</sup>``.

Every regular expression here is anchored or built from disjoint character
classes so that none can backtrack catastrophically on long inputs.

The page's furniture goes in furniture.py, footnotes and their markers in footnotes.py, and wrapped lines are
joined by wrapping.py.
"""
from __future__ import annotations

import re
import unicodedata

from .document import ParseError
from .wrapping import TextBuilder

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
RULE = "\x00RULE"  # a sentinel line standing for a rule or page break
PAGE = "\x00PAGE"  # a sentinel line where page furniture was: the end of a page's footnote area


def decode(data: bytes) -> tuple[str, list[str]]:
    """Read: raw bytes.  Write: text and warnings.

    UTF-8 (with or without a BOM) first; otherwise cp1252 (the usual encoding of
    Word-era text files), with a warning.  Bytes with NUL characters or mostly
    unprintable characters are not a text file: ParseError.
    """
    if not data.strip():
        raise ParseError("The file is empty.")
    sample = data[:65536]
    if b"\x00" in sample:
        raise ParseError("This is a binary file, not text (it contains NUL bytes).")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Mixed encodings happen (a UTF-8 file with pasted Windows-1252 lines): decode line by line.
        lines = []
        for raw in data.split(b"\n"):
            try:
                lines.append(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                lines.append(raw.decode("cp1252", errors="replace"))
        text = "\n".join(lines)
        warnings.append("The file is not valid UTF-8; lines that are not were read as Windows-1252.")
    printable = sum(1 for ch in text[:65536] if ch.isprintable() or ch in "\n\r\t")
    if printable < 0.9 * min(len(text), 65536):
        raise ParseError("This file does not look like text (too many control characters).")
    return text, warnings


def normalise_unicode(text: str) -> str:
    """Read and write: text.

    NFC; non-breaking and soft hyphens, non-breaking spaces and tabs made plain;
    unicode superscript digits and LaTeX debris such as ``$^{6}\\ A/HRC$`` become
    ``<sup>N</sup>`` markers; markdown footnote references ``[^6]`` too.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2011", "-").replace("\u2010", "-").replace("\u00ad", "")
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\t", " ")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    # Control characters (other than newline) carry nothing in a resolution; form feeds are page breaks.
    text = text.replace("\f", "\n")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", text)
    # LaTeX-like debris from some PDF converters: $^{6}\ A/HRC/Sub.1/58/25$
    text = re.sub(r"\$\^\{\^?\{?(\d{1,3})\}?\\?\}?\s*([^$\n]*)\$", r"<sup>\1</sup> \2", text)
    text = re.sub(r"\$\^\{?(\d{1,3})\}?\$", r"<sup>\1</sup>", text)
    text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}", lambda m: f"<sup>{m.group(0).translate(SUPERSCRIPT_DIGITS)}</sup>", text)
    text = join_footnote_definitions(text)
    text = re.sub(r"(?m)^\[\^(\d{1,3})\]:[ ]?", r"<sup>\1</sup> ", text)  # a markdown footnote definition
    text = re.sub(r"\[\^(\d{1,3})\]", r"<sup>\1</sup>", text)
    text = re.sub(r"<sup>\s*(\d{1,3})\s*</sup>", r"<sup>\1</sup>", text)
    return text


MD_DEFINITION = re.compile(r"\[\^(\d{1,4})\]:[ ]?(.*)")


def join_footnote_definitions(text: str) -> str:
    """Read and write: text.  A markdown footnote definition wrapped over several lines becomes one line.

    ``[^2]: Report of the ... Developing`` followed by ``    Countries and ...`` is one footnote (markdown's
    rule: continuation lines are indented); without this the structuring step, which ends a footnote at an
    indented line as plain-text footnote areas need, would cut the note at its first line.  A converter
    also misreads a wrapped line that starts with a number as a definition of its own, right under the
    note it continues: ``[^10]: ... Cairo, 5-13 September`` then ``[^1994]: (United Nations ...``, or
    ``[^2]: ... as from`` then ``[^7]: February 1984.``.  Such a line (four digits, or not the next
    marker after a note that has not ended with a full stop) joins the note above.  Hyphens are repaired.
    """
    if "[^" not in text:
        return text
    out: list[str] = []
    note: TextBuilder | None = None
    marker = 0
    for line in text.split("\n"):
        definition = MD_DEFINITION.fullmatch(line)
        if note is not None and line[:2] == "  " and line.strip():
            note.add(line)
            continue
        if note is not None and definition and (
                len(definition.group(1)) == 4 or (int(definition.group(1)) != marker + 1 and not note.endswith("."))):
            note.add(f"{definition.group(1)} {definition.group(2)}")
            continue
        if note is not None:
            out.append(f"[^{marker}]: {note.text}")
            note = None
        if definition and len(definition.group(1)) <= 3:
            marker, note = int(definition.group(1)), TextBuilder(definition.group(2))
            continue
        out.append(line)
    if note is not None:
        out.append(f"[^{marker}]: {note.text}")
    return "\n".join(out)


def split_front_matter(text: str) -> tuple[str, dict]:
    """Read: text.  Write: text without a leading YAML front matter block, and its simple ``key: value`` pairs."""
    if not text.startswith("---\n"):
        return text, {}
    end = text.find("\n---\n", 4)
    if end < 0:
        return text, {}
    meta = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and re.fullmatch(r"[A-Za-z_]{1,40}", key.strip()):
            meta[key.strip()] = value.strip().strip('"').strip("'")
    return text[end + 5:], meta


def strip_markdown(lines: list[str]) -> list[str]:
    """Read and write: lines.

    Markdown syntax that is not the archive's markup goes: headings ``#``, bold
    ``**``, links ``[64/293](#)`` (their text kept), list dashes before
    paragraph numbers (``- 1. Recognizes``), other HTML tags, and escapes.
    Italic ``*...*`` and ``<sup>`` stay.  A ``---`` rule becomes the RULE sentinel.
    """
    out = []
    for line in lines:
        if not line or line.isspace():
            out.append(line)
            continue
        if MD_RULE.fullmatch(line.strip()):
            out.append(RULE)
            continue
        line = MD_HEADING.sub("", line)
        line = line.replace("**", "").replace("__", "")
        if "](" in line:
            line = MD_LINK.sub(r"\1", line)
        line = MD_LIST_DASH.sub("", line)
        if "<" in line:
            line = HTML_TAG.sub("", line)
        if "\\" in line:
            line = MD_ESCAPE.sub(r"\1", line)
        out.append(line)
    return out


MD_RULE = re.compile(r"(?:-\s*){3,}|(?:\*\s*){3,}|_{3,}")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\s]{0,300}\)")
MD_LIST_DASH = re.compile(r"^\s*[-+•]\s+(?=\d{1,3}\.|\([a-z]{1,4}\))")
HTML_TAG = re.compile(r"</?(?!sup\b)[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,200})?/?>")
MD_ESCAPE = re.compile(r"\\([*_\[\]()#.\-])")
