"""Annexes are structure (issue 13): the parser reads what follows a resolution's own text, never drops it.

Every expectation is read off the source files of ../shared/corpus/real (the printed text, the UN's XML), not from
the parser's output.
"""
from pathlib import Path

import pytest

from resolutions.measure.akn_text import render_akn
from resolutions.measure.conservation import measure
from resolutions.measure.references import pdf_reference, sc_gold_reference
from resolutions.parser import parse

SC_GOLD = Path("cr-unsc-gold/data/res_en_gold")


def sc_gold(corpus: Path, name: str):
    path = corpus / SC_GOLD / name
    return parse(path.read_bytes(), path.name), path


def akn_text(corpus: Path, pattern: str) -> str:
    path = next((corpus / "unxml-sc-resolutions").rglob(pattern))
    return render_akn(path, attachments=True)


def test_the_annexes_of_s_res_1454_are_parts_of_the_document_with_label_title_and_paragraphs(corpus_dir):
    doc, path = sc_gold(corpus_dir, "S_RES_1454_2002_EN_GOLD.txt")
    # the resolution's own five operative paragraphs, '5. Decides to remain seized of the matter.' the last
    assert [p.number for p in doc.paragraphs if p.kind == "operative"] == ["1", "2", "3", "4", "5"]
    assert doc.paragraphs[-1].text == "Decides to remain seized of the matter."
    assert [(a.label, a.title) for a in doc.annexes] == [
        ("Annex A", "Textual entries for the proposed item changes to the Goods Review List"),
        ("Annex B", "Goods Review List procedures")]
    first = doc.annexes[1].paragraphs[0]
    assert first.number == "1" and first.text.startswith("The following procedures replace paragraphs 29 to 34")
    assert doc.annexes[0].paragraphs[0].heading == "Chemical Section:"
    # about 480 of 6,500 words were kept before annexes were read
    assert measure(sc_gold_reference(path.read_text(encoding="utf-8")), doc).share >= 0.99


def test_a_declaration_adopted_in_the_text_is_a_part_of_its_own_and_adopts_is_operative_paragraph_1(corpus_dir):
    path = corpus_dir / "gatenlp-unga-samples" / "sample-docs" / "A_RES_73_3-EN.pdf"
    doc = parse(path.read_bytes(), path.name)
    (adopts,) = doc.paragraphs
    assert adopts.kind == "operative" and adopts.number == "1" and adopts.lead == "Adopts"
    assert adopts.text.startswith("Adopts the following political declaration approved by the high-level meeting")
    declaration = doc.annexes[0]
    assert declaration.label == "Political declaration"
    assert declaration.title == "United to end tuberculosis: an urgent global response to a global epidemic"
    preamble = declaration.paragraphs[0]
    assert preamble.kind == "preambular" and preamble.text.startswith("We, Heads of State and Government")
    numbers = [p.number for p in declaration.paragraphs if p.kind == "operative"]
    assert numbers == [str(n) for n in range(1, 54)]   # the declaration's 53 paragraphs, printed 1. to 53.
    assert declaration.paragraphs[1].text.startswith("Reaffirm the 2030 Agenda for Sustainable Development")
    assert measure(pdf_reference(path), doc).share >= 0.99


def test_an_annex_numbered_from_1_never_becomes_operative_paragraphs_of_the_resolution(corpus_dir):
    doc = parse(akn_text(corpus_dir, "S_RES_2744*.xml").encode("utf-8"), "S_RES_2744.txt")
    operative = [p.number for p in doc.paragraphs if p.kind == "operative"]
    assert operative == [str(n) for n in range(1, len(operative) + 1)]
    assert [(a.label, a.title) for a in doc.annexes][0] == ("Annex I", "Delisting procedures")
    assert doc.annexes[1].label == "Annex II"
    assert doc.annexes[1].title.startswith("Terms of reference of the Informal Working Group")
    assert doc.annexes[1].paragraphs[0].heading == "I. Title and composition"


def test_an_annex_line_glued_to_the_last_paragraph_is_found_where_the_numbering_starts_again(corpus_dir):
    """A conversion that loses the line breaks around 'Annex I' glues it to the last operative paragraph; the
    numbering that starts again at 1 shows where the annex begins."""
    text = akn_text(corpus_dir, "S_RES_2744*.xml")
    printed = "\n\nAnnex I\n\nDelisting procedures\n"
    assert printed in text
    glued = text.replace(printed, " Annex I Delisting procedures\n", 1)
    doc = parse(glued.encode("utf-8"), "S_RES_2744.txt")
    operative = [p.number for p in doc.paragraphs if p.kind == "operative"]
    assert operative == ["1", "2", "3", "4", "5", "6"]
    assert doc.paragraphs[-1].text == "Decides to remain seized of the matter."
    assert doc.annexes[0].label == "Annex I"
    assert doc.annexes[0].paragraphs[0].text.startswith("Delisting procedures The Focal Point is authorized")
    assert any("starts again at 1" in w for w in doc.warnings)


def test_text_the_structuring_step_cannot_place_is_kept_as_unplaced_text_with_a_warning(corpus_dir):
    doc, _ = sc_gold(corpus_dir, "S_RES_0014_1946_EN_GOLD.txt")
    # above 'The Security Council': 'As the General Assembly has decided ... same dates.' and 'To this end,'
    assert doc.unplaced[0].startswith("As the General Assembly has decided that the terms of office")
    assert "To this end," in doc.unplaced
    # the vote after the closing line: 'Adopted at the 84th meeting by 9 votes to none, with 2 abstentions (...)'
    # is read into the votes (tests/test_closing_votes.py), not left unplaced
    assert doc.votes.meeting == "84th meeting"
    assert not any("votes to none" in text for text in doc.unplaced)
    assert any("unplaced" in w for w in doc.warnings)


@pytest.mark.parametrize("name,meeting", [("A_RES_80_3.md", "18th plenary meeting")])
def test_the_closing_meeting_line_is_kept_as_the_adoption_meeting(corpus_dir, name, meeting):
    path = corpus_dir / "railcar-ga80-text" / "documents" / "ga-res-80" / name
    doc = parse(path.read_bytes(), name)
    assert doc.votes.meeting == meeting
    assert doc.annexes[0].label == "Annex"
    # the annex's first paragraph as printed: '1. We, the Heads of State and Government and high-level representatives'
    assert doc.annexes[0].paragraphs[0].text.startswith("We, the Heads of State and Government")
