"""Security Council drafts laid out as the Council has printed them since about 2010: the sponsors and
': draft resolution', 'The Security Council,', preambular paragraphs with their first line indented and no space
between paragraphs, and each operative number alone on a line above its paragraph, the text set at the indent.

The PDFs are made at test time with reportlab from the UN's own AKN4UN XML of drafts that were not adopted
(their text as the UN published it); expectations come from that XML's markup (scripts/gold.py), not the parser."""
import io
import re
import textwrap

import pytest

from resolutions.parser import parse
from scripts.gold import akn_gold, render_akn

DRAFTS = "unxml-sc-resolutions/Not adopted/English"
INDENT, MARGIN, LEADING = 108, 72, 14


def _draft_pdf(xml_path, numbers_alone: bool = True) -> bytes:
    """The rendered AKN text drawn as a draft: header lines, then body lines wrapped at about 85 characters,
    preambular first lines at the indent and their other lines at the margin, no space between paragraphs."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(612, 792))
    state = {"y": 740}

    def draw(x, text):
        if state["y"] < 80:
            pdf.setFont("Times-Roman", 9)
            pdf.drawString(MARGIN, 40, "24-03217 (E) 200224")
            pdf.showPage()
            state["y"] = 740
        pdf.setFont("Times-Roman", 12)
        pdf.drawString(x, state["y"], text)
        state["y"] -= LEADING

    for line in render_akn(xml_path).split("\n"):
        numbered = re.match(r"(\d{1,3})\.\s+(.*)", line)
        if numbered and numbers_alone:
            draw(INDENT, f"{numbered.group(1)}.")
            for part in textwrap.wrap(numbered.group(2), 80):
                draw(INDENT, part)
            continue
        for index, part in enumerate(textwrap.wrap(line, 85)):
            draw(INDENT if index == 0 else MARGIN, part)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["S_2024_173-2403217E.xml", "S_2023_212-2305680E.xml", "S_2025-353-2508520E.xml"])
def test_draft_with_numbers_alone_on_their_lines_is_read_as_printed(corpus_dir, name):
    xml = corpus_dir / DRAFTS / name
    gold = akn_gold(xml)
    doc = parse(_draft_pdf(xml), name.replace(".xml", ".pdf"))
    assert (doc.symbol, doc.document_type) == (gold["symbol"], "draft resolution")
    assert doc.preamble_subject == "The Security Council"
    want = [(p.kind, p.number, p.lead) for p in gold["paragraphs"]]
    got = [(p.kind, p.number, p.lead) for p in doc.paragraphs]
    assert [(k, n) for k, n, _ in got] == [(k, n) for k, n, _ in want]
    # Where a lead ends without italics is the house style's guess ('Recalling also' where the UN italicised
    # 'Recalling' only); each paragraph must open with the UN's lead.
    for (_, _, lead), (_, number, wanted) in zip(got, want):
        assert lead is not None and (lead.startswith(wanted) or wanted.startswith(lead)), (number, lead, wanted)


def test_subject_line_is_not_merged_into_the_first_preambular_paragraph(corpus_dir):
    xml = corpus_dir / DRAFTS / "S_2024_173-2403217E.xml"
    doc = parse(_draft_pdf(xml), "S_2024_173.pdf")
    # 'The Security Council,' then 'Reaffirming the purposes and principles of the Charter of the United Nations,'
    assert doc.paragraphs[0].text == "Reaffirming the purposes and principles of the Charter of the United Nations,"
    assert not any("Security Council, Reaffirming" in p.text for p in doc.paragraphs)
