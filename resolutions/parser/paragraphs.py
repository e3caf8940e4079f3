"""Structuring, part two (c): raw paragraphs to Paragraph objects.

Read: the raw paragraphs ``body.segment`` wrote (kind, number or label, text with the archive's inline markup,
sub-paragraphs, heading, section opening) and the body's name.  Write: Paragraph objects with kind
(preambular or operative), number, lead phrase, plain text, sub-paragraphs and footnote references, and
warnings for what had to be supplied (a lost number, a lead read off the first word).
"""
from __future__ import annotations

import re

from .body_lines import MARKER, layout_lead
from .document import Paragraph, SubParagraph
from .leads import match_lead, match_other_language_lead


def lead_and_text(text: str, body: str | None = None) -> tuple[str | None, str]:
    """The lead phrase (italic where marked, else from the vocabulary, ended where the body's style ends
    its italics) and the text without markup."""
    lead = None
    italic = re.match(r"\s*\*([^*\n]{1,80})\*", text)
    if italic:
        lead = italic.group(1).strip().rstrip(",")
    plain = clean_text(text)
    if lead is None or not plain.startswith(lead):
        lead = match_lead(plain, body) or match_other_language_lead(plain) or lead
    return lead, plain


def clean_text(text: str) -> str:
    """Markers and italic asterisks removed, whitespace collapsed, one line."""
    text = MARKER.sub("", text)
    text = text.replace("*", "")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;:.])", r"\1", text)
    return text


def marker_refs(text: str) -> list[str]:
    refs: list[str] = []
    for marker in MARKER.findall(text):
        if marker not in refs:
            refs.append(marker)
    return refs


def build_paragraphs(raws: list, body: str | None = None) -> tuple[list[Paragraph], list[str]]:
    """Read: raw paragraphs and the body ('Security Council').  Write: Paragraph objects with kind, number,
    lead, text, sub-paragraphs, refs.  Where the source has no italics the lead ends where the body's
    house style ends it (leads.match_lead).

    Paragraphs before the first numbered one are preambular; from it on they are
    operative.  An unnumbered paragraph among operative ones (a number lost in
    conversion) takes the next number, with a warning.
    """
    out: list[Paragraph] = []
    warnings: list[str] = []
    operative = False
    last_number = 0
    in_sections = False
    for raw in raws:
        if raw.opens_section:
            operative = False   # a section opens with preambular paragraphs of its own, then numbers from 1
            in_sections = True
        if raw.kind == "number":
            operative = True
            last_number = int(raw.number)
            number = raw.number
        elif operative:
            last_number += 1
            number = str(last_number)
            warnings.append(f"Operative paragraph without a number after paragraph {last_number - 1}; "
                            f"numbered {number}.")
        else:
            number = None
        lead, text = lead_and_text(raw.text, body)
        if not text and raw.children:
            lead = lead_and_text(raw.children[0].text, body)[0]   # '2. (a) Decides ...': the first item's lead
        if operative and lead is None:
            verb = re.match(r"([A-Z][a-z]{2,20}(?:es|s))(?= [a-z(])", text)
            if verb and not verb.group(1).endswith("ss"):
                lead = verb.group(1)  # a verb the vocabulary lacks ('Undertakes', 'Holds'): its first word
                warnings.append(f"Lead of operative paragraph {number} taken from its first word: {lead!r}.")
            else:
                warnings.append(f"No lead phrase found for operative paragraph {number}.")
        if not operative and lead is None:
            lead = layout_lead(text)   # 'Ever mindful', 'Looking ahead': a lead the vocabulary lacks
        if not operative and lead is None:
            warnings.append(f"No lead phrase found for preambular paragraph {text[:60]!r}.")
        subparagraphs = [SubParagraph(label=c.number, text=clean_text(c.text), footnote_refs=marker_refs(c.text))
                         for c in raw.children]
        kind = "operative" if operative else "preambular"
        if in_sections and not operative and _reads_operative(lead, text):
            kind = "operative"   # a section of one unnumbered paragraph: 'II / Title / Decides to ...'
        out.append(Paragraph(kind=kind, text=text, number=number, lead=lead, subparagraphs=subparagraphs,
                             footnote_refs=marker_refs(raw.text), heading=raw.heading))
    if not operative and not in_sections:
        _unnumbered_operative(out)
    return out, warnings


def _reads_operative(lead: str | None, text: str) -> bool:
    """Led by a verb in the third person ('Decides', 'Also requests') and not ending as a preambular paragraph."""
    first = (lead or "").split(" ")
    verb = next((w for w in first if not w.endswith("ly") and w not in ("Also", "Further", "Again", "Once")), "")
    return verb.endswith("s") and not verb.endswith("ss") and not text.endswith(",")


def _unnumbered_operative(paragraphs: list[Paragraph]) -> None:
    """A resolution without numbered paragraphs ('The General Assembly / Adopts the Declaration ...', the old
    Security Council 'Resolves that ...'): its closing paragraphs led by a verb in the third person are operative."""
    for paragraph in reversed(paragraphs):
        if _reads_operative(paragraph.lead, paragraph.text):
            paragraph.kind = "operative"
        else:
            break
