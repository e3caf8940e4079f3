"""Footnotes on real documents: whole texts, however the source wraps or breaks them.

Expectations are read from the documents themselves (the footnote as printed in the UN's PDF and its
Markdown conversion), never from the parser's output.
"""
from resolutions.parser.pipeline import parse
from resolutions.parser.text_stages import join_footnote_definitions

RAILCAR = "railcar-ga80-text/documents/ga-res-80"


def _notes(corpus_dir, name):
    path = corpus_dir / RAILCAR / name
    return {f.marker: f.text for f in parse(path.read_bytes(), path.name).footnotes}


def test_railcar_footnote_keeps_its_indented_continuation_lines(corpus_dir):
    notes = _notes(corpus_dir, "A_RES_80_3.md")
    assert notes["2"] == (
        "Report of the International Ministerial Conference of Landlocked and Transit Developing Countries and "
        "Donor Countries and International Financial and Development Institutions on Transit Transport "
        "Cooperation, Almaty, Kazakhstan, 28 and 29 August 2003 (A/CONF.202/3), annex I.")
    assert notes["14"].endswith("(United Nations publication, Sales No. E.02.II.A.7), chap. I, resolution 1, annex.")
    assert notes["16"] == "Resolution 79/1."
    assert len(notes) == 16


def test_railcar_footnote_continuation_does_not_leak_into_the_body(corpus_dir):
    path = corpus_dir / RAILCAR / "A_RES_80_7.md"
    doc = parse(path.read_bytes(), path.name)
    notes = {f.marker: f.text for f in doc.footnotes}
    assert notes["2"].startswith("See International Atomic Energy Agency, Resolutions Adopted")
    assert notes["2"].endswith("information regarding their adoption.")
    assert notes["3"].endswith("entitled “Restoration of the Sovereign Equality of Member States in the IAEA”.")
    assert not any("regarding their adoption" in p.text for p in doc.paragraphs)


def test_a_wrapped_line_misread_as_a_year_footnote_joins_the_note_above(corpus_dir):
    # The conversion turned the line '1994 (United Nations publication, ...' into a definition '[^1994]:'.
    notes = _notes(corpus_dir, "A_RES_80_10.md")
    assert notes["10"] == ("Report of the International Conference on Population and Development, Cairo, "
                           "5–13 September 1994 (United Nations publication, Sales No. E.95.XIII.18), chap. I, "
                           "resolution 1, annex.")
    assert "1994" not in notes


def test_a_wrapped_line_misread_as_an_out_of_sequence_footnote_joins_the_note_above(corpus_dir):
    # '[^2]: ... as from' then '[^7]: February 1984.'; the real footnote 7 comes later.
    notes = _notes(corpus_dir, "A_RES_80_18.md")
    assert notes["2"] == ("The Committee on Disarmament was redesignated the Conference on Disarmament as from "
                          "7 February 1984.")
    assert notes["7"] == "See A/57/759-S/2003/332, annex I."


def test_join_footnote_definitions_keeps_separate_notes_apart():
    text = "[^1]: First note.\n[^2]: Second note, wrapped\n    over two lines.\n\nBody text."
    assert join_footnote_definitions(text).split("\n") == [
        "[^1]: First note.", "[^2]: Second note, wrapped over two lines.", "", "Body text."]


def test_outline_numbers_and_codes_are_not_footnote_markers(corpus_dir):
    # S/RES/1454 (2002) has no footnotes; its annex lists 'B.01, B.02, B.03', 'b.1.', 'a.2.', 'DIN2.4375'.
    path = corpus_dir / "cr-unsc-gold/data/res_en_gold/S_RES_1454_2002_EN_GOLD.txt"
    doc = parse(path.read_bytes(), path.name)
    assert not any("Footnote markers" in warning for warning in doc.warnings)
    assert all(not p.footnote_refs for p in doc.paragraphs)


def test_a_part_number_after_a_letter_stays_in_the_text(corpus_dir):
    # A/RES/80/7 operative 2: 'comprising GC(69)/RES/9 A.2, entitled ...' and 'GC(69)/RES/9 A.3, entitled ...'.
    path = corpus_dir / RAILCAR / "A_RES_80_7.md"
    doc = parse(path.read_bytes(), path.name)
    (takes_note,) = [p for p in doc.paragraphs if p.number == "2"]
    assert "comprising GC(69)/RES/9 A.2, entitled “Support to the African Union’s" in takes_note.text
    assert "GC(69)/RES/9 A.3, entitled “Zoonotic Disease Integrated Action (ZODIAC) Project”" in takes_note.text
    # footnote 2 after 'GC(69)/RES/DEC(2025)' and 3 after '“Election of Members to the Board of Governors”;'
    # (the UN's XML puts both in this paragraph); the conversion set 3 apart: '”; 3 item 15 entitled'.
    assert takes_note.footnote_refs == ["2", "3"]


