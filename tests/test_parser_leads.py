"""Where a lead ends when the source has no italics: the body's house style (data/lead_styles.txt).

Expectations are the UN's own italics in its AKN XML of the same documents (the <span class="italic">
at the start of each paragraph), read in the XML files named in each test.
"""
import json

from resolutions.parser import parse
from resolutions.parser.leads import match_lead


def parse_file(path):
    return parse(path.read_bytes(), path.name)


def operative(doc):
    return [p for p in doc.paragraphs if p.kind == "operative"]


def preambular(doc):
    return [p for p in doc.paragraphs if p.kind == "preambular"]


def test_ga_lead_takes_its_object_and_manner_but_not_the_importance(corpus_dir):
    # A/RES/80/34 as Markdown from the PDF (no italics).  XML A_RES_80_34-*.xml: op 1 *Reaffirms its condemnation
    # in the strongest possible terms* of the use ..., op 4 *Condemns in the strongest possible terms*,
    # op 22 and 25 *Stresses* the importance ..., op 13 *Reiterates its grave concern* that ...
    doc = parse_file(corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_34.md")
    ops = operative(doc)
    assert ops[0].lead == "Reaffirms its condemnation in the strongest possible terms"
    assert ops[3].lead == "Condemns in the strongest possible terms"
    assert ops[4].lead == "Also condemns in the strongest possible terms"
    assert ops[12].lead == "Reiterates its grave concern"
    assert ops[21].lead == "Stresses" and ops[21].text.startswith("Stresses the importance to the Convention")
    assert ops[24].lead == "Stresses"
    assert ops[2].lead == "Notes with grave concern"


def test_sc_lead_is_the_verb_without_the_importance(corpus_dir):
    # S/RES/1445 (2002), hand-corrected text.  XML S_RES_1445_*.xml: op 3 *Expresses full support* for the TPVM,
    # op 4 and 5 *Stresses* the importance ..., op 14 *Expresses* its deep concern over the humanitarian situation.
    doc = parse_file(corpus_dir / "cr-unsc-gold/data/res_en_gold/S_RES_1445_2002_EN_GOLD.txt")
    ops = operative(doc)
    assert [p.lead for p in ops[2:5]] == ["Expresses full support", "Stresses", "Stresses"]
    assert ops[13].lead == "Expresses" and ops[13].text.startswith("Expresses its deep concern over the humanitarian")


def test_ga_guided_by_is_printed_guided(corpus_dir):
    # Draft A/C.3/78/L.41 (plain text); the resolution it became, XML A_RES_78_220-*.xml: *Guided* by the Charter.
    data = json.loads((corpus_dir / "un-bench-eda-ga78/viz/analysis_iran_genealogy.json").read_text(encoding="utf-8"))
    doc = parse(data["stages"]["draft"]["text"].encode("utf-8"), "A_C.3_78_L.41.txt")
    assert doc.body == "General Assembly"
    assert preambular(doc)[0].lead == "Guided"
    assert operative(doc)[0].lead == "Takes note"


def test_same_words_different_body():
    # S/RES/2588 (2021) XML: *Expressing* concern that some signatories ...; A/RES/78/220 XML: *Expresses serious
    # concern* at the continued imposition ...; the SC prints *Guided by* (drafts S/2023/773 and S/2023/795),
    # the GA *Guided* by (A/RES/78/220).
    text = "Expressing concern that some signatories to the Peace Agreement continue"
    assert match_lead(text, "Security Council") == "Expressing"
    assert match_lead(text, "General Assembly") == "Expressing concern"
    assert match_lead("Expresses serious concern at the continued imposition", "General Assembly") == \
        "Expresses serious concern"
    assert match_lead("Guided by the Charter of the United Nations", "Security Council") == "Guided by"
    assert match_lead("Guided by the Charter of the United Nations", "General Assembly") == "Guided"
    # S/RES/2588 op 8 *Expresses particular concern* about reports: the operative 'Expresses' keeps its object.
    assert match_lead("Expresses particular concern about reports of illicit", "Security Council") == \
        "Expresses particular concern"


def test_further_before_a_noun_is_not_part_of_the_lead():
    # A/RES/76/70 XML: *Encourages* further negotiations; *Recalling further* its resolutions.
    assert match_lead("Encourages further negotiations to ensure the release", "General Assembly") == "Encourages"
    assert match_lead("Recalling further its resolutions 71/205", "General Assembly") == "Recalling further"


def test_its_and_a_document_is_not_an_object_of_attitude():
    # A/RES/78/158 XML: *Recalling* its resolutions 70/195 ...; *Reiterates its request* (A/RES/75/141).
    assert match_lead("Recalling its resolutions 70/195 of 22 December 2015", "General Assembly") == "Recalling"
    assert match_lead("Reiterates its request to the Secretary-General", "General Assembly") == \
        "Reiterates its request"
    assert match_lead("Reiterates its request to the Secretary-General", "Security Council") == "Reiterates"


def test_italics_in_the_source_still_decide(corpus_dir):
    # Seed 000 is Markdown with italic leads: *Calls upon*, *Takes note* are taken as marked.
    from tests.conftest import seed_path

    path = seed_path("000")
    doc = parse(path.read_bytes(), path.name)
    assert [p.lead for p in operative(doc)][3] == "Calls upon"
    italic = parse(b"The Security Council,\n\n*Expressing grave concern* at the situation,\n\n"
                   b"1. *Decides* to remain seized of the matter.\n", "x.md")
    assert italic.paragraphs[0].lead == "Expressing grave concern"


def test_phrasal_leads_the_list_lacked():
    # S/RES/1795 (2008) XML: *Having taken note* of ...; S/RES/1551 (2004): *Pays tribute* to those Member States;
    # S/RES/2086 (2013): *Paying* tribute to the memory of United Nations peacekeepers.
    assert match_lead("Having taken note of the report of the Secretary-General", "Security Council") == \
        "Having taken note"
    assert match_lead("Pays tribute to those Member States which participated", "Security Council") == "Pays tribute"
    assert match_lead("Paying tribute to the memory of United Nations peacekeepers", "Security Council") == "Paying"


def test_a_second_verb_joined_by_and_is_part_of_the_lead():
    # A/RES/79/258 XML: *Stresses and re-emphasizes* that best value for money ...; A/RES/ES-11/6: *Welcomes and
    # expresses strong support* for the efforts ...; words after 'and' that are no verb stay out of the lead.
    assert match_lead("Stresses and re-emphasizes that best value for money", "General Assembly") == \
        "Stresses and re-emphasizes"
    assert match_lead("Welcomes and expresses strong support for the efforts of the", "General Assembly") == \
        "Welcomes and expresses strong support"
    assert match_lead("Welcoming and Member States", "General Assembly") == "Welcoming"
