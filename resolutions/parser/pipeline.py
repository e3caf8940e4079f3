"""Format detection, the per-format extraction pipelines and the one shared structuring step.

    bytes --detect_format--> format
          --extract_<format>--> Extraction (markdown dialect, see extraction.py)
          --structure--> ParsedDocument

Each stage is a small function whose docstring says what it reads and writes.
"""
from __future__ import annotations

import re

from resolutions.un.bodies import FOUNDING_ORGANS, MASTHEAD_NAMES, names_pattern, parent_organ

from .annexes import read_tail, split_adopted_text, split_restarted_numbering
from .body import segment
from .body_lines import ANNEX_LINE, closing_index
from .citing import document_citations
from .document import Footnote, ParsedDocument, ParseError
from .extract_akn import extract_akn, looks_like_akn
from .extraction import Extraction
from .header import is_resolution_heading, read_front_matter, read_header
from .language import detect_language, match_formula, read_dates
from .paragraphs import build_paragraphs, clean_text
from .footnotes import extract_footnotes, mark_glued_markers
from .furniture import join_raised_note_markers, remove_furniture
from .text_stages import RULE, decode, normalise_unicode, split_front_matter, strip_markdown
from .wrapping import word_vocabulary

SUBJECT = re.compile(
    rf"\s*\*?\s*The\s+({names_pattern(MASTHEAD_NAMES)}|"
    r"Commission on [A-Z][A-Za-z ]{2,60}|Conference of [A-Z][A-Za-z ]{2,80})\s*,?\s*\*?\s*,?\s*$"
)
MAX_BYTES = 60 * 1024 * 1024
MAX_TEXT_BYTES = 8 * 1024 * 1024   # the longest resolutions, annexes included, are under 1 MB of text


