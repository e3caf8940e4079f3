"""The action and addressees of operative paragraphs, measured against a hand-checked sample of the corpus
(tests/data/addressees_gold.tsv: 319 paragraphs and sub-paragraphs drawn by scripts/sample_operative_paragraphs.py,
their gold written by reading each text).  The floors are the figures measured on 2 December 2026, rounded down."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from addressees.extractor import extract
from addressees.measure import measure, read_gold

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "addressees_gold.tsv"
HELD_OUT = ROOT / "tests" / "data" / "addressees_heldout.tsv"    # its misses were read to widen the rules
SECOND_HELD_OUT = ROOT / "tests" / "data" / "addressees_heldout_2.tsv"    # its misses were read too: development
THIRD_HELD_OUT = ROOT / "tests" / "data" / "addressees_heldout_3.tsv"     # measured once, then read: development
FOURTH_HELD_OUT = ROOT / "tests" / "data" / "addressees_heldout_4.tsv"    # drawn and read after; never used on them
SAMPLES = [GOLD, HELD_OUT, SECOND_HELD_OUT, THIRD_HELD_OUT, FOURTH_HELD_OUT]   # in the order they were drawn


def test_the_gold_holds_at_least_300_paragraphs_of_the_corpus_each_found_in_its_parse(corpus_dir):
    rows = read_gold(GOLD)
    assert len(rows) >= 300
    assert len({row.file for row in rows}) > 100          # drawn across the corpus, not a few documents
    found = measure(GOLD, corpus_dir)
    assert not found.missing and found.rows == len(rows)


def test_actions_and_addressees_reach_their_measured_floor(corpus_dir):
    found = measure(GOLD, corpus_dir)
    assert found.action.precision >= 0.99 and found.action.recall >= 0.99
    assert found.addressees.precision >= 0.99 and found.addressees.recall >= 0.96


def test_the_first_held_out_sample_now_reaches_its_floor_though_its_misses_shaped_the_rules(corpus_dir):
    # Read on 3 December to find what kinds of addressee were missed (0.732 recall before): no longer held out.
    found = measure(HELD_OUT, corpus_dir)
    assert found.rows == 60 and not found.missing
    assert found.action.precision >= 0.99 and found.action.recall >= 0.99
    assert found.addressees.precision >= 0.98 and found.addressees.recall >= 0.98


@pytest.mark.parametrize("later", [2, 3, 4], ids=["second", "third", "fourth"])
def test_each_held_out_sample_is_drawn_from_documents_no_earlier_sample_holds(corpus_dir, later):
    rows = read_gold(SAMPLES[later])
    assert len(rows) >= 60
    earlier = [row for sample in SAMPLES[:later] for row in read_gold(sample)]
    assert not {row.file for row in rows} & {row.file for row in earlier}
    found = measure(SAMPLES[later], corpus_dir)
    assert found.rows == len(rows) and not found.missing


def test_on_the_fourth_held_out_sample_no_addressee_given_is_wrong_but_more_than_a_third_are_missed(corpus_dir):
    # The honest figures, measured once after its gold was written (3 December 2026): action 1.000 / 0.952,
    # addressees precision 1.000 (31 of 31), recall 0.620 (31 of 50; 8 of the 19 missed are one document's 'racist
    # régime of South Africa' and its sub-paragraphs).
    found = measure(FOURTH_HELD_OUT, corpus_dir)
    assert found.action.precision >= 0.99 and found.action.recall >= 0.95
    assert found.addressees.precision >= 0.99 and found.addressees.recall >= 0.61


def test_the_third_held_out_sample_now_reaches_its_floor_though_its_misses_shaped_the_rules(corpus_dir):
    # Measured held out once, after its gold was written (3 December 2026): action 0.988 / 0.988, addressees
    # precision 0.913 (42 of 46), recall 0.792 (42 of 53).  Its misses were then read to widen the rules (0.962 /
    # 0.962 after): development data since, no longer a measure.
    found = measure(THIRD_HELD_OUT, corpus_dir)
    assert found.action.precision >= 0.99 and found.action.recall >= 0.99
    assert found.addressees.precision >= 0.95 and found.addressees.recall >= 0.95


def test_the_second_held_out_sample_now_reaches_its_floor_though_its_misses_shaped_the_rules(corpus_dir):
    # Measured held out on 3 December 2026 at action 1.000 / 0.983, addressees 0.929 / 0.812; its misses were then
    # read to fix the pronoun rule and add others (1.000 / 0.958 after): development data since, no longer a measure.
    found = measure(SECOND_HELD_OUT, corpus_dir)
    assert found.action.precision >= 0.99 and found.action.recall >= 0.99
    assert found.addressees.precision >= 0.99 and found.addressees.recall >= 0.95


def test_the_secretary_general_is_asked_and_the_special_representative_is_not_him():
    asked = extract("Requests", "Requests the Secretary-General to keep the Security Council regularly informed of "
                                "the implementation of the present resolution;")
    assert (asked.action, asked.addressees) == ("requests", ["Secretary-General"])
    mission = extract("Decides further", "Decides further that the Special Representative of the Secretary-General "
                                         "and UNAMI, at the request of the Government of Iraq, shall continue to pursue "
                                         "their mandate as stipulated in resolution 2299 (2016);")
    assert (mission.action, mission.addressees) == ("decides", ["UN body"])


def test_a_state_named_as_a_place_is_not_addressed_but_a_list_of_governments_is():
    reminded = extract("Reminds", "Reminds all parties in Somalia, including movements and factions, that continued "
                                  "United Nations involvement in Somalia depends on their active cooperation;")
    assert reminded.addressees == ["parties"]
    encouraged = extract("Encourages", "Encourages the Governments of the Democratic Republic of the Congo and, "
                                       "respectively, Rwanda and Uganda to take steps to normalize their relations;")
    assert encouraged.addressees == ["state:Democratic Republic of the Congo", "state:Rwanda", "state:Uganda"]


def test_a_sub_paragraph_takes_its_parents_action_and_addressees_unless_it_opens_with_its_own():
    parent = extract("Calls upon", "Calls upon Member States and, where applicable, other stakeholders:")
    assert parent.addressees == ["Member States", "stakeholders"]
    sub = extract(None, "To promote the transparency of artificial intelligence systems;", parent)
    assert (sub.action, sub.addressees) == ("calls upon", ["Member States", "stakeholders"])
    own = extract(None, "– Demands that all parties work to the immediate full restoration of freedom of movement "
                        "on the Congo river;", extract("Stresses", "Stresses that the main responsibility rests with "
                                                                   "the parties themselves, and in this regard:"))
    assert (own.action, own.addressees) == ("demands", ["parties"])


def test_the_extractor_and_its_measure_import_without_django():
    code = ("import sys, addressees.extractor, addressees.measure, addressees.actions; "
            "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_government_named_by_its_adjective_or_acronym_is_its_state_but_the_parties_are_not():
    urged = extract("Urges", "Urges the Malian authorities to further combat impunity;")
    assert urged.addressees == ["state:Mali"]
    called = extract("Reiterates", "Reiterates its call upon the Congolese authorities to put an end to impunity;")
    assert called.addressees == ["state:Democratic Republic of the Congo"]
    assert extract("Urges", "Urges the FGS to prioritise early recovery;").addressees == ["state:Somalia"]
    assert extract("Encourages", "Encourages the Ivorian parties to make further progress;").addressees == ["parties"]


def test_a_list_goes_on_past_an_aside_that_names_nobody_and_a_second_calls_on_is_read():
    listed = extract("Encourages", "Encourages relevant bodies of the United Nations system, within their respective "
                                   "mandates, relevant international organizations and relevant stakeholders, "
                                   "including civil society organizations, to give due consideration to it;")
    assert set(listed.addressees) == {"UN system", "international organizations", "stakeholders", "civil society"}
    aside = extract("Encourages", "Encourages Governments, in cooperation with civil society and the private sector, "
                                  "to take action;")
    assert aside.addressees == ["States"]
    second = extract("Emphasizes", "Emphasizes the importance of preventing escalation and calls on all parties to "
                                   "exercise restraint and on all those with influence on them to work toward this;")
    assert set(second.addressees) == {"parties", "other"}


def test_a_pronoun_after_the_verb_is_whom_the_clause_named_before():
    invited = extract("Welcomes", "Welcomes the efforts of Member States and invites them to share best practices;")
    assert invited.addressees == ["Member States"]


def test_a_pronoun_stands_for_whom_the_nearest_clause_names_first_not_for_every_name_before_it():
    told = extract("Calls upon", "Calls upon the parties to cease fighting, brings to the attention of the parties "
                                 "their obligations under Article 2 of the Charter of the United Nations and the "
                                 "Security Council's resolution 54 (1948), and accordingly calls upon them to comply;")
    assert told.addressees == ["parties"]
    him = extract("Expresses", "Expresses its appreciation to the Secretary-General for including the organization in "
                               "the meetings he holds with heads of international and regional organizations, and "
                               "invites him to continue to do so;")
    assert him.addressees == ["Secretary-General"]
    it = extract("Welcomes", "Welcomes the statement of the Government of the Democratic Republic of the Congo banning "
                             "the activities of the Forces Démocratiques de Libération du Rwanda, and encourages it "
                             "to implement its commitments;")
    assert it.addressees == ["state:Democratic Republic of the Congo"]


def test_an_adverbial_after_the_verb_a_call_to_and_a_recommendation_to_a_body_are_read():
    assert extract("Urges", "Urges in the meantime all other States to refrain from any action;").addressees == ["States"]
    assert extract("Renews", "Renews its previous call to all States to observe strictly the principles of the "
                             "Protocol;").addressees == ["States"]
    recommended = extract("Recommends", "Recommends to the General Assembly that Malta be admitted to membership in "
                                        "the United Nations.")
    assert (recommended.action, recommended.addressees) == ("recommends", ["organ:General Assembly"])


def test_a_decision_that_someone_will_act_tasks_them_but_not_the_council_itself():
    circulated = extract("Decides", "Decides that the President of the General Assembly will circulate the statement "
                                    "as a document of the Assembly;")
    assert circulated.addressees == ["UN body"]
    itself = extract("Decides", "Decides that, if a further launch occurs, the Security Council will take action to "
                                "restrict further the export of petroleum;")
    assert itself.addressees == []


def test_signatories_of_a_treaty_are_states_and_of_a_peace_agreement_parties():
    treaty = extract("Congratulates", "Congratulates the States Parties and signatories to the treaties of Tlatelolco "
                                      "and Pelindaba, as well as of Central Asia and Mongolia, for their efforts;")
    assert treaty.action == "commends" and set(treaty.addressees) == {"States parties", "States"}
    agreement = extract("Urges", "Urges the signatories to the ceasefire agreement of 23 May 2014 to respect it fully;")
    assert agreement.addressees == ["parties"]


def test_a_sub_paragraph_under_decides_acts_through_its_infinitive():
    decides = extract("Decides", "Decides:")
    sub = extract(None, "To request the Secretary-General to submit at the end of this period a report;", decides)
    assert (sub.action, sub.addressees) == ("decides", ["Secretary-General"])


def test_whose_efforts_a_verb_asks_for_are_asked_but_whom_a_participle_names_is_not():
    efforts = extract("Urges", "Urges caution and restraint, and encourages enhanced diplomatic efforts by all parties "
                               "to that end;")
    assert efforts.addressees == ["parties"]
    directed = extract("Directs", "Directs the sanctions committees established by the Security Council, with the "
                                  "exception of the Committee established pursuant to resolution 1267 (1999), to "
                                  "revise their guidelines accordingly;")
    assert directed.addressees == ["UN body"]
    listed = extract("Calls upon", "Calls upon all Member States, as well as international organizations and "
                                   "specialized agencies, to refrain from any visits;")
    assert set(listed.addressees) == {"Member States", "international organizations", "UN system"}
