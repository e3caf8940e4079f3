"""One document as plain text, laid out as the UN prints a resolution: header, sponsors, title, the preamble's
subject, preambular paragraphs, numbered operative paragraphs with lettered sub-paragraphs, the footnotes, then each
annex with its own paragraphs and notes, and any text the parser could not place.
Footnote markers are written after their paragraph as [n]."""
from __future__ import annotations

import textwrap

from resolutions.models import Document
from resolutions.selectors.documents import ParagraphView, document_page

WIDTH = 90


def _markers(view: ParagraphView) -> str:
    return "".join(f"[{ref}]" for ref in view.paragraph.footnote_refs)


def _block(text: str, first: str = "", rest: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first, subsequent_indent=rest or " " * len(first),
                         break_long_words=False, break_on_hyphens=False)


def _sponsors(sponsorships) -> str:
    names = [s.name_as_printed for s in sponsorships]
    if len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return names[0] if names else ""


def document_text(document: Document) -> str:
    page = document_page(document.pk)
    d = page.document
    lines: list[str] = []
    header = [d.symbol or "", d.body, d.distribution and f"Distr.: {d.distribution}",
              d.date and d.date.strftime("%-d %B %Y"), d.original_language and f"Original: {d.original_language}"]
    lines += [h for h in header if h]
    if d.session:
        lines.append(f"Session {d.session}")
    for item in page.agenda_items:
        lines.append(_block(f"Agenda item {item.number}: {item.title}".rstrip(": ")))
    if d.committee:
        lines.append(d.committee)
    lines.append("")
    if page.sponsorships:
        lines.append(_block(_sponsors(page.sponsorships) + (f": {d.document_type}" if d.document_type else "")))
    elif d.document_type:
        lines.append(d.document_type)
    lines += ["", _block(d.display_title), ""]
    if d.preamble_subject:
        lines += [f"{d.preamble_subject},", ""]
    for view in page.preambular:
        lines += [_block(view.paragraph.text + _markers(view), "    ", ""), ""]
        for sub in view.subparagraphs:
            lines += [_block(f"({sub.paragraph.label}) {sub.paragraph.text}{_markers(sub)}", "    ", "    "), ""]
    for view in page.operative:
        lines += _numbered_lines(view)
    lines += _notes_lines(page.footnotes)
    for annex in page.annexes:
        lines += _annex_lines(annex)
    if d.unplaced:
        lines += ["", "Text not yet placed (kept word for word from the source):", ""]
        for block in d.unplaced:
            lines += [_block(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def _annex_lines(annex) -> list[str]:
    """An annex as printed: its label and title centred above its paragraphs, then its own notes."""
    lines = ["", "", annex.annex.label.center(WIDTH).rstrip(), ""]
    if annex.annex.title:
        lines += [_block(annex.annex.title), ""]
    for view in annex.paragraphs:
        if view.paragraph.heading:
            lines += [_block(view.paragraph.heading), ""]
        lines += _numbered_lines(view)
    return lines + _notes_lines(annex.footnotes)


def _numbered_lines(view: ParagraphView) -> list[str]:
    """A paragraph with its number hanging (blank when unnumbered), then its lettered sub-paragraphs."""
    number = f"{view.paragraph.number}." if view.paragraph.number else ""
    lines = [_block(view.paragraph.text + _markers(view), f"{number:<4}", "    "), ""]
    for sub in view.subparagraphs:
        lines += [_block(f"({sub.paragraph.label}) {sub.paragraph.text}{_markers(sub)}", "    ", "        "), ""]
    return lines


def _notes_lines(notes) -> list[str]:
    """Notes under a rule, as printed at the foot of the text."""
    if not notes:
        return []
    return ["_" * 20, ""] + [_block(f"{note.marker} {note.text}", "", "   ") for note in notes]
