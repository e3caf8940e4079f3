"""PDF extraction: the UN's own PDFs (A/RES/73/3, 6, 7, 8) and PDFs built with reportlab from seed 000.

Expectations were written by reading the PDFs (pdfplumber's plain text and the
italic words at each line start), not from the extractor's output."""
import functools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.parser import ParseError, parse
from resolutions.parser.extract_pdf import extract_pdf
from tests.builders import build_pdf, describe_markdown, parse_damaged
from tests.conftest import seed_path

SAMPLES = "gatenlp-unga-samples/sample-docs"
FURNITURE = re.compile(r"\b1[78]-\d{5}\b|\*18\d{5}\*|\b\d/\d{1,2}\b|Please recycle")


@functools.lru_cache(maxsize=None)
def _extracted(path):
    return extract_pdf(path.read_bytes())


@functools.lru_cache(maxsize=None)
def _parsed(path):
    return parse(path.read_bytes(), path.name)


def extracted(corpus_dir, number: int):
    """pdfminer reads about a page a second on this machine: each real PDF is read once per run."""
    return _extracted(corpus_dir / SAMPLES / f"A_RES_73_{number}-EN.pdf")


def parsed(corpus_dir, number: int):
    return _parsed(corpus_dir / SAMPLES / f"A_RES_73_{number}-EN.pdf")


def blocks(extraction) -> list[str]:
    return extraction.markdown.split("\n\n")


def test_embargo_resolution_paragraphs_leads_and_footnote(corpus_dir):
    doc = parsed(corpus_dir, 8)
    assert doc.format == "pdf"
    assert doc.symbol == "A/RES/73/8"
    assert doc.session == 73
    assert [a.number for a in doc.agenda_items] == ["43"]
    assert doc.title == ("Necessity of ending the economic, commercial and financial embargo imposed by the "
                         "United States of America against Cuba")
    preambular = [p.lead for p in doc.paragraphs if p.kind == "preambular"]
    assert preambular == ["Determined", "Reaffirming", "Recalling", "Concerned", "Taking note", "Recalling",
                          "Recalling also", "Concerned"]
    operative = [(p.number, p.lead) for p in doc.paragraphs if p.kind == "operative"]
    assert operative == [("1", "Takes note"), ("2", "Reiterates its call upon"), ("3", "Once again urges"),
                         ("4", "Requests"), ("5", "Decides")]
    first = doc.paragraphs[8]
    assert first.text == "Takes note of the report of the Secretary-General on the implementation of resolution 72/4;"
    assert first.footnote_refs == ["1"]
    assert [(f.marker, f.text) for f in doc.footnotes] == [("1", "A/73/85.")]
    # a paragraph cut by the page break (preambular 'Recalling its resolutions 47/19 ...') is one paragraph
    recalling = doc.paragraphs[5]
    assert recalling.text.startswith("Recalling its resolutions 47/19 of 24 November 1992")
    assert recalling.text.endswith("71/5 of 26 October 2016 and 72/4 of 1 November 2017,")
    for paragraph in doc.paragraphs:
        assert not FURNITURE.search(paragraph.text), paragraph.text
        assert "A/RES/73/8" not in paragraph.text


def test_icc_report_operative_paragraphs_and_footnotes(corpus_dir):
    extraction = extracted(corpus_dir, 7)
    numbered = [int(m.group(1)) for b in blocks(extraction) if (m := re.match(r"(\d+)\. ", b))]
    assert numbered == list(range(1, 29))
    notes = {f.marker: f.text for f in extraction.footnotes}
    assert sorted(notes, key=int) == [str(n) for n in range(1, 10)]
    assert notes["1"] == "United Nations, *Treaty Series*, vol. 2187, No. 38544."
    assert notes["2"] == "A/58/874 and A/58/874/Add.1."
    assert notes["9"] == ("S/PRST/2013/2; see *Resolutions and Decisions of the Security Council, 1 August "
                          "2012–31 July 2013* (S/INF/68).")
    last = next(b for b in blocks(extraction) if b.startswith("28."))
    # 'seventy-' at a line end + 'fourth' keeps its hyphen
    assert last.endswith("for consideration by the General Assembly at its seventy-fourth session.")
    doc = parsed(corpus_dir, 7)
    leads = [p.lead for p in doc.paragraphs if p.kind == "operative"]
    assert leads[:4] == ["Welcomes", "Also welcomes", "Further welcomes", "Notes"]
    assert leads[20:] == ["Continues", "Expresses its appreciation", "Encourages", "Recalls", "Acknowledges",
                          "Takes note", "Encourages", "Invites"]
    assert sum(p.kind == "preambular" for p in doc.paragraphs) == 13


