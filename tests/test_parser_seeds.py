"""The parser on the five seed documents: every field, written by reading the documents themselves."""
import re

import pytest

from resolutions.parser import parse
from tests.conftest import seed_path

TITLE = "Improving the coordination of efforts against trafficking in persons"
FURNITURE = re.compile(r"\d{2}-\d{5}|\b\d{7}\b|_{3}|-{3}|<sup>|</?\w+>|\*|\$|\n")

SEED_000_PREAMBLE = ["Recalling", "Recalling also", "Recalling further", "Recognizing", "Welcoming", "Recognizing"]
SEED_000_OPERATIVE = ["Urges", "Also urges", "Welcomes", "Calls upon", "Encourages", "Welcomes", "Recognizes",
                      "Welcomes", "Takes note", "Invites", "Invites", "Requests"]
SEED_000_FOOTNOTES = [
    ("1", "Resolution 55/25, annex I."),
    ("2", "Ibid., annex II."),
    ("3", "United Nations, Treaty Series, vol. 2171, No. 27531."),
    ("4", "Ibid., vol. 266, No. 3822."),
    ("5", "Ibid., vol. 1249, No. 20378."),
]


def parsed(prefix):
    path = seed_path(prefix)
    return parse(path.read_bytes(), path.name)


def leads(doc, kind):
    return [p.lead for p in doc.paragraphs if p.kind == kind]


def assert_no_furniture(doc):
    for paragraph in doc.paragraphs:
        texts = [paragraph.text] + [s.text for s in paragraph.subparagraphs]
        for text in texts:
            assert not FURNITURE.search(text), text
            assert text == text.strip() and "  " not in text


def test_seed_000_markdown_metadata():
    doc = parsed("000")
    assert doc.format == "markdown"
    assert doc.symbol is None  # the markdown conversion lost the symbol
    assert doc.body == "General Assembly"
    assert doc.session == 63
    assert doc.committee == "Third Committee"
    assert doc.date == "2008-10-10"
    assert doc.distribution == "Limited"
    assert doc.original_language == "English"
    assert [(a.number, a.title) for a in doc.agenda_items] == [("97", "Crime prevention and criminal justice")]
    assert doc.document_type == "draft resolution"
    assert [(s.name, s.state) for s in doc.sponsors] == [
        ("Belarus", "Belarus"), ("Russian Federation", "Russian Federation"), ("Uzbekistan", "Uzbekistan")]
    assert doc.title == TITLE
    assert doc.preamble_subject == "The General Assembly"


def test_seed_000_paragraphs_leads_numbers_and_footnotes():
    doc = parsed("000")
    assert leads(doc, "preambular") == SEED_000_PREAMBLE
    assert leads(doc, "operative") == SEED_000_OPERATIVE
    assert [p.number for p in doc.paragraphs if p.kind == "operative"] == [str(n) for n in range(1, 13)]
    assert all(p.number is None for p in doc.paragraphs if p.kind == "preambular")
    assert [(f.marker, f.text) for f in doc.footnotes] == SEED_000_FOOTNOTES
    refs = {i: p.footnote_refs for i, p in enumerate(doc.paragraphs) if p.footnote_refs}
    assert refs == {2: ["1", "2", "3", "4"], 6: ["1", "2"], 7: ["3", "5"]}
    # The paragraph interrupted by the footnote block is one paragraph, and the next starts cleanly.
    assert doc.paragraphs[4].text.startswith("Welcoming the decisions of the Human Rights Council")
    assert doc.paragraphs[-1].text.endswith("coordination of efforts against trafficking in persons.")
    assert "anti-trafficking activities" in doc.paragraphs[12].text
    assert_no_furniture(doc)


