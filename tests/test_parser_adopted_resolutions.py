"""The parser on adopted resolutions from the real corpus: General Assembly (railcar GA-80 markdown, with its
YAML front matter) and Security Council (hand-corrected texts).  Expectations written by reading each file."""
import re

import pytest

from resolutions.parser import parse

RAILCAR = "railcar-ga80-text/documents/ga-res-80"
SC_GOLD = "cr-unsc-gold/data/res_en_gold"
FURNITURE = re.compile(r"plenary meeting|<sup>|\*|\[\^|S/RES/\d|A/RES/80/\d+$")


def parse_file(path):
    return parse(path.read_bytes(), path.name)


def kinds(doc):
    return [(p.kind, p.number) for p in doc.paragraphs]


def test_ga_80_3_annex_paragraphs_are_not_operative(corpus_dir):
    doc = parse_file(corpus_dir / RAILCAR / "A_RES_80_3.md")
    assert (doc.symbol, doc.body, doc.session) == ("A/RES/80/3", "General Assembly", 80)
    assert doc.date == "2025-10-14"  # 'Resolution adopted by the General Assembly on 14 October 2025'
    assert doc.distribution == "General"
    assert doc.document_type == "resolution"
    assert doc.committee is None  # '[without reference to a Main Committee (A/80/L.4)]'
    assert [a.number for a in doc.agenda_items] == ["13"]
    assert doc.agenda_items[0].title.startswith("Integrated and coordinated implementation of and follow-up")
    assert doc.title == "Awaza Political Declaration"
    assert doc.preamble_subject == "The General Assembly"
    # One preambular paragraph, two operative ones; the Declaration's own 1., 2., ... in the annex are not counted.
    assert kinds(doc) == [("preambular", None), ("operative", "1"), ("operative", "2")]
    assert [p.lead for p in doc.paragraphs] == ["Recalling", "Endorses", "Expresses its profound gratitude"] or \
        [p.lead for p in doc.paragraphs][:2] == ["Recalling", "Endorses"]
    assert doc.paragraphs[2].text.startswith("Expresses its profound gratitude to the Government and the people of "
                                             "Turkmenistan")
    assert not any("We, the Heads of State" in p.text for p in doc.paragraphs)


def test_ga_80_2_running_title_and_footnote(corpus_dir):
    doc = parse_file(corpus_dir / RAILCAR / "A_RES_80_2.md")
    assert doc.symbol == "A/RES/80/2"
    assert doc.committee == "Fifth Committee"  # '[on the report of the Fifth Committee (A/80/401, para. 6)]'
    assert doc.date == "2025-10-14"
    # The title line is cut in the text ('... expenses of the'); the front matter completes it.
    assert doc.title == ("Scale of assessments for the apportionment of the expenses of the United Nations: "
                         "requests under Article 19 of the Charter")
    assert [p.lead for p in doc.paragraphs] == ["Having considered", "Reaffirming", "Reaffirms", "Also reaffirms",
                                                "Requests", "Urges", "Agrees", "Decides"]
    assert [p.number for p in doc.paragraphs] == [None, None, "1", "2", "3", "4", "5", "6"]
    # The page's running header (the title again) is not glued to paragraph 5.
    assert doc.paragraphs[6].text == ("Agrees that the failure of Bolivia (Plurinational State of) and Sao Tome and "
                                      "Principe to pay the full minimum amount necessary to avoid the application of "
                                      "Article 19 of the Charter was due to conditions beyond their control;")
    assert doc.paragraphs[0].footnote_refs == ["1"]
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("1", "Official Records of the General Assembly, Eightieth Session, Supplement No. 11 (A/80/11).")]
    assert doc.paragraphs[-1].text.endswith("until the end of its eightieth session.")