def test_outer_space_leads_in_italics(corpus_dir):
    doc = parsed(corpus_dir, 6)
    preambular = [p.lead for p in doc.paragraphs if p.kind == "preambular"]
    assert len(preambular) == 25
    assert preambular[:6] == ["Recalling", "Recognizing", "Convinced", "Emphasizing", "Convinced",
                              "Noting with satisfaction"]
    assert preambular[-3:] == ["Noting with appreciation", "Emphasizing", "Welcoming"]
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    assert [p.number for p in operative] == [str(n) for n in range(1, 15)]
    assert operative[8].lead == "Expresses its conviction"
    assert {f.marker: f.text for f in doc.footnotes}["2"] == "Resolution 70/1."


def test_tuberculosis_declaration_blocks_and_footnotes(corpus_dir):
    extraction = extracted(corpus_dir, 3)
    numbered = [int(m.group(1)) for b in blocks(extraction) if (m := re.match(r"(\d+)\. ", b))]
    assert numbered == list(range(1, 54))
    assert [(f.marker, f.text) for f in extraction.footnotes][:3] == [
        ("1", "Resolution 70/1."), ("2", "Resolution 69/313, annex."),
        ("3", "See World Health Organization, document WHA69/2016/REC/1.")]
    assert len(extraction.footnotes) == 7
    assert blocks(extraction)[1].startswith("*Reaffirm") is False
    assert "1. Reaffirm the 2030 Agenda for Sustainable Development,<sup>1</sup> including the resolve" in \
        extraction.markdown


@pytest.mark.parametrize("number", [3, 6, 7, 8])
def test_header_lines_kept_and_furniture_dropped(corpus_dir, number):
    extraction = extracted(corpus_dir, number)
    found = blocks(extraction)
    assert found.count(f"A/RES/73/{number}") == 1            # the banner symbol, glued to its large 'A'
    assert "Distr.: General" in found
    assert "Seventy-third session" in found
    assert any(re.fullmatch(r"Agenda item \d+", b) for b in found)
    assert any(b.startswith(f"73/{number}. ") for b in found)
    for block in found:
        assert not FURNITURE.search(block), block
    assert not re.search(r"\b(?:us e|th e|an d|o f the)\b", extraction.markdown)


def seed_spec():
    return describe_markdown(seed_path("000").read_text(encoding="utf-8"))


HYPHENATE = {"intergovernmental", "trafficking", "international", "coordination"}


def shape(doc):
    return ([(p.kind, p.number, p.lead, p.text, p.footnote_refs, [(s.label, s.text) for s in p.subparagraphs])
             for p in doc.paragraphs], [(f.marker, f.text) for f in doc.footnotes],
            [(s.name, s.state) for s in doc.sponsors], doc.title)


def test_built_pdf_parses_like_the_seed_text():
    source = seed_path("000").read_bytes()
    expected = parse(source, seed_path("000").name)
    data, layout = build_pdf(seed_spec(), hyphenate=HYPHENATE)
    assert layout.pages >= 2 and layout.split_blocks and layout.hyphenated   # the build exercises all three
    doc = parse(data, "x.pdf")
    assert doc.format == "pdf"
    assert shape(doc) == shape(expected)
    assert [(s.name, s.state) for s in doc.sponsors] == [("Belarus", "Belarus"), ("Russian Federation",
                                                          "Russian Federation"), ("Uzbekistan", "Uzbekistan")]
    assert doc.title == "Improving the coordination of efforts against trafficking in persons"


def test_built_pdf_of_seed_004_with_subparagraphs_parses_like_its_text():
    expected = parse(seed_path("004").read_bytes(), seed_path("004").name)
    data, layout = build_pdf(describe_markdown(seed_path("004").read_text(encoding="utf-8")),
                             hyphenate=HYPHENATE | {"development"})
    assert layout.pages >= 4 and len(layout.split_blocks) >= 2
    doc = parse(data, "x.pdf")
    assert shape(doc) == shape(expected)
    assert len(doc.paragraphs) == 48
    assert sum(len(p.subparagraphs) for p in doc.paragraphs) > 0