def test_seed_001_is_seed_000_without_its_header():
    with_header, without = parsed("000"), parsed("001")
    assert without.format == "text"
    assert without.symbol is None and without.session is None and without.sponsors == []
    assert without.title == TITLE
    assert without.body == "General Assembly"
    summary = lambda d: [(p.kind, p.number, p.lead, p.text, p.footnote_refs) for p in d.paragraphs]  # noqa: E731
    assert summary(without) == summary(with_header)
    assert [(f.marker, f.text) for f in without.footnotes] == SEED_000_FOOTNOTES
    assert_no_furniture(without)


def test_seed_002_raw_pdf_text_metadata_and_sponsors():
    doc = parsed("002")
    assert doc.symbol == "A/C.3/61/L.7/Rev.1"
    assert (doc.body, doc.session, doc.committee) == ("General Assembly", 61, "Third Committee")
    assert (doc.date, doc.distribution, doc.original_language) == ("2006-10-19", "Limited", "English")
    assert [(a.number, a.title) for a in doc.agenda_items] == [("98", "Crime prevention and criminal justice")]
    assert doc.document_type == "resolution adopted by the Third Committee"
    assert doc.title == TITLE
    names = [s.name for s in doc.sponsors]
    assert names == ["Angola", "Belarus", "Benin", "Cuba", "Ecuador", "Indonesia", "Iran", "Kyrgyzstan", "Lebanon",
                     "Liberia", "Libya", "Mexico", "Nigeria", "Philippines", "Russian Federation", "Senegal",
                     "Sierra Leone", "Tajikistan", "Thailand", "Uzbekistan", "Viet Nam"]
    states = {s.name: s.state for s in doc.sponsors}
    assert states["Iran"] == "Iran (Islamic Republic of)"
    assert states["Libya"] == "Libya"
    assert all(s.state for s in doc.sponsors)


def test_seed_002_paragraphs_joined_across_pages_and_footnotes():
    doc = parsed("002")
    assert leads(doc, "preambular") == [
        "Recalling", "Also recalling", "Further recalling", "Welcoming", "Recognizing", "Also recognizing",
        "Further recognizing", "Welcoming", "Also welcoming", "Taking note", "Underlining"]
    assert leads(doc, "operative") == [
        "Recognizes", "Underlines", "Urges", "Also urges", "Recognizes", "Also recognizes", "Invites",
        "Also invites", "Further invites", "Encourages", "Welcomes", "Requests", "Also requests", "Encourages",
        "Invites", "Invites", "Welcomes", "Invites", "Requests"]
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    assert [p.number for p in operative] == [str(n) for n in range(1, 20)]
    # Cut by the page break, job number and footnotes: one paragraph each.
    assert "Working Group on Contemporary Forms of Slavery in accordance with Economic and Social Council" in doc.paragraphs[3].text
    assert "supplementing the United Nations Convention against Transnational Organized Crime, and to implement" in operative[2].text
    assert "with other international organizations to enhance cooperation on trafficking" in operative[10].text
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("1", "Resolution 55/25, annex I."),
        ("2", "Ibid., annex II."),
        ("3", "United Nations, Treaty Series, vol. 2171, No. 27531."),
        ("4", "Ibid., vol. 266, No. 3822."),
        ("5", "E/CN.4/2006/62 and Add.1-3."),
        ("6", "A/HRC/Sub.1/58/25 and A/HRC/Sub.1/58/L.9."),
        ("7", "Resolution 34/180, annex."),
    ]
    assert doc.paragraphs[9].footnote_refs == ["5", "6"]
    assert operative[2].footnote_refs == ["1", "2"]
    assert operative[3].footnote_refs == ["3", "7", "4"]
    assert_no_furniture(doc)


