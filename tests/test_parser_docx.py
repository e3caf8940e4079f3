"""Word extraction: .docx files built with python-docx from seed 000 (italic runs, automatic numbering,
real Word footnotes in word/footnotes.xml) parse like the seed's own text."""
import functools
import io
import re
import shutil
import subprocess
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.parser import ParseError, parse
from resolutions.parser.extract_docx import extract_docx
from tests.builders import add_footnotes_part, build_docx, describe_markdown, parse_damaged
from tests.conftest import seed_path


def seed_spec(prefix: str = "000"):
    return describe_markdown(seed_path(prefix).read_text(encoding="utf-8"))


def shape(doc):
    return ([(p.kind, p.number, p.lead, p.text, p.footnote_refs, [(s.label, s.text) for s in p.subparagraphs])
             for p in doc.paragraphs],
            [(f.marker, f.text) for f in doc.footnotes], [(s.name, s.state) for s in doc.sponsors], doc.title)


@pytest.mark.parametrize("numbering", [True, False], ids=["word-numbering", "typed-numbers"])
@pytest.mark.parametrize("prefix, count, last", [("000", 18, "12"), ("004", 48, "18")])
def test_built_docx_parses_like_the_seed_text(numbering, prefix, count, last):
    expected = parse(seed_path(prefix).read_bytes(), seed_path(prefix).name)
    doc = parse(build_docx(seed_spec(prefix), numbering=numbering), "x.docx")
    assert doc.format == "docx"
    assert shape(doc) == shape(expected)
    assert len(doc.paragraphs) == count and doc.paragraphs[-1].number == last


def test_word_footnotes_come_back_from_the_footnotes_part():
    data = build_docx(seed_spec())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        document_xml = package.read("word/document.xml").decode()
        assert "footnoteReference" in document_xml and "<sup>" not in document_xml
        assert "word/footnotes.xml" in package.namelist()
    extraction = extract_docx(data)
    assert [(f.marker, f.text) for f in extraction.footnotes] == [
        ("1", "Resolution 55/25, annex I."), ("2", "Ibid., annex II."),
        ("3", "United Nations, *Treaty Series*, vol. 2171, No. 27531."), ("4", "Ibid., vol. 266, No. 3822."),
        ("5", "Ibid., vol. 1249, No. 20378.")]
    assert "Transnational Organized Crime<sup>1</sup> and the Protocol" in extraction.markdown
    assert "Discrimination against Women;<sup>5</sup>" in extraction.markdown


def test_automatic_numbering_is_shown_as_word_shows_it():
    data = build_docx(seed_spec(), numbering=True)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        document_xml = package.read("word/document.xml").decode()
    assert "12." not in document_xml                # the numbers exist only as Word's list numbering
    blocks = extract_docx(data).markdown.split("\n\n")
    numbered = [b for b in blocks if re.match(r"\d+\. ", b)]
    assert [b.split(".")[0] for b in numbered] == [str(n) for n in range(1, 13)]
    assert numbered[1].startswith("2. *Also urges* Member States")


def test_italic_leads_and_headings():
    extraction = extract_docx(build_docx(seed_spec()))
    blocks = extraction.markdown.split("\n\n")
    assert "*The General Assembly*," in blocks
    assert any(b.startswith("*Recalling also* Economic and Social Council resolution 2008/33") for b in blocks)
    assert "#### Belarus, Russian Federation and Uzbekistan: draft resolution" in blocks
    assert extraction.paragraphs_known


def test_footnote_numbers_follow_the_order_of_reference():
    """Word numbers footnotes by where they are referenced, whatever their ids in footnotes.xml."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    paragraph = document.add_paragraph("The General Assembly,")
    paragraph = document.add_paragraph("Recalling its resolution 61/180")
    for note_id in ("7", "3", "7"):
        run = paragraph.add_run()
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), note_id)
        run._r.append(reference)
        paragraph.add_run(" and more")
    buffer = io.BytesIO()
    document.save(buffer)
    data = add_footnotes_part(buffer.getvalue(), {7: [("", "Seventh id, first cited.")], 3: [("", "Third id.")]})
    extraction = extract_docx(data)
    assert "61/180<sup>1</sup> and more<sup>2</sup> and more<sup>1</sup> and more" in extraction.markdown
    assert [(f.marker, f.text) for f in extraction.footnotes] == [("1", "Seventh id, first cited."),
                                                                  ("2", "Third id.")]


def test_renamed_zip_without_document_xml_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "The General Assembly,")
    with pytest.raises(ParseError, match="word/document.xml"):
        parse(buffer.getvalue(), "resolution.docx")


def test_truncated_docx_is_refused():
    data = build_docx(seed_spec())
    with pytest.raises(ParseError, match="Word|zip"):
        parse(data[: len(data) // 2], "x.docx")


def test_spreadsheet_is_not_a_word_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ParseError, match="Excel"):
        extract_docx(buffer.getvalue())


@pytest.mark.parametrize("prefix, numbering", [("000", True), ("004", False)],
                         ids=["000-word-numbering", "004-typed-numbers"])
def test_docx_converted_to_pdf_by_libreoffice_parses_alike(tmp_path, prefix, numbering):
    """Word numbering comes out as hanging indents; seed 004 has sub-paragraphs, one opening a page."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed; the DOCX -> PDF conversion check needs it.")
    source = tmp_path / "resolution.docx"
    source.write_bytes(build_docx(seed_spec(prefix), numbering=numbering))
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, timeout=120, capture_output=True)
    from_pdf = parse((tmp_path / "resolution.pdf").read_bytes(), "resolution.pdf")
    from_docx = parse(source.read_bytes(), "resolution.docx")
    assert [(p.kind, p.number, p.lead, p.text, [(s.label, s.text) for s in p.subparagraphs])
            for p in from_pdf.paragraphs] == \
        [(p.kind, p.number, p.lead, p.text, [(s.label, s.text) for s in p.subparagraphs])
         for p in from_docx.paragraphs]
    # LibreOffice sets the notes at the page foot below a short rule, in the body size, with an unraised
    # number ('1 Resolution 55/25, annex I.'); the first page's four are the Word file's first four.
    assert [(f.marker, f.text) for f in from_pdf.footnotes][:4] == [(f.marker, f.text) for f in from_docx.footnotes][:4]


@functools.lru_cache(maxsize=1)
def BUILT_DOCX() -> bytes:  # noqa: N802 - built once, read by the property test
    return build_docx(seed_spec())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_docx_gives_a_result_or_a_parse_error(data):
    """Bytes of a built file with random bytes overwritten or cut off: never anything but ParseError."""
    parse_damaged(data, BUILT_DOCX(), "x.docx")


def test_numbering_levels_show_letters_and_roman_numerals_as_word_does():
    from resolutions.parser.extract_docx import Level, Numbering

    numbering = Numbering(levels={"5": {0: Level("decimal", "%1.", 1), 1: Level("lowerLetter", "(%2)", 1),
                                        2: Level("lowerRoman", "(%3)", 1)}}, starts={("5", 0): 3})
    shown = [numbering.label("5", level) for level in (0, 1, 1, 2, 2, 2, 1, 0, 1)]
    assert shown == ["3.", "(a)", "(b)", "(i)", "(ii)", "(iii)", "(c)", "4.", "(a)"]
    assert numbering.label("9", 0) is None          # a list the numbering part does not define