def test_built_pdf_extraction_markers_italics_and_furniture():
    spec = seed_spec()
    data, layout = build_pdf(spec, hyphenate=HYPHENATE)
    extraction = extract_pdf(data)
    assert spec.running_header not in extraction.markdown
    assert spec.job_number not in extraction.markdown
    assert not re.search(r"\b\d/9\b", extraction.markdown)
    assert "*Recalling further* the United Nations Convention against Transnational Organized Crime<sup>1</sup> and" \
        in extraction.markdown
    assert "intergovernmental and non-governmental" in extraction.markdown
    assert [f.marker for f in extraction.footnotes] == ["1", "2", "3", "4", "5"]
    assert extraction.footnotes[2].text == "United Nations, *Treaty Series*, vol. 2171, No. 27531."
    split = spec.blocks[layout.split_blocks[0]]
    paragraph = next(b for b in blocks(extraction) if b.startswith(f"{split.number}. "))
    assert re.sub(r"<sup>\d+</sup>", "", paragraph).endswith(split.plain.strip()[-40:])


def test_encrypted_pdf_is_refused():
    import io

    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    pdf.drawString(72, 700, "The General Assembly,")
    pdf.save()
    with pytest.raises(ParseError, match="encrypted"):
        extract_pdf(buffer.getvalue())


