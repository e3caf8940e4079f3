"""Annexes and unplaced text of a parse, stored beside the resolution's own paragraphs.

An annex's paragraphs are ``Paragraph`` rows (``annex`` set) numbered on from the resolution's rows, so the
paragraph order stays unique per document and every text of the document is searched, banded for agreed language
and compared the same way; its footnotes are ``Footnote`` rows with ``annex`` set (annexes number their notes
apart from the resolution's).
"""
from __future__ import annotations

from resolutions.models import Annex, Footnote, Paragraph
from resolutions.parser.document import ParsedDocument
from resolutions.un.anchors import Anchors, subparagraph


def annex_texts(parsed: ParsedDocument) -> list[str]:
    """The annexes' paragraph texts in the order ``store_annexes`` writes them (each paragraph, then its
    sub-paragraphs), to follow the resolution's own in the list the LSH bands are computed from."""
    texts = []
    for annex in parsed.annexes:
        for paragraph in annex.paragraphs:
            texts.append(paragraph.text)
            texts.extend(sub.text for sub in paragraph.subparagraphs)
    return texts


def _limit(model, field: str) -> int:
    return model._meta.get_field(field).max_length


def store_annexes(document, parsed: ParsedDocument, bands: list[list[int]], first_order: int) -> list[Annex]:
    """Write ``parsed.annexes`` as Annex rows with their paragraphs and footnotes.

    ``first_order`` is the ``order`` of the first annex paragraph row (one after the resolution's last row);
    ``bands[i]`` are the LSH bands of the i-th text of ``annex_texts(parsed)``.
    """
    if not parsed.annexes:
        return []
    annexes = Annex.objects.bulk_create([
        Annex(document=document, order=number, label=(annex.label or "Annex").strip()[:_limit(Annex, "label")],
              title=(annex.title or "").strip())
        for number, annex in enumerate(parsed.annexes, start=1)])
    number_max, lead_max, label_max = (_limit(Paragraph, "number"), _limit(Paragraph, "lead"),
                                       _limit(Paragraph, "label"))
    heading_max = _limit(Paragraph, "heading")
    ref_max = Paragraph._meta.get_field("footnote_refs").base_field.max_length
    top_level, children, index, anchors = [], [], 0, Anchors()
    for annex_row, annex in zip(annexes, parsed.annexes):
        for paragraph in annex.paragraphs:
            row = Paragraph(document=document, annex=annex_row, order=first_order + index, kind=paragraph.kind,
                            number=(paragraph.number or "")[:number_max], lead=(paragraph.lead or "")[:lead_max],
                            heading=(paragraph.heading or "")[:heading_max], text=paragraph.text,
                            footnote_refs=[str(ref)[:ref_max] for ref in paragraph.footnote_refs],
                            lsh_bands=bands[index] if index < len(bands) else [])
            row.anchor = anchors.annex_paragraph(annex_row.order, row.kind, row.number)
            index += 1
            top_level.append(row)
            for sub in paragraph.subparagraphs:
                children.append((row, Paragraph(
                    document=document, annex=annex_row, order=first_order + index, kind=paragraph.kind,
                    label=(sub.label or "")[:label_max], text=sub.text,
                    footnote_refs=[str(ref)[:ref_max] for ref in sub.footnote_refs],
                    lsh_bands=bands[index] if index < len(bands) else [],
                    anchor=subparagraph(row.anchor, (sub.label or "")[:label_max]))))
                index += 1
    Paragraph.objects.bulk_create(top_level)
    for parent, child in children:
        child.parent = parent
    Paragraph.objects.bulk_create([child for _, child in children])
    footnote_order = document.footnotes.count()
    rows = []
    for annex_row, annex in zip(annexes, parsed.annexes):
        for note in annex.footnotes:
            footnote_order += 1
            rows.append(Footnote(document=document, annex=annex_row, order=footnote_order,
                                 marker=str(note.marker)[:_limit(Footnote, "marker")], text=note.text))
    Footnote.objects.bulk_create(rows)
    return annexes


def unplaced_blocks(parsed: ParsedDocument) -> list[str]:
    return [block for block in (text.strip() for text in parsed.unplaced) if block]