def test_ga_80_4_marker_after_semicolon_does_not_swallow_the_next_paragraph(corpus_dir):
    doc = parse_file(corpus_dir / RAILCAR / "A_RES_80_4.md")
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    assert [p.number for p in operative] == ["1", "2", "3", "4", "5"]
    assert operative[0].text == "Takes note of the report of the Secretary-General on the implementation of resolution 79/7;"
    assert operative[0].footnote_refs == ["1"]
    assert [p.lead for p in operative[1:3]] == ["Reiterates its call upon", "Once again urges"] or \
        operative[2].lead == "Once again urges"


def test_ga_80_9_single_unnumbered_operative_paragraph(corpus_dir):
    doc = parse_file(corpus_dir / RAILCAR / "A_RES_80_9.md")
    assert doc.symbol == "A/RES/80/9"
    assert doc.preamble_subject == "The General Assembly"  # printed without its comma
    assert len(doc.paragraphs) == 1
    (adopts,) = doc.paragraphs
    assert (adopts.kind, adopts.number, adopts.lead) == ("operative", None, "Adopts")
    assert adopts.text.endswith("annexed to the present resolution.")


@pytest.mark.parametrize("name", sorted(p for p in ["A_RES_80_2.md", "A_RES_80_12.md", "A_RES_80_24.md",
                                                    "A_RES_80_34.md", "A_RES_80_38.md", "A_RES_80_6.md"]))
def test_ga_80_operative_numbers_run_in_sequence_without_furniture(corpus_dir, name):
    doc = parse_file(corpus_dir / RAILCAR / name)
    numbers = [p.number for p in doc.paragraphs if p.kind == "operative"]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] and numbers
    for paragraph in doc.paragraphs:
        assert not FURNITURE.search(paragraph.text), paragraph.text[-80:]
        assert paragraph.lead and paragraph.text.startswith(paragraph.lead)