def test_truncated_and_fake_pdfs_are_refused():
    data, _ = build_pdf(seed_spec())
    with pytest.raises(ParseError, match="PDF"):
        parse(data[: len(data) // 3], "x.pdf")
    with pytest.raises(ParseError, match="PDF"):
        parse(b"%PDF-1.4\nnot really a pdf", "x.pdf")


def test_pdf_without_text_layer_is_refused():
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(72, 600, 200, 100, fill=1)
    pdf.save()
    with pytest.raises(ParseError, match="no text"):
        extract_pdf(buffer.getvalue())


@functools.lru_cache(maxsize=1)
def BUILT_PDF() -> bytes:  # noqa: N802 - built once, read by the property test
    return build_pdf(seed_spec())[0]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_pdf_gives_a_result_or_a_parse_error(data):
    """Bytes of a built file with random bytes overwritten or cut off: never anything but ParseError."""
    parse_damaged(data, BUILT_PDF(), "x.pdf")


def test_small_numbers_on_the_footnote_baseline_stay_text():
    """'para. 5' in an 8-point footnote is small like a marker but sits on the line: it is text, not a marker."""
    spec = seed_spec()
    spec.footnotes["1"] = [("", "Resolution 55/25, annex I, para. 5 and art. 12.")]
    extraction = extract_pdf(build_pdf(spec)[0])
    assert [(f.marker, f.text) for f in extraction.footnotes][:2] == [
        ("1", "Resolution 55/25, annex I, para. 5 and art. 12."), ("2", "Ibid., annex II.")]


def test_footnote_continued_on_the_next_page_is_one_footnote():
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pages = [["The General Assembly,", "Recalling its resolution 61/180 of 20 December 2006,"],
             ["1. Decides to remain seized of the matter."]]
    feet = [("1", "See Official Records of the General Assembly, Sixty-first Session,"), (None, "Supplement No. 3.")]
    for lines, (marker, note) in zip(pages, feet):
        y = 700
        for text in lines:
            pdf.setFont("Times-Italic" if text.startswith("The ") else "Times-Roman", 10)
            pdf.drawString(108, y, text)
            if marker and text.startswith("Recalling"):
                pdf.setFont("Times-Roman", 6.5)
                pdf.drawString(108 + pdf.stringWidth(text, "Times-Roman", 10) + 0.5, y + 4, marker)
            y -= 18
        pdf.line(72, 140, 144, 140)
        x = 90
        if marker:
            pdf.setFont("Times-Roman", 6.5)
            pdf.drawString(86, 131, marker)
        pdf.setFont("Times-Roman", 8)
        pdf.drawString(x, 128, note)
        pdf.setFont("Times-Roman", 8)
        pdf.drawString(72, 40, "06-57590")
        pdf.showPage()
    pdf.save()
    extraction = extract_pdf(buffer.getvalue())
    assert [(f.marker, f.text) for f in extraction.footnotes] == [
        ("1", "See Official Records of the General Assembly, Sixty-first Session, Supplement No. 3.")]
    assert "Recalling its resolution 61/180 of 20 December 2006,<sup>1</sup>" in extraction.markdown
    assert "Supplement" not in extraction.markdown and "06-57590" not in extraction.markdown


@pytest.mark.parametrize("job_number", ["06-57590", "2334567E", "06-57590 (E) 191006"])
def test_job_numbers_in_the_footer_are_dropped(job_number):
    spec = seed_spec()
    spec.job_number = job_number
    spec.running_header = "A/C.3/61/L.7/Rev.1"
    extraction = extract_pdf(build_pdf(spec)[0])
    assert job_number.split()[0] not in extraction.markdown
    assert "A/C.3/61/L.7/Rev.1" not in extraction.markdown
    assert extraction.markdown.split("\n\n")[-1].startswith("12. *Requests* the Secretary-General")


@pytest.mark.parametrize("rule, size", [(True, 11), (True, 9), (False, 9)],
                         ids=["rule-body-size", "rule-smaller", "no-rule-smaller"])
def test_footnotes_with_unraised_numbers_at_the_page_foot(rule, size):
    """LibreOffice's layout of Word footnotes: at the page foot, below a short rule or set smaller, the
    number unraised ('1 Report of ...'); a wrapped line that starts with a year or with a day before its
    month ('2 December 1994', though note 2 comes next) continues its note."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(612, 792))
    body = ["The General Assembly,", "Recalling the Programme of Action of the International Conference on",
            "Population and Development, and the Beijing Declaration,"]
    body += ["Reaffirming that the Governments have the primary responsibility for the implementation of",
             "the Programme of Action and for the achievement of its goals and objectives,"] * 3
    y = 700
    for text in body:
        pdf.setFont("Times-Roman", 11)
        pdf.drawString(90, y, text)
        y -= 15
    pdf.setFont("Times-Roman", 6.5)
    pdf.drawString(90 + pdf.stringWidth("Population and Development,", "Times-Roman", 11) - 2.5, 674, "1")
    pdf.drawString(90 + pdf.stringWidth(body[2], "Times-Roman", 11) + 0.5, 674, "2")
    if rule:
        pdf.line(90, 160, 198, 160)
    pdf.setFont("Times-Roman", size)
    for top, text in ((145, "1 Report of the International Conference on Population and Development, Cairo, 5-13 September"),
                      (130, "1994 (United Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, endorsed on"),
                      (115, "2 December 1994 by the General Assembly."),
                      (100, "2 Resolution 50/203, annex.")):
        pdf.drawString(90, top, text)
    pdf.showPage()
    pdf.save()
    extraction = extract_pdf(buffer.getvalue())
    assert [(f.marker, f.text) for f in extraction.footnotes] == [
        ("1", "Report of the International Conference on Population and Development, Cairo, 5-13 September 1994 "
              "(United Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, endorsed on 2 December "
              "1994 by the General Assembly."),
        ("2", "Resolution 50/203, annex.")]
    assert "Report of the" not in extraction.markdown


def test_flush_sub_paragraph_opening_a_page_and_a_name_compound_wrapped_at_its_hyphen():
    """Paragraphs set flush (no indent) show no gap at a page break: '(d)' at the top of a page after a
    full line ending '...,' on the page before opens a sub-paragraph.  'UN-' / 'Women' stays 'UN-Women'."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(612, 792))
    pages = [["The General Assembly,", "", "Reaffirming that the Global Plan of Action was developed:", "",
              "(c) To promote comprehensive, coordinated and consistent responses at the",
              "national, regional and international levels to counter trafficking in persons,"],
             ["(d) To promote a human rights-based approach with the United Nations Entity for",
              "Gender Equality and the Empowerment of Women (UN-",
              "Women) and other members of the Coordination Group;", "",
              "1. Decides to remain seized of the matter."]]
    for lines in pages:
        y = 700
        for text in lines:
            pdf.setFont("Times-Roman", 11)
            if text:
                pdf.drawString(90, y, text)
            y -= 15
        pdf.showPage()
    pdf.save()
    blocks = extract_pdf(buffer.getvalue()).markdown.split("\n\n")
    assert "(c) To promote comprehensive, coordinated and consistent responses at the national, regional and " \
           "international levels to counter trafficking in persons," in blocks
    assert "(d) To promote a human rights-based approach with the United Nations Entity for Gender Equality and " \
           "the Empowerment of Women (UN-Women) and other members of the Coordination Group;" in blocks
