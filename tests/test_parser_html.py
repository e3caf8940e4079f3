"""HTML extraction: exported pages written from seed 000 parse like the seed's text; scripts and styles
are ignored, footnote sections become footnotes, absurd nesting neither crashes nor loses text."""
import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.parser import ParseError, parse
from resolutions.parser.extract_html import extract_html
from tests.builders import build_docx, build_html, build_word_html, describe_markdown, parse_damaged
from tests.conftest import seed_path

SEED_FOOTNOTES = [("1", "Resolution 55/25, annex I."), ("2", "Ibid., annex II."),
                  ("3", "United Nations, *Treaty Series*, vol. 2171, No. 27531."), ("4", "Ibid., vol. 266, No. 3822."),
                  ("5", "Ibid., vol. 1249, No. 20378.")]


def seed_spec(prefix: str = "000"):
    return describe_markdown(seed_path(prefix).read_text(encoding="utf-8"))


def shape(doc):
    return ([(p.kind, p.number, p.lead, p.text, p.footnote_refs, [(s.label, s.text) for s in p.subparagraphs])
             for p in doc.paragraphs],
            [(f.marker, f.text) for f in doc.footnotes], [(s.name, s.state) for s in doc.sponsors], doc.title)


@pytest.mark.parametrize("footnote_style", ["div", "ol"], ids=["footnotes-div", "back-linked-list"])
@pytest.mark.parametrize("prefix, count", [("000", 18), ("004", 48)])
def test_built_page_parses_like_the_seed_text(footnote_style, prefix, count):
    expected = parse(seed_path(prefix).read_bytes(), seed_path(prefix).name)
    doc = parse(build_html(seed_spec(prefix), footnote_style=footnote_style), "x.html")
    assert doc.format == "html"
    assert shape(doc) == shape(expected)
    assert len(doc.paragraphs) == count


@pytest.mark.parametrize("footnote_style", ["div", "ol"])
def test_footnote_sections_become_footnotes(footnote_style):
    extraction = extract_html(build_html(seed_spec(), footnote_style=footnote_style))
    assert [(f.marker, f.text) for f in extraction.footnotes] == SEED_FOOTNOTES
    assert "↩" not in extraction.markdown and "Ibid., annex II." not in extraction.markdown
    assert "Transnational Organized Crime,<sup>2</sup> and welcoming" in extraction.markdown


def test_headings_italics_and_no_script_or_style_text():
    extraction = extract_html(build_html(seed_spec()))
    blocks = extraction.markdown.split("\n\n")
    assert "# General Assembly" in blocks
    assert "#### Improving the coordination of efforts against trafficking in persons" in blocks
    assert "*The General Assembly*," in blocks
    assert "1. *Urges* Member States that have not yet done so" in extraction.markdown
    for leaked in ("Not a paragraph", "Not text", "Injected", "var note"):
        assert leaked not in extraction.markdown


def test_numbered_lists_keep_their_numbers_and_em_inside_links():
    page = (b"<html><body><p><i>The General Assembly</i>,</p><ol start='3'><li><em>Decides</em> to act;</li>"
            b"<li value='7'><em>Requests</em> a report;<sup><a href='#n1'>[1]</a></sup></li></ol>"
            b"<section role='doc-endnotes'><ol><li id='n1'><p>A/73/85.</p></li></ol></section></body></html>")
    extraction = extract_html(page)
    assert extraction.markdown.split("\n\n") == ["*The General Assembly*,", "3. *Decides* to act;",
                                                 "7. *Requests* a report;<sup>1</sup>"]
    assert [(f.marker, f.text) for f in extraction.footnotes] == [("1", "A/73/85.")]


def test_deep_nesting_neither_crashes_nor_loses_the_text():
    depth = 20000
    page = ("<html><body>" + "<div><span>" * depth + "<p><em>Recalling</em> its resolution 61/180<sup>1</sup></p>"
            + "</span></div>" * depth + "<p>1. <em>Decides</em> to remain seized of the matter.</p></body></html>")
    extraction = extract_html(page.encode())
    assert "*Recalling* its resolution 61/180<sup>1</sup>" in extraction.markdown
    assert "1. *Decides* to remain seized of the matter." in extraction.markdown


def test_pages_without_text_are_refused():
    with pytest.raises(ParseError, match="no text"):
        extract_html(b"<html><head><title>x</title><script>var a = 1;</script></head><body>  </body></html>")


@functools.lru_cache(maxsize=1)
def BUILT_HTML() -> bytes:  # noqa: N802 - built once, read by the property test
    return build_html(seed_spec())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_html_gives_a_result_or_a_parse_error(data):
    """Bytes of a built file with random bytes overwritten or cut off: never anything but ParseError."""
    parse_damaged(data, BUILT_HTML(), "x.html")


def test_styled_spans_as_word_exports_them():
    page = (b"<html><body><p class=MsoNormal><span style='font-style: italic'>The General Assembly</span>,</p>"
            b"<p class=MsoNormal><span style='font-style:italic'>Recalling also</span> its resolution 61/180"
            b"<span style='vertical-align: super'>2</span>,</p></body></html>")
    assert extract_html(page).markdown.split("\n\n") == [
        "*The General Assembly*,", "*Recalling also* its resolution 61/180<sup>2</sup>,"]


@pytest.mark.parametrize("prefix, count", [("000", 18), ("004", 48)])
def test_word_save_as_web_page_keeps_numbered_paragraphs_and_footnotes(prefix, count):
    # Word writes the number in a 'mso-list:Ignore' span, each marker as a link '#_ftn1' around '[1]' without
    # <sup>, and the notes in a <div style='mso-element:footnote-list'> at the end (windows-1252).
    expected = parse(seed_path(prefix).read_bytes(), seed_path(prefix).name)
    doc = parse(build_word_html(seed_spec(prefix)), "x.htm")
    assert shape(doc) == shape(expected)
    assert len(doc.paragraphs) == count
    assert not any("[" in p.text for p in doc.paragraphs)


def _libreoffice_html(tmp_path, prefix: str) -> bytes:
    """Seed `prefix` as a Word file with automatic numbering and real footnotes, saved as HTML by LibreOffice."""
    import shutil
    import subprocess

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed; the Word -> HTML conversion check needs it.")
    source = tmp_path / f"seed{prefix}.docx"
    source.write_bytes(build_docx(seed_spec(prefix)))
    subprocess.run([office, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "html", str(source), "--outdir", str(tmp_path)], check=True, capture_output=True, timeout=240)
    return (tmp_path / f"seed{prefix}.html").read_bytes()


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_libreoffice_html_keeps_numbered_paragraphs_and_footnotes(tmp_path, prefix):
    # LibreOffice prints the operative numbers as an automatic list (<ol><li>, numbers not in the text) and each
    # footnote as a link 'sdfootnote1anc' to a note 'sdfootnote1sym' at the end; Word numbers footnotes in order
    # of reference, so a note the seed cites twice is a second, empty note in the Word file (left out).
    expected = parse(seed_path(prefix).read_bytes(), seed_path(prefix).name)
    doc = parse(_libreoffice_html(tmp_path, prefix), f"seed{prefix}.html")
    assert [(p.kind, p.number, p.lead, p.text) for p in doc.paragraphs] == [
        (p.kind, p.number, p.lead, p.text) for p in expected.paragraphs]
    assert {f.text for f in doc.footnotes} == {f.text for f in expected.footnotes}
    assert [len(p.footnote_refs) for p in doc.paragraphs] == [len(p.footnote_refs) for p in expected.paragraphs]