def detect_format(data: bytes, filename: str = "") -> str:
    """Read: the first bytes and the file name.  Write: 'pdf', 'docx', 'akn', 'html', 'markdown' or 'text'.

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
    if looks_like_akn(head):
        return "akn"
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
    """Read: text or markdown bytes.  Write: an Extraction (normalised text, front-matter hints).

    Stages: decode -> normalise_unicode -> split_front_matter.  Everything else a text file needs
    (furniture, footnote blocks, unwrapping) is done by the shared structuring step, because PDF,
    Word and HTML extractions hand over the same markdown dialect."""
    text, warnings = decode(data)
    text = normalise_unicode(text)
    text, meta = split_front_matter(text)
    return Extraction(format=fmt, markdown=text, warnings=warnings, hints=meta)


# The shared structuring step, in order (see structure()):
#   strip_markdown -> remove_furniture -> extract_footnotes -> mark_glued_markers -> split_subject
#   -> read_front_matter / read_header -> drop_running_titles -> segment -> build_paragraphs
#   -> trailing_footnotes -> citations


def _extract(data: bytes, fmt: str) -> Extraction:
    """Read: bytes of a detected format.  Write: its Extraction (the format's own extractor, imported lazily so
    a missing one is a ParseError naming the format, not an ImportError)."""
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
    try:
        extraction = extractor(data)
    except ParseError:
        raise
    except Exception as exc:  # a damaged file makes the reading library fail in its own ways
        raise ParseError(f"This {fmt.upper()} file could not be read ({type(exc).__name__}: {exc}).") from exc
    extraction.markdown = normalise_unicode(extraction.markdown)
    return extraction


def parse(data: bytes, filename: str = "") -> ParsedDocument:
    """Bytes and a file name in, a ParsedDocument out; ParseError says why not."""
    if not data or not data.strip():
        raise ParseError("The file is empty.")
    if len(data) > MAX_BYTES:
        raise ParseError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    fmt = detect_format(data, filename)
    if fmt == "akn":
        return extract_akn(data)  # the markup is the structure: no shared structuring step (see extract_akn)
    if fmt in ("text", "markdown", "html") and len(data) > MAX_TEXT_BYTES:
        raise ParseError(f"This {fmt} file is {len(data) / 1024 / 1024:.0f} MB, far longer than any resolution "
                         f"(the longest are under 1 MB); split it into one file per document.")
    extraction = _extract(data, fmt)
    return structure(extraction)


# The subject inside an operative paragraph of an early resolution that has no subject line of its own:
# '1. The Security Council requests the permanent members ...' (S/RES/1 (1946)).
SUBJECT_IN_PARAGRAPH = re.compile(rf"\s*\d{{1,3}}\.\s+The ({names_pattern(FOUNDING_ORGANS)}) [a-z]")


def split_subject(lines: list[str]) -> tuple[list[str], str | None, list[str]]:
    """Read: clean lines.  Write: header lines, the subject ('The General Assembly'), body lines.

    Without a subject line, an early resolution that names its organ in its numbered paragraphs ('1. The
    Security Council requests ...') under a resolution heading ('1 (1946) Resolution of 25 January 1946')
    has its header above the first paragraph after that heading.  Otherwise the whole text is body (and
    the header and the subject are empty)."""
    for index, line in enumerate(lines):
        match = SUBJECT.fullmatch(line)
        if match:
            return lines[:index], f"The {match.group(1)}", lines[index + 1:]
        other = match_formula(line)  # the formula in another of the UN's languages ('La Asamblea General,')
        if other:
            return lines[:index], other[0], lines[index + 1:]
    # A one-paragraph resolution prints its formula without comma ('Генеральная Ассамблея' then the paragraph);
    # the same words head the page as the masthead, so the formula is the second of them.
    loose = [index for index, line in enumerate(lines) if match_formula(line, loose=True)]
    if len(loose) >= 2:
        index = loose[-1]
        return lines[:index], match_formula(lines[index], loose=True)[0], lines[index + 1:]
    organ = next((m.group(1) for line in lines if (m := SUBJECT_IN_PARAGRAPH.match(line))), None)
    heading = next((i for i, line in enumerate(lines[:40]) if is_resolution_heading(line)), None)
    if organ and heading is not None:
        return lines[:heading + 1], f"The {organ}", lines[heading + 1:]
    return [], None, lines


def structure(extraction: Extraction) -> ParsedDocument:
    """The shared structuring step: any Extraction in, a ParsedDocument out."""
    doc = ParsedDocument(format=extraction.format, warnings=list(extraction.warnings))
    lines = strip_markdown(join_raised_note_markers(extraction.markdown.split("\n")))
    lines, facts = remove_furniture(lines)
    lines, footnotes = extract_footnotes(lines)
    footnotes = _merge_footnotes(extraction.footnotes, footnotes)
    lines, marker_warnings = mark_glued_markers(lines, footnotes, printed_later=notes_after_closing(lines))
    doc.warnings.extend(marker_warnings)
    lines = [line for line in lines if line != RULE]
    header, subject, body = split_subject(lines)
    if subject is None:
        raise ParseError("This does not look like a resolution: no line such as 'The General Assembly,' or "
                         "'The Security Council,' (or the same in French, Spanish, Russian, Arabic or Chinese) "
                         "introduces its paragraphs.")
    doc.preamble_subject = subject
    formula = match_formula(subject, loose=True)
    doc.language = detect_language(extraction.markdown, formula[1] if formula else None)
    read_front_matter(extraction.hints, doc)
    read_header(header, doc, facts)
    # The header's dates in the text's language: the date of issue (printed in English on some covers, and read
    # so above), then 'Résolution adoptée ... le 19 septembre 2025', the adoption date, which the archive dates a
    # resolution by, as in English.
    dates = read_dates("\n".join(header), doc.language)
    doc.date = dates[-1] if dates else doc.date
    doc.title = title_without_marker(title_from_hints(doc.title, extraction.hints.get("title")), footnotes)
    doc.body = _acting_body(doc.body, formula[1].organ if formula else subject[len("The "):])
    body = drop_running_titles(body, [doc.title, extraction.hints.get("title")])
    vocabulary = word_vocabulary(body)
    raws, warnings, end = segment(body, vocabulary, blocks_are_paragraphs=extraction.paragraphs_known)
    doc.warnings.extend(warnings)
    doc.paragraphs, warnings = build_paragraphs(raws, doc.body)
    doc.warnings.extend(warnings)
    if not doc.paragraphs:
        raise ParseError("No paragraphs were found after the subject line.")
    used = {ref for p in doc.paragraphs for ref in p.footnote_refs + [r for s in p.subparagraphs for r in s.footnote_refs]}
    wanted = used - {f.marker for f in footnotes}
    found_after_closing: list[Footnote] = []
    if wanted:
        found = found_after_closing = trailing_footnotes(body, wanted)
        if found:
            footnotes = footnotes + found
            doc.warnings = [w for w in doc.warnings if "footnotes themselves are missing" not in w]
    doc.footnotes = footnotes
    read_tail(body[end:], doc, {f.marker for f in found_after_closing})
    split_adopted_text(doc)
    split_restarted_numbering(doc)
    missing = sorted(used - {f.marker for f in footnotes}, key=int)
    if footnotes and missing:
        doc.warnings.append(f"Footnote markers without footnote text: {', '.join(missing)}.")
    doc.citations = document_citations(doc)
    return doc


TRAILING_NOTE = re.compile(r"\s*(\d{1,3})\.?\s+(\S.*)")


def _acting_body(masthead: str | None, acting: str) -> str:
    """The organ whose resolution this is: the masthead's, unless the subject names a subsidiary organ that prints
    its parent's masthead ('General Assembly' above 'The Human Rights Council,'; 'Economic and Social Council'
    above 'The Commission on the Status of Women,')."""
    if not masthead:
        return acting
    return acting if parent_organ(acting) == masthead else masthead


def notes_after_closing(lines: list[str]) -> set[str]:
    """Read: clean lines.  Write: the markers of the notes printed after the closing line ('98 United Nations,
    Treaty Series, vol. 500, p. 95.' under 'Adopted unanimously at the 2178th meeting.'), as the printed
    compilations of the Security Council set them: the footnotes the document has, before they are read."""
    closing = closing_index(lines)
    if closing is None:
        return set()
    markers = set()
    for line in lines[closing + 1:]:
        if ANNEX_LINE.match(line):
            break   # an annex's numbered paragraphs ('1. Reaffirm ...') are not notes
        note = NOTE_AFTER_CLOSING.fullmatch(line)
        if note:
            markers.add(note.group(1))
    return markers


NOTE_AFTER_CLOSING = re.compile(r"\s{0,4}([1-9]\d{0,2})\s+([A-Z]\S*.*)")   # '98 United Nations, ...', not '1. Reaffirm'


def trailing_footnotes(body: list[str], wanted: set[str]) -> list[Footnote]:
    """Read: body lines and the markers the paragraphs use without a footnote.  Write: those footnotes.

    Printed compilations put the notes after the closing line ('Adopted at the 2518th meeting.'), as
    '56 Official Records of ...' (or '5. Ibid., ...'), possibly wrapped; only wanted markers are taken.
    """
    closing = closing_index(body)
    if closing is None:
        return []
    notes: list[Footnote] = []
    current: Footnote | None = None
    for line in body[closing + 1:]:
        match = TRAILING_NOTE.fullmatch(line)
        if match and match.group(1) in wanted and match.group(1) not in {n.marker for n in notes}:
            current = Footnote(marker=match.group(1), text=match.group(2).strip())
            notes.append(current)
        elif match:
            current = None  # a note the paragraphs do not cite (a vote note such as '56 One member ...')
        elif current is not None and line.strip():
            current.text = f"{current.text} {line.strip()}"
        else:
            current = None
    for note in notes:
        note.text = clean_text(note.text)
    return notes


def title_from_hints(printed: str | None, catalogued: str | None) -> str | None:
    """Read: the title printed in the text and a catalogue title (front matter).  Write: the title to keep.

    The printed title wins, unless it is missing or a cut-off start of the catalogue title (a title line
    wrapped in the PDF and lost in conversion): then the catalogue's remaining words complete it.  The
    catalogue writes ordinals as figures ('the 4th special session', 'the 80th session') where the UN
    prints words ('fourth'), so the two are compared with ordinals spelt out.  The catalogue's ' :'
    separators become ': '."""
    if not catalogued:
        return printed
    catalogued = re.sub(r"\s+:", ":", catalogued.replace('\\"', '"')).rstrip(" :/").strip()
    if not printed:
        return catalogued or None
    wanted = _plain(_spell_ordinals(printed))
    words = catalogued.split()[:200]
    for count in range(1, len(words)):
        start = _plain(_spell_ordinals(" ".join(words[:count])))
        if start == wanted:
            return f"{printed} {' '.join(words[count:])}"
        if len(start) > len(wanted):
            break
    return printed


TITLE_END_MARKER = re.compile(r"(.{0,2000}?[A-Za-z)\]”’\"'])[ ]?(\d{1,3})")


def title_without_marker(title: str | None, footnotes: list[Footnote]) -> str | None:
    """Read: the title and the document's footnotes.  Write: the title without footnote markers.

    A marker on the title ('... Occupied Palestinian Territory 1', glued 'Territory1', or
    '<sup>1</sup>') calls the footnote printed under the title; it belongs to that footnote, not to the
    title's words.  A plain trailing number is taken for a marker only when the document has that footnote.
    """
    if not title:
        return title
    title = re.sub(r"\s*<sup>\d{1,3}</sup>", "", title).strip()
    trailing = TITLE_END_MARKER.fullmatch(title)
    if trailing and trailing.group(2) in {note.marker for note in footnotes}:
        title = trailing.group(1)
    return title


def _spell_ordinals(text: str) -> str:
    """'the 4th special session' -> 'the fourth special session' (1st to 99th)."""
    return re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", lambda m: ORDINALS.get(int(m.group(1)), m.group(0)), text)


_UNIT_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEEN_WORDS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
               "eighteenth", "nineteenth"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS = {n + 1: w for n, w in enumerate(_UNIT_WORDS)} | {n + 10: w for n, w in enumerate(_TEEN_WORDS)}
for _n, _tens in enumerate(_TENS):
    ORDINALS[20 + 10 * _n] = _tens[:-1] + "ieth"
    ORDINALS.update({20 + 10 * _n + u + 1: f"{_tens}-{w}" for u, w in enumerate(_UNIT_WORDS)})


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"<sup>\d{1,3}</sup>", "", text).lower()).strip()


def drop_running_titles(lines: list[str], titles: list[str | None]) -> list[str]:
    """Read: body lines and the document's title(s).  Write: the lines without running headers that repeat the title.

    A page header of an adopted resolution prints the title (often cut short) on a
    line of its own between blank lines; inside the body such a line is furniture,
    not the continuation of the paragraph the page break cut.
    """
    known = [_plain(t) for t in titles if t and len(_plain(t)) >= 15]
    if not known:
        return lines
    out = []
    for index, line in enumerate(lines):
        alone = (index == 0 or not lines[index - 1].strip()) and (index + 1 == len(lines) or not lines[index + 1].strip())
        plain = _plain(line)
        if alone and len(plain) >= 15 and any(t.startswith(plain) or plain.startswith(t) for t in known) \
                and not re.search(r"[,;:.]\s*$", line):
            continue
        out.append(line)
    return out


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