def test_sc_1445_modern_heading_and_running_symbol(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_1445_2002_EN_GOLD.txt")
    assert (doc.symbol, doc.body, doc.date, doc.distribution) == (
        "S/RES/1445 (2002)", "Security Council", "2002-12-04", "General")
    assert doc.preamble_subject == "The Security Council"
    preamble = [p for p in doc.paragraphs if p.kind == "preambular"]
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    assert [p.lead for p in preamble] == ["Recalling", "Reaffirming", "Reaffirming further", "Reaffirming also",
                                          "Recalling", "Recognizing", "Taking note", "Determining"]
    assert [p.number for p in operative] == [str(n) for n in range(1, 26)]
    assert operative[22].text == ("Strongly condemns the repeated harassment of Radio Okapi staff and demands that "
                                  "all parties concerned desist from such actions;")
    assert operative[-1].text == "Decides to remain actively seized of the matter."


def test_sc_769_wrapped_adopted_line(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0769_1992_EN_GOLD.txt")
    # 'RESOLUTION 769 (1992)' / 'Adopted by the Security Council at its 3104th meeting,' / 'on 7 August 1992'
    assert (doc.symbol, doc.body, doc.date) == ("S/RES/769 (1992)", "Security Council", "1992-08-07")
    assert [p.lead for p in doc.paragraphs if p.kind == "preambular"] == ["Reaffirming", "Having examined",
                                                                        "Taking note"]
    assert [p.number for p in doc.paragraphs if p.kind == "operative"] == ["1", "2", "3", "4"]
    assert doc.paragraphs[3].text == "Approves the Secretary-General’s report;"


def test_sc_compilation_heading_and_closing_vote_line(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0183_1963_EN_GOLD.txt")
    # '183 (1963). Resolution of 11 December 1963' ... 'Adopted at the 1083rd meeting by 10 votes to none, ...'
    assert (doc.symbol, doc.date) == ("S/RES/183 (1963)", "1963-12-11")
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    assert [p.number for p in operative] == ["1", "2", "3", "4", "5", "6", "7"]  # the scan's '5,' read as 5.
    assert operative[4].text.startswith("Notes General Assembly resolution 1542 (XV) of 15 December 1960")
    assert operative[-1].text.endswith("not later than 1 June 1964.")
    assert not any("Adopted at" in p.text or "Ibid." in p.text for p in doc.paragraphs)


def test_sc_548_date_on_its_own_line(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0548_1984_EN_GOLD.txt")
    assert (doc.symbol, doc.date, doc.title) == ("S/RES/548 (1984)", "1984-02-24", None)
    assert [(p.kind, p.lead) for p in doc.paragraphs] == [("preambular", "Having examined"), ("operative", "Recommends")]


def test_sc_1454_annex_a_ends_the_resolution_but_not_inside_a_paragraph(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_1454_2002_EN_GOLD.txt")
    assert (doc.symbol, doc.date) == ("S/RES/1454 (2002)", "2002-12-30")
    assert [p.lead for p in doc.paragraphs if p.kind == "preambular"] == [
        "Recalling", "Convinced", "Reaffirming", "Recalling", "Reiterating", "Acting"]
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    # Paragraph 1 wraps a line that begins 'Annex A to this resolution'; the annex's own '1.', '2.' are not counted.
    assert [(p.number, p.lead) for p in operative] == [
        ("1", "Approves"), ("2", "Decides"), ("3", "Directs"), ("4", "Appeals"), ("5", "Decides")]
    assert "specified in Annex A to this resolution and the revised procedures" in operative[0].text
    assert operative[-1].text == "Decides to remain seized of the matter."


def test_sc_548_footnote_after_the_closing_line(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0548_1984_EN_GOLD.txt")
    # '... for admission to the United Nations, 56' and, after 'Adopted unanimously at the 2518th meeting.',
    # '56 Official Records of the the Security Council, Thirty-ninth Year, ... document S/16353.'
    assert doc.paragraphs[0].footnote_refs == ["56"]
    assert doc.paragraphs[0].text.endswith("for admission to the United Nations,")
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("56", "Official Records of the the Security Council, Thirty-ninth Year, Supplement for January, February "
               "and March 1984, document S/16353.")]


def test_sc_483_wrapped_resolution_number_is_not_a_footnote_marker(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0483_1980_EN_GOLD.txt")
    # 'Recalling its resolutions 425 (1978), 426 (1978), 427' / '(1978), ...': 427 is a resolution.
    assert "426 (1978), 427 (1978)" in doc.paragraphs[0].text
    assert "427" not in doc.paragraphs[0].footnote_refs


def test_sc_14_preamble_above_the_subject_is_not_a_title_and_resolves_is_operative(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0014_1946_EN_GOLD.txt")
    # '14 (1946). Resolution of 16 December 1946' / 'As the General Assembly has decided ...;' / 'To this end,'
    # / 'The Security Council' / 'Resolves that ...' / 'Adopted at the 84th meeting by 9 votes to none, ...'
    assert (doc.symbol, doc.date, doc.title) == ("S/RES/14 (1946)", "1946-12-16", None)
    assert [(p.kind, p.number, p.lead) for p in doc.paragraphs] == [("operative", None, "Resolves")]
    assert doc.paragraphs[0].text.endswith("from 17 December until 31 December 1946.")


HRC_RESOLUTION = """\
United Nations                                                A/HRC/RES/52/1
General Assembly                                              Distr.: General
                                                              10 April 2023
Human Rights Council
Fifty-second session
27 February-4 April 2023
Agenda item 3
Promotion and protection of all human rights, civil,
political, economic, social and cultural rights,
including the right to development

Resolution adopted by the Human Rights Council on 3 April 2023

52/1. Human rights and the environment

The Human Rights Council,
Recalling its resolutions 48/13 of 8 October 2021 and 46/7 of 23 March 2021,
Reaffirming General Assembly resolution 76/300 of 28 July 2022,
1. Welcomes the report of the Special Rapporteur;
2. Decides to continue its consideration of this question.
"""


def test_a_human_rights_council_resolution_is_the_councils_under_the_assemblys_masthead():
    """The Council is a subsidiary organ of the General Assembly and prints its masthead ('General Assembly' at the
    top).  The corpus holds no Council text: this one is laid out as the Council prints its resolutions, with an
    illustrative symbol, title and dates.  The resolution and the resolutions it calls 'its' are the Council's."""
    doc = parse(HRC_RESOLUTION.encode("utf-8"), "A_HRC_RES_52_1.txt")
    assert (doc.symbol, doc.body, doc.session, doc.date) == ("A/HRC/RES/52/1", "Human Rights Council", 52, "2023-04-03")
    assert doc.title == "Human rights and the environment"
    assert [(c.number, c.body) for c in doc.citations] == [
        ("48/13", "Human Rights Council"), ("46/7", "Human Rights Council"), ("76/300", "General Assembly")]


def test_sc_274_a_meeting_number_inside_a_paragraph_is_not_the_closing_line(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0274_1969_EN_GOLD.txt")
    # Operative 1 wraps '... the consensus expressed by the President at the' / '1143rd meeting on 11 August 1964
    # and at the 1383rd' / 'meeting on 24 November 1967;': the second line is text, not 'Adopted ... meeting.'
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    assert [(p.number, p.lead) for p in operative] == [("1", "Reaffirms"), ("2", "Urges"), ("3", "Extends")]
    assert operative[0].text.endswith("by the President at the 1143rd meeting on 11 August 1964 and at the 1383rd "
                                      "meeting on 24 November 1967;")
    assert operative[2].text.endswith("will make possible a withdrawal or substantial reduction of the Force.")


def test_sc_274_a_number_before_a_year_in_brackets_is_a_resolution_not_a_marker(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0274_1969_EN_GOLD.txt")
    # '192 (1964) of 20 June, 193' / '(1964) of 9 August': resolution 193 (1964), and the text has no note 193.
    reaffirms = next(p for p in doc.paragraphs if p.number == "1")
    assert "192 (1964) of 20 June, 193 (1964) of 9 August, 194 (1964)" in reaffirms.text
    assert reaffirms.footnote_refs == []
    assert doc.footnotes == []
    assert "193(1964)" in {c.target_key.split(":")[-1] for c in doc.citations}


def test_sc_222_breaks_neither_at_the_meeting_line_nor_at_resolution_193(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0222_1966_EN_GOLD.txt")
    operative = [p for p in doc.paragraphs if p.kind == "operative"]
    assert [p.lead for p in operative] == ["Reaffirms", "Urges", "Extends"]
    assert operative[0].text.endswith("by the President at the 1143rd meeting, on 11 August 1964;")
    assert "20 June, 193 (1964) of 9 August" in operative[0].text
    # 'the report of the Secretary-General' / 'of 10 June 1966 4 that ...' and, after the closing line,
    # '4 Ibid., Supplement for April, May and June 1966, documents S/7350 and Add.1.'
    assert doc.paragraphs[0].footnote_refs == ["4"]
    assert "of 10 June 1966 that in the present circumstances" in doc.paragraphs[0].text
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("4", "Ibid., Supplement for April, May and June 1966, documents S/7350 and Add.1.")]


def test_sc_457_notes_after_the_closing_line_take_their_spaced_markers(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0457_1979_EN_GOLD.txt")
    # The compilation numbers its notes on from earlier resolutions (95 to 99) and sets each marker apart:
    # 'dated 25 November 1979, 95', '13 November 1979 97 relative', 'Relations of 1961 98 and'.
    assert [f.marker for f in doc.footnotes] == ["95", "96", "97", "98", "99"]
    assert {f.marker: f.text for f in doc.footnotes}["98"] == "United Nations, Treaty Series, vol. 500, p. 95."
    refs = [r for p in doc.paragraphs for r in p.footnote_refs]
    assert refs == ["95", "96", "97", "98", "99"]
    assert any("Vienna Convention on Diplomatic Relations of 1961 and the Vienna Convention" in p.text
               for p in doc.paragraphs)


def test_sc_522_closing_line_without_at_is_not_operative_text(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0522_1982_EN_GOLD.txt")
    # The gold text prints 'Adopted unanimously the' / '2399th meeting.' (the 'at' is missing).
    assert doc.paragraphs[-1].text.endswith("within seventy-two hours.")
    assert {f.marker: f.text for f in doc.footnotes}["78"] == "S/15296."


def test_ga_80_39_leads_the_vocabulary_lacks_still_open_their_paragraphs(corpus_dir):
    doc = parse_file(corpus_dir / RAILCAR / "A_RES_80_39.md")
    # The Markdown has no italics; 'Ever mindful that, ...' and 'Looking ahead to ...' open blocks of their own after
    # paragraphs ending with a comma ('... under article VI of the Treaty,' / '... recommendations,').
    preambular = [p for p in doc.paragraphs if p.kind == "preambular"]
    ever = next(p for p in preambular if p.text.startswith("Ever mindful"))
    looking = next(p for p in preambular if p.text.startswith("Looking ahead"))
    assert (ever.lead, looking.lead) == ("Ever mindful", "Looking ahead")
    before_ever = preambular[preambular.index(ever) - 1]
    assert before_ever.lead == "Recalling also"
    assert before_ever.text.endswith("in accordance with commitments made under article VI of the Treaty,")
    before_looking = preambular[preambular.index(looking) - 1]
    assert before_looking.lead == "Noting with concern"
    assert before_looking.text.endswith("could not agree on substantive outcomes and recommendations,")
    assert ever.text.endswith("with regard to non-nuclear-weapon States,")


def test_ga_80_39_markers_glued_to_years_are_split_off(corpus_dir):
    doc = parse_file(corpus_dir / RAILCAR / "A_RES_80_39.md")
    # 'the Final' / 'Documents of the 20007 and the 20108 Review Conferences': 2000 and 2010, notes 7 and 8.
    recalling = next(p for p in doc.paragraphs if "Review and Extension Conference" in p.text)
    assert "the Final Documents of the 2000 and the 2010 Review Conferences of the Parties" in recalling.text
    assert recalling.footnote_refs == ["6", "7", "8"]
    notes = {f.marker for f in doc.footnotes}
    assert {"6", "7", "8"} <= notes


def test_sc_665_a_lead_after_an_adverb_opens_its_paragraph(corpus_dir):
    doc = parse_file(corpus_dir / SC_GOLD / "S_RES_0665_1990_EN_GOLD.txt")
    # '... and determined to prevent further' / 'such losses,' / '' / 'Gravely alarmed that Iraq continues ...'
    deploring = next(p for p in doc.paragraphs if p.lead == "Deploring")
    assert deploring.text.endswith("and determined to prevent further such losses,")
    assert any(p.lead == "Gravely alarmed" and p.text.startswith("Gravely alarmed that Iraq continues to refuse")
               for p in doc.paragraphs)


def test_an_agenda_sub_item_past_z_is_read_whole(corpus_dir):
    # A/RES/76/45's cover: 'Agenda item 100 (jj)' / 'General and complete disarmament: youth, disarmament and
    # non-proliferation'
    from resolutions.measure.akn_text import render_akn

    path = next((corpus_dir / "unxml-ga-resolutions").rglob("A_RES_76_45*.xml"))
    doc = parse(render_akn(path).encode("utf-8"), "A_RES_76_45.txt")
    assert [(a.number, a.title) for a in doc.agenda_items] == [
        ("100 (jj)", "General and complete disarmament: youth, disarmament and non-proliferation")]


def test_an_agenda_title_wrapped_after_a_colon_is_read_whole_not_dropped(corpus_dir):
    # A/RES/80/20 (railcar markdown): 'Agenda item 97 (b) Prevention of an arms race in outer space:' /
    # 'no first placement of weapons in outer space' on the next line
    path = corpus_dir / "railcar-ga80-text" / "documents" / "ga-res-80" / "A_RES_80_20.md"
    doc = parse(path.read_bytes(), path.name)
    assert [(a.number, a.title) for a in doc.agenda_items] == [
        ("97 (b)", "Prevention of an arms race in outer space: no first placement of weapons in outer space")]
    assert doc.title == "No first placement of weapons in outer space" and doc.unplaced == []