def test_markers_the_conversion_set_apart_between_spaces(corpus_dir):
    # A/RES/80/10: 'Reaffirming also the International Covenant on Civil and Political Rights, 1 the International
    # Covenant on Economic, Social and Cultural Rights, 2 the International Convention ... Racial Discrimination, 3
    # the Convention on the Rights of the Child[^4] and the Convention ... against Women,5'
    path = corpus_dir / RAILCAR / "A_RES_80_10.md"
    doc = parse(path.read_bytes(), path.name)
    (reaffirming,) = [p for p in doc.paragraphs if p.text.startswith("Reaffirming also the International Covenant")]
    assert reaffirming.footnote_refs == ["1", "2", "3", "4", "5"]
    assert "Civil and Political Rights, the International Covenant on Economic" in reaffirming.text
    # '... Platform for Action, 8 the Durban Declaration and Programme of Action 9 and the Programme of Action ...'
    (durban,) = [p for p in doc.paragraphs if "the Durban Declaration and Programme of Action" in p.text]
    assert {"8", "9"} <= set(durban.footnote_refs)


def test_numbers_that_are_quantities_or_references_stay_text(corpus_dir):
    # A/RES/80/43 op 4: '... section V, paragraphs 29, 34 and 37, thereof, 14 and to strengthen ...' (footnote 14).
    path = corpus_dir / RAILCAR / "A_RES_80_43.md"
    doc = parse(path.read_bytes(), path.name)
    (reiterates,) = [p for p in doc.paragraphs if p.number == "4"]
    assert "section IV, paragraphs 22 and 26, and section V, paragraphs 29, 34 and 37, thereof, and to" \
        in reiterates.text
    assert reiterates.footnote_refs == ["14"]
    # A/RES/80/3 op 2: 'from 5 to 8 August 2025' although the document has footnotes 5 and 8.
    path = corpus_dir / RAILCAR / "A_RES_80_3.md"
    doc = parse(path.read_bytes(), path.name)
    assert any("from 5 to 8 August 2025" in p.text for p in doc.paragraphs)


def test_marker_glued_to_a_parenthesised_year(corpus_dir):
    # A/RES/75/130 (AKN, rendered): 'the International Health Regulations (2005)13 in the context of ...'
    from scripts.gold import render_akn

    path = corpus_dir / "unxml-ga-resolutions/75session/English/75_130_E.xml"
    doc = parse(render_akn(path).encode("utf-8"), "75_130.txt")
    (paragraph,) = [p for p in doc.paragraphs if "Regulations (2005) in the context of health emergencies" in p.text]
    assert "13" in paragraph.footnote_refs
    assert "(2005)13" not in paragraph.text


def _rendered(corpus_dir, folder, name):
    from scripts.gold import render_akn

    (path,) = (corpus_dir / "unxml-ga-resolutions" / folder / "English").glob(name)
    return parse(render_akn(path).encode("utf-8"), path.stem + ".txt")


def test_marker_glued_to_the_year_of_a_date(corpus_dir):
    # A/RES/77/215: '... 45/4 of 6 October 2020, 48/8 of 8 October 2021<note 7> and 51/11 of 6 October 2022<note 8>'
    doc = _rendered(corpus_dir, "77session", "A_RES_77_215-*E.xml")
    (paragraph,) = [p for p in doc.paragraphs if "48/8 of 8 October 2021 and 51/11 of 6 October 2022" in p.text]
    assert {"7", "8"} <= set(paragraph.footnote_refs)
    assert "20217" not in paragraph.text


def test_marker_glued_to_a_resolution_number(corpus_dir):
    # A/RES/79/258 section VIII op 4: 'in its resolutions 55/28<note 31> and 55/29 of 5 April 2024,<note 32>', flattened
    # to '55/2831': no session has a resolution 2831, and footnote 31 is the next one.
    doc = _rendered(corpus_dir, "79session", "A_RES_79_258-*E.xml")
    (paragraph,) = [p for p in doc.paragraphs if "Human Rights Council in its resolutions 55/28 and 55/29" in p.text]
    assert paragraph.footnote_refs[:2] == ["31", "32"]
    cited = [(c.number, c.body) for c in doc.citations if c.number in ("55/28", "55/29", "55/2831")]
    assert cited == [("55/28", "Human Rights Council"), ("55/29", "Human Rights Council")]


def test_marker_after_a_parenthesis_and_a_comma(corpus_dir):
    # A/RES/76/82: '... pursuant to Security Council resolution 2334 (2016),<note 16>'
    doc = _rendered(corpus_dir, "76session", "A_RES_76_82-*E.xml")
    (paragraph,) = [p for p in doc.paragraphs if p.text.endswith("Security Council resolution 2334 (2016),")]
    assert "16" in paragraph.footnote_refs


def test_markers_run_into_a_decision_symbol_are_separate_markers(corpus_dir):
    # A/RES/75/219 as its AKN text reads ('decision CBD/CP/MOP/VIII/19' with note 13, 'CBD/NP/MOP/DEC/2/7,' with
    # note 14, 'decision XII/3,' with note 27): rendered plainly they run together as 'VIII/1913', '2/7,14', 'XII/3,27'.
    from tests.gold import render_akn

    xml = next((corpus_dir / "unxml-ga-resolutions" / "75session" / "English").glob("75_219*.xml"))
    doc = parse(render_akn(xml).encode("utf-8"), "A_RES_75_219.txt")
    taking_note = next(p for p in doc.paragraphs if "CBD/CP/MOP/VIII/19" in p.text)
    assert "decision CBD/CP/MOP/VIII/19 and decision CBD/NP/MOP/DEC/2/7, as well as" in taking_note.text
    assert taking_note.footnote_refs == ["12", "13", "14"]
    recalling = next(p for p in doc.paragraphs if "in its decision XII/3" in p.text)
    assert recalling.text.endswith("in its decision XII/3,")
    assert recalling.footnote_refs[-1] == "27"
