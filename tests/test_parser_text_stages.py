"""The small stages of the text and markdown pipelines, each on lines taken from the seeds."""
import pytest

from resolutions.parser.document import ParseError
from resolutions.parser.leads import match_lead
from resolutions.parser.pipeline import detect_format, parse
from resolutions.parser.footnotes import extract_footnotes, mark_glued_markers
from resolutions.parser.furniture import remove_furniture
from resolutions.parser.text_stages import PAGE, RULE, decode, normalise_unicode, split_front_matter, strip_markdown
from resolutions.parser.wrapping import join_lines
from resolutions.parser.words import ordinal_to_int, parse_date
from tests.conftest import seed_path


def test_decode_reads_utf8_and_falls_back_to_windows_1252_with_a_warning():
    assert decode("Côte d’Ivoire".encode()) == ("Côte d’Ivoire", [])
    text, warnings = decode("Côte d’Ivoire".encode("cp1252"))
    assert text == "Côte d’Ivoire"
    assert warnings and "UTF-8" in warnings[0]
    with pytest.raises(ParseError):
        decode(b"\x00\x01\x02binary")


def test_normalise_unicode_superscripts_latex_debris_and_hyphens():
    # Seed 002, page 2: a unicode superscript in the text and LaTeX debris in the footnote block.
    assert normalise_unicode("Organized Crime,¹ the Protocol") == "Organized Crime,<sup>1</sup> the Protocol"
    assert normalise_unicode(r" $^{^{6}\ A/HRC/Sub.1/58/25$ and A/HRC/Sub.1/58/L.9.").strip() == (
        "<sup>6</sup> A/HRC/Sub.1/58/25 and A/HRC/Sub.1/58/L.9.")
    assert normalise_unicode(r"$^{6}\ A/HRC/Sub.1/58/25$") == "<sup>6</sup> A/HRC/Sub.1/58/25"
    assert normalise_unicode("anti\u2011trafficking\u00a0activities") == "anti-trafficking activities"
    assert normalise_unicode("footnote[^12] here") == "footnote<sup>12</sup> here"


def test_front_matter_is_split_off_and_read():
    text, meta = split_front_matter('---\nsymbol: A/RES/80/3\ntitle: "Awaza"\n---\n\nUnited Nations\n')
    assert meta == {"symbol": "A/RES/80/3", "title": "Awaza"}
    assert text.strip() == "United Nations"


def test_strip_markdown_list_dashes_links_headings_and_rules():
    lines = strip_markdown(["- 1. Recognizes that broad", "Recalling its resolutions [61/180](#) of 20 December",
                            "#### **Improving the coordination**", "---", "*Urges* Member States"])
    assert lines == ["1. Recognizes that broad", "Recalling its resolutions 61/180 of 20 December",
                     "Improving the coordination", RULE, "*Urges* Member States"]


def test_remove_furniture_job_numbers_page_numbers_and_banner():
    lines, facts = remove_furniture(["United Nations A/C.3/61/L.7/Rev.1", "0657590", "2 06-57590", "06-57590",
                                     "4", "______", "Welcoming the progress", "A/C.3/61/L.7/Rev.1"])
    # Where furniture was, one PAGE sentinel: the end of that page's footnote area for extract_footnotes.
    assert lines == [PAGE, RULE, "Welcoming the progress"]
    assert facts == {"symbol": "A/C.3/61/L.7/Rev.1"}


def test_footnote_block_is_pulled_out_of_the_body():
    body, notes = extract_footnotes(["in accordance with article 32 of the Convention, and by the Working Group",
                                     "", "<sup>1</sup> Resolution 55/25, annex I.", "",
                                     "<sup>2</sup> Ibid., annex II.", "", "Forms of Slavery in accordance with"])
    assert [(n.marker, n.text) for n in notes] == [("1", "Resolution 55/25, annex I."), ("2", "Ibid., annex II.")]
    assert [line for line in body if line] == ["in accordance with article 32 of the Convention, and by the Working Group",
                                               "Forms of Slavery in accordance with"]


def test_plain_footnotes_after_a_rule_continue_on_the_next_line():
    body, notes = extract_footnotes([RULE, "1 United Nations, Treaty Series,", "vol. 2171, No. 27531.", "",
                                     "Body text continues"])
    assert [(n.marker, n.text) for n in notes] == [("1", "United Nations, Treaty Series, vol. 2171, No. 27531.")]
    assert "Body text continues" in body


def test_glued_markers_are_footnote_markers_but_symbols_are_not():
    # Seed 003 prints superscripts as plain digits: "Organized Crime1 and the Protocol".
    lines, warnings = mark_glued_markers(["Organized Crime1 and the Protocol2 thereto, see A/C.3/61/L.7 and Rev.1"], [])
    assert lines == ["Organized Crime<sup>1</sup> and the Protocol<sup>2</sup> thereto, see A/C.3/61/L.7 and Rev.1"]
    assert warnings  # the footnotes themselves are missing


def test_line_end_hyphenation_repaired_but_real_hyphens_kept():
    assert join_lines("the right to devel-", "opment of all") == "the right to development of all"
    assert join_lines("on anti-", "trafficking activities") == "on anti-trafficking activities"
    vocabulary = {"follow-up", "state-owned"}
    assert join_lines("the state-", "owned enterprises", vocabulary) == "the state-owned enterprises"
    assert join_lines("the Working Group on Contemporary", "Forms of Slavery") == (
        "the Working Group on Contemporary Forms of Slavery")


def test_lead_vocabulary_longest_match_with_also_and_further_variants():
    assert match_lead("Recalling also Economic and Social Council resolution") == "Recalling also"
    assert match_lead("Also decides to") == "Also decides"
    assert match_lead("Further recalling the United Nations Convention") == "Further recalling"
    assert match_lead("Taking note further of the outcomes") == "Taking note further"
    assert match_lead("Bearing in mind that all States") == "Bearing in mind"
    assert match_lead("Expresses support for") == "Expresses support"
    assert match_lead("Member States that have not") is None


def test_ordinal_sessions_and_dates():
    assert [ordinal_to_int(w) for w in ("Sixty-first", "Sixty-third", "Eightieth", "tenth", "Eighty-second")] == [
        61, 63, 80, 10, 82]
    assert ordinal_to_int("session") is None
    assert parse_date("Distr.: Limited 19 October 2006") == "2006-10-19"
    assert parse_date("31 February 2006") is None


def test_format_detected_from_the_bytes():
    assert detect_format(b"%PDF-1.7\n...", "x.txt") == "pdf"
    assert detect_format(b"PK\x03\x04....", "x.txt") == "docx"
    assert detect_format(b"<!DOCTYPE html><html><body>x</body></html>", "x.txt") == "html"
    assert detect_format(seed_path("000").read_bytes(), "seed.txt") == "markdown"
    assert detect_format(seed_path("002").read_bytes(), "seed.txt") == "text"
    with pytest.raises(ParseError, match="image"):
        detect_format(b"\x89PNG\r\n\x1a\n", "x.png")


def test_text_without_a_subject_line_is_a_clear_error():
    with pytest.raises(ParseError, match="General Assembly"):
        parse(b"Minutes of a meeting.\n\nNothing here is a resolution.\n", "notes.txt")


@pytest.mark.parametrize("data", [b"%PDF-1.4\n not really a pdf", b"PK\x03\x04 not really a zip",
                                  b"<html><body><p>The General Assembly,</p></body></html>"])
def test_damaged_or_empty_files_of_every_format_give_a_parse_error(data):
    with pytest.raises(ParseError) as error:
        parse(data, "upload")
    assert str(error.value)