def test_seed_003_numbers_on_their_own_lines_and_subparagraphs():
    doc = parsed("003")
    assert doc.body == "Economic and Social Council"
    assert doc.preamble_subject == "The Economic and Social Council"
    assert [(a.number, a.title) for a in doc.agenda_items] == [("14", "Social and human rights questions")]
    assert doc.document_type == "draft resolution"
    assert doc.title == ("Strengthening coordination of the United Nations and other efforts in fighting "
                         "trafficking in persons")
    assert [s.name for s in doc.sponsors] == ["Belarus", "China", "Ecuador", "Japan", "Kazakhstan", "Mexico",
                                             "Philippines", "Russia"]
    assert doc.sponsors[-1].state == "Russian Federation"
    assert leads(doc, "preambular") == [
        "Recalling", "Recalling also", "Reaffirming", "Recalling", "Recognizing", "Noting", "Bearing in mind",
        "Recognizing", "Highlighting", "Underlining", "Recognizing"]
    assert leads(doc, "operative") == [
        "Urges", "Urges", "Invites", "Invites", "Calls upon", "Calls upon", "Calls for", "Reiterates", "Welcomes",
        "Invites", "Highlights", "Reiterates its request"]
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    assert [p.number for p in operative] == [str(n) for n in range(1, 13)]
    assert [s.label for s in operative[3].subparagraphs] == ["a", "b", "c", "d"]
    assert operative[3].subparagraphs[0].text == "Appropriate housing;"
    assert operative[3].text.endswith("recovery of victims of trafficking in persons through:")
    # A line break left where a footnote marker was removed does not split the paragraph.
    assert doc.paragraphs[1].text.startswith("Recalling also the United Nations Convention against Transnational "
                                             "Organized Crime and the Protocol")
    assert operative[1].footnote_refs == ["1", "2"]
    assert doc.footnotes == []
    assert any("footnotes themselves are missing" in w for w in doc.warnings)
    assert_no_furniture(doc)


def test_seed_004_sponsors_mapped_to_todays_names():
    doc = parsed("004")
    assert (doc.body, doc.session, doc.committee, doc.date) == ("General Assembly", 68, "Third Committee", "2013-11-08")
    assert [(a.number, a.title) for a in doc.agenda_items] == [("108", "Crime prevention and criminal justice")]
    assert doc.document_type == "revised draft resolution"
    assert doc.title == TITLE
    assert len(doc.sponsors) == 34
    states = {s.name: s.state for s in doc.sponsors}
    assert states["Bolivia (Plurinational State of)"] == "Bolivia (Plurinational State of)"
    assert states["the former Yugoslav Republic of Macedonia"] == "North Macedonia"
    assert states["Turkey"] == "Türkiye"
    assert states["Bosnia and Herzegovina"] == "Bosnia and Herzegovina"
    assert states["Venezuela (Bolivarian Republic of)"] == "Venezuela (Bolivarian Republic of)"
    assert states["Côte d'Ivoire"] == "Côte d'Ivoire"


def test_seed_004_preambular_subparagraphs_footnotes_and_leads():
    doc = parsed("004")
    preamble = [p for p in doc.paragraphs if p.kind == "preambular"]
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    assert len(preamble) == 30 and len(operative) == 18
    reaffirming = preamble[6]
    assert reaffirming.text == "Reaffirming that the Global Plan of Action was developed:"
    assert [s.label for s in reaffirming.subparagraphs] == ["a", "b", "c", "d", "e", "f"]
    # Cut by the footnotes of page 1: one paragraph.
    assert preamble[3].text.endswith("to devise, enforce and strengthen effective measures to combat and eliminate "
                                     "all forms of trafficking in persons, to counter the demand for trafficked "
                                     "victims and to protect the victims,")
    assert preamble[3].footnote_refs == ["1", "2", "3"]
    assert "[64/293](#)" not in preamble[5].text and "resolution 64/293 of 30 July 2010" in preamble[5].text
    assert [p.lead for p in preamble[24:27]] == ["Taking note", "Taking note also", "Taking note further"]
    assert [p.lead for p in operative[3:6]] == ["Decides", "Also decides", "Expresses support"]
    assert len(doc.footnotes) == 14
    assert doc.footnotes[4].text == "Ibid., vol. 2237, No. 39574."
    assert doc.footnotes[7].text == "Resolutions 55/67, 58/137, 59/166, 61/144, 61/180, 63/156, 63/194 and 64/178."
    assert operative[14].footnote_refs == ["1", "2", "3"]  # markers reused later refer to the same footnotes
    assert_no_furniture(doc)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_ends_with_a_full_stop_and_preambular_paragraphs_with_commas(prefix):
    doc = parsed(prefix)
    assert doc.paragraphs[-1].text.endswith(".")
    for paragraph in doc.paragraphs:
        if paragraph.kind == "preambular":
            assert paragraph.text.endswith((",", ":")), paragraph.text[-40:]


