"""Titles and headings on real documents: titles whole and without the footnote marker printed on them;
a resolution heading read even where no subject line follows it.

Expected titles are the ones the UN prints (the resolution's PDF heading, the AKN <docTitle>).
"""
import pytest

from resolutions.parser import ParseError
from resolutions.parser.document import Footnote
from resolutions.parser.pipeline import parse, title_from_hints, title_without_marker
from scripts.gold import render_akn


def test_title_line_lost_in_conversion_is_completed_from_the_catalogue_title(corpus_dir):
    # The Markdown lost the PDF's second title line; its front matter has the library's title, which
    # writes the ordinal as '4th' where the UN prints 'fourth'.
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_30.md"
    doc = parse(path.read_bytes(), path.name)
    assert doc.title == "Convening of the fourth special session of the General Assembly devoted to disarmament"


def test_printed_title_wins_over_the_catalogue_spelling(corpus_dir):
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_3.md"
    assert parse(path.read_bytes(), path.name).title == "Awaza Political Declaration"


def test_catalogue_title_that_does_not_continue_the_printed_one_is_ignored():
    assert title_from_hints("Participation by the State of Palestine during the eightieth session",
                            "Participation by the State of Palestine during the 80th session :") == \
        "Participation by the State of Palestine during the eightieth session"
    assert title_from_hints("Oceans and the law of the sea", "Sustainable fisheries :") == \
        "Oceans and the law of the sea"


def test_footnote_marker_on_the_title_is_not_part_of_it(corpus_dir):
    # A/RES/ES-10/24: the title carries footnote 1 ('All references to the Occupied Palestinian Territory ...').
    path = corpus_dir / "unxml-ga-resolutions/ES-10session/English/A_RES_ES-10_24-2417298E.xml"
    doc = parse(render_akn(path).encode("utf-8"), "A_RES_ES-10_24.txt")
    assert doc.title == (
        "Advisory opinion of the International Court of Justice on the legal consequences arising from "
        "Israel's policies and practices in the Occupied Palestinian Territory, including East Jerusalem, and "
        "from the illegality of Israel's continued presence in the Occupied Palestinian Territory")
    notes = {note.marker: note.text for note in doc.footnotes}
    assert notes["1"].startswith("All references to the Occupied Palestinian Territory in the text refer to")


def test_trailing_number_stays_when_the_document_has_no_such_footnote():
    notes = [Footnote(marker="1", text="A note.")]
    assert title_without_marker("Follow-up to Habitat 3", notes) == "Follow-up to Habitat 3"
    assert title_without_marker("Occupied Palestinian Territory1", notes) == "Occupied Palestinian Territory"
    assert title_without_marker("Occupied Palestinian Territory<sup>1</sup>", []) == "Occupied Palestinian Territory"


def test_early_resolution_without_a_subject_line_is_read_from_its_heading(corpus_dir):
    # S/RES/1 (1946) has no 'The Security Council,' line: its numbered paragraphs name the Council.
    path = corpus_dir / "cr-unsc-gold/data/res_en_gold/S_RES_0001_1946_EN_GOLD.txt"
    doc = parse(path.read_bytes(), path.name)
    assert (doc.symbol, doc.date, doc.body) == ("S/RES/1 (1946)", "1946-01-25", "Security Council")
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    assert [p.number for p in operative] == ["1", "2", "3"]
    assert operative[0].text.startswith("The Security Council requests the permanent members")
    assert operative[2].text.endswith("and to submit these proposals to the Security Council.")
    # the unnumbered opening ('By Article 47 of the Charter ...') is not lost silently
    assert any("By Article 47 of the Charter" in text for text in [p.text for p in doc.paragraphs] + doc.warnings)


def test_text_naming_an_organ_without_a_resolution_heading_is_still_refused():
    with pytest.raises(ParseError, match="does not look like a resolution"):
        parse(b"Minutes\n\n1. The Security Council met at noon.\n", "minutes.txt")