def citations(doc):
    return [(c.kind, c.body, c.number, c.symbol, c.volume, c.treaty_number, c.paragraph, c.footnote) for c in doc.citations]


def test_seed_000_citations_from_paragraphs_and_footnotes():
    found = citations(parsed("000"))
    # "Recalling its resolution 61/180": "its" in a General Assembly text is the Assembly's own.
    assert ("resolution", "General Assembly", "61/180", None, None, None, 0, None) in found
    assert ("resolution", "Economic and Social Council", "2008/33", None, None, None, 1, None) in found
    # Footnote 1 "Resolution 55/25, annex I."; footnote 2 "Ibid., annex II." is the same resolution.
    assert ("resolution", "General Assembly", "55/25", None, None, None, None, "1") in found
    assert ("resolution", "General Assembly", "55/25", None, None, None, None, "2") in found
    assert ("treaty", None, None, None, "2171", "27531", None, "3") in found
    # "Ibid., vol. 266, No. 3822." takes the Treaty Series from footnote 3.
    assert ("treaty", None, None, None, "266", "3822", None, "4") in found
    assert ("treaty", None, None, None, "1249", "20378", None, "5") in found


def test_seed_001_citations_match_seed_000():
    assert citations(parsed("001")) == citations(parsed("000"))


def test_seed_002_citations_lists_and_documents():
    doc = parsed("002")
    found = citations(doc)
    # "Recalling its resolutions 55/25 of 15 November 2000, 58/137 of 22 December 2003, 59/166 ...": one each.
    for number in ("55/25", "58/137", "59/166"):
        assert ("resolution", "General Assembly", number, None, None, None, 0, None) in found
    assert ("resolution", "Economic and Social Council", "2006/27", None, None, None, 1, None) in found
    # Paragraph 3 ("Welcoming ...") names ECOSOC decisions 16 (LVI), 17 (LVI) and 1980/127.
    assert {c.number for c in doc.citations if c.kind == "decision" and c.paragraph == 3} == {
        "16 (LVI)", "17 (LVI)", "1980/127"}
    # Operative 11 ("as requested by the Economic and Social Council in its resolution 2006/27"): paragraph 21.
    assert doc.paragraphs[21].number == "11"
    assert ("resolution", "Economic and Social Council", "2006/27", None, None, None, 21, None) in found
    assert {c.symbol for c in doc.citations if c.kind == "document"} >= {
        "E/CN.4/2006/62", "A/HRC/Sub.1/58/25", "A/HRC/Sub.1/58/L.9"}
    assert ("resolution", "General Assembly", "34/180", None, None, None, None, "7") in found


def test_seed_004_citations():
    doc = parsed("004")
    found = citations(doc)
    assert ("resolution", "General Assembly", "64/293", None, None, None, 5, None) in found
    assert ("resolution", "Human Rights Council", "23/5", None, None, None, 9, None) in found
    footnote_8 = [c.number for c in doc.citations if c.footnote == "8"]
    assert footnote_8 == ["55/67", "58/137", "59/166", "61/144", "61/180", "63/156", "63/194", "64/178"]
    assert ("treaty", None, None, None, "2237", "39574", None, "5") in found
    assert ("document", None, None, "A/68/127", None, None, None, "13") in found
    for citation in doc.citations:
        assert (citation.paragraph is None) != (citation.footnote is None)
        if citation.paragraph is not None:
            assert 0 <= citation.paragraph < len(doc.paragraphs)
