"""Votes from the closing line of the Security Council's printed texts (cr-unsc-gold): 'Adopted at the 2963rd meeting
by 12 votes to 2 (Cuba and Yemen), with 1 abstention (China).' read into the parse's votes and stored through the
votes capability.  Expected values are read off the gold texts (quoted beside each case) and the UN's SC tables."""
import json
import re

import pytest

from resolutions.parser.pipeline import parse
from resolutions.services.ingestion.ingest import ingest_file
from votes.models import StateVote, VoteRecord
from votes.services import import_vote_tables

GOLD = "cr-unsc-gold/data/res_en_gold"
SC_TABLES = "unxml-sc-resolutions/data_extract"


def _gold(corpus_dir, number: str):
    path = next((corpus_dir / GOLD).glob(f"S_RES_{number}_*"))
    return parse(path.read_bytes(), path.name)


def _votes(doc) -> tuple:
    v = doc.votes
    return (v.adoption_type, v.meeting, v.in_favour, v.against, v.abstaining,
            sorted((s.state, s.vote) for s in v.states))


# Each case: the gold file's number, what its closing sentence (and the vote's note) prints, read by hand.
CASES = [
    # 'Adopted at the 2963rd meeting by' / '12 votes to 2 (Cuba and Yemen),' / 'with 1 abstention (China).'
    ("0678", ("recorded vote", "2963rd meeting", 12, 2, 1, [("China", "abstain"), ("Cuba", "no"), ("Yemen", "no")])),
    # '... by 8 votes to 2 (Poland, Union of Soviet Socialist Re-' / 'publics), with 1 abstention (France).'
    ("0157", ("recorded vote", "906th meeting", 8, 2, 1, [("France", "abstain"), ("Poland", "no"),
                                                          ("Union of Soviet Socialist Republics", "no")])),
    # 'Adopted at the 2nd meeting. 22' and the note '22 Adopted without vote.'
    ("0001", ("without a vote", "2nd meeting", None, None, None, [])),
    # 'Adopted at the 1748th meeting by 14 votes to none 28' / '28 One member (China) did not participate ...'
    ("0339", ("recorded vote", "1748th meeting", 14, 0, 0, [("China", "non-voting")])),
    # 'Adopted at the I851st meeting by 13 votes to none 22' (the OCR's I for 1) / '22 Two members (China and Iraq)
    # did not participate in the voting.'
    ("0378", ("recorded vote", "1851st meeting", 13, 0, 0, [("China", "non-voting"), ("Iraq", "non-voting")])),
    # 'Adopted at the 1810th meeting by consensus.'
    ("0365", ("consensus", "1810th meeting", None, None, None, [])),
    # 'Adopted unanimously the' / '2399th meeting.' (the 'at' is missing)
    ("0522", ("unanimous", "2399th meeting", None, None, None, [])),
    # 'Adopted unanimously at the 2986th' / 'meeting'
    ("0691", ("unanimous", "2986th meeting", None, None, None, [])),
    # 'Adopted without a vote at the 3003rd' / 'meeting.'
    ("0704", ("without a vote", "3003rd meeting", None, None, None, [])),
    # '... by 8 votes to none,' / 'with 3 abstentions (Syria,' / 'Ukrainian Soviet Socialist' / 'Republic, Union of
    # Soviet' / 'Socialist Republics).': former names, under today's short names where the state continues
    ("0053", ("recorded vote", "331st meeting", 8, 0, 3, [("Syrian Arab Republic", "abstain"), ("Ukraine", "abstain"),
                                                          ("Union of Soviet Socialist Republics", "abstain")])),
    # 'Adopted at the 2708th meeting' / 'by 14 votes to none. with 1 abstention (United States of America)'
    ("0587", ("recorded vote", "2708th meeting", 14, 0, 1, [("United States of America", "abstain")])),
]


@pytest.mark.parametrize("number,expected", CASES, ids=[c[0] for c in CASES])
def test_the_closing_line_of_a_council_text_gives_its_adoption_counts_and_named_states(corpus_dir, number, expected):
    assert _votes(_gold(corpus_dir, number)) == expected


def test_the_words_of_a_closing_line_no_field_holds_are_kept_as_unplaced_text(corpus_dir):
    # 'Adopted unanimously at the' / '2617th meeting, following a separate vote on operative paragraph 6.'
    doc = _gold(corpus_dir, "0574")
    assert doc.votes.adoption_type == "unanimous"
    assert any("following a separate vote on operative paragraph 6" in text for text in doc.unplaced)
    # a vote read whole leaves nothing of its sentence behind
    assert not any("abstention" in text for text in _gold(corpus_dir, "0678").unplaced)


# Closing sentences the reader leaves without an adoption type, and why (read in the gold texts):
UNREAD = {
    "0027": "'Adopted at the 173rd meeting.' and the note: voted on in parts, no vote on the text as a whole",
    "0079": "'by 9 votes 10 none.': the hand-corrected text keeps the OCR's '10' for 'to'",
}
CLOSING = re.compile(r"Adopted (?!by the Security Council)[^\n]*?(?:\n[^\n]*?){0,5}?meeting", re.IGNORECASE)


def test_every_closing_vote_line_of_the_gold_council_texts_is_read_but_the_two_the_text_leaves_open(corpus_dir):
    paths = sorted((corpus_dir / GOLD).glob("S_RES_*_EN_GOLD.txt"))
    with_closing, read, meetings_right = [], [], []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        # the last 'Adopted ... meeting' sentence of the file, not the heading's 'Adopted by the Security Council ...'
        found = list(CLOSING.finditer(text))
        if not found:
            continue
        number = path.name[6:10]
        with_closing.append(number)
        printed = re.search(r"([\dI]\d*)(?:st|nd|rd|th)\s+meeting", found[-1].group(0)).group(1).replace("I", "1")
        doc = parse(path.read_bytes(), path.name)
        if doc.votes and doc.votes.adoption_type:
            read.append(number)
        if doc.votes and doc.votes.meeting and doc.votes.meeting.split()[0][:-2] == printed:
            meetings_right.append(number)
    assert len(paths) == 73
    # 64 texts end with the compilations' closing sentence; the 9 others (1992-2002) print only the heading's
    # 'Adopted by the Security Council at its 3104th meeting, on 7 August 1992', which says no vote.
    assert len(with_closing) == 64
    assert sorted(set(with_closing) - set(read)) == sorted(UNREAD)
    assert meetings_right == with_closing


def test_where_the_gold_texts_and_the_councils_tables_overlap_the_meeting_agrees(corpus_dir):
    rows = {}
    for table in (corpus_dir / SC_TABLES).glob("*.json"):
        for line in table.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["symbol"]] = row
    overlap = []
    for path in sorted((corpus_dir / GOLD).glob("S_RES_*_EN_GOLD.txt")):
        doc = parse(path.read_bytes(), path.name)
        if doc.symbol in rows:
            overlap.append(doc.symbol)
            assert doc.votes.meeting == rows[doc.symbol]["adoption_meeting"], doc.symbol
    # The tables start in 2000, the gold texts stop in 1994 but for 1445 and 1454 (2002), whose texts print the
    # meeting in their heading and no vote: the meeting is all there is to compare.
    assert overlap == ["S/RES/1445 (2002)", "S/RES/1454 (2002)"]


@pytest.mark.django_db
def test_a_closing_line_vote_is_stored_with_its_states_when_the_text_is_ingested(client, corpus_dir):
    path = next((corpus_dir / GOLD).glob("S_RES_0678_*"))
    document = ingest_file(path.read_bytes(), path.name).document
    record = VoteRecord.objects.get(document=document)
    assert (record.adoption_type, record.meeting, record.in_favour, record.against, record.abstaining) == (
        "recorded vote", "2963rd meeting", 12, 2, 1)
    assert {(v.state.name, v.vote) for v in record.state_votes.select_related("state")} == {
        ("Cuba", "no"), ("Yemen", "no"), ("China", "abstain")}
    page = client.get(document.get_absolute_url()).content.decode()
    assert "In favour: 12" in page and "Against: 2" in page
    data = client.get(f"/api/documents/{document.pk}/").json()
    assert data["votes"]["in_favour"] == 12
    assert {s["state"] for s in data["votes"]["states"] if s["vote"] == "no"} == {"Cuba", "Yemen"}


@pytest.mark.django_db
def test_a_state_not_participating_is_stored_as_non_voting(corpus_dir):
    path = next((corpus_dir / GOLD).glob("S_RES_0339_*"))
    document = ingest_file(path.read_bytes(), path.name).document
    assert StateVote.objects.filter(record__document=document, state__name="China", vote="non-voting").exists()


@pytest.mark.django_db
def test_a_vote_from_the_councils_table_is_not_replaced_by_a_texts_closing_line(corpus_dir, tmp_path):
    # The 2002 table: 'Adopted 13-0-2, 4683rd meeting' with every state's vote; the gold text of 1454 prints the
    # meeting only.  Ingesting the text links the table's record and keeps it whole.
    row = next(json.loads(line) for line in (corpus_dir / SC_TABLES / "2002.json").read_text().splitlines()
               if line.strip() and json.loads(line)["symbol"] == "S/RES/1454 (2002)")
    subset = tmp_path / "data_extract" / "2002.json"
    subset.parent.mkdir()
    subset.write_text(json.dumps(row) + "\n", encoding="utf-8")
    import_vote_tables([subset], progress=False)
    path = next((corpus_dir / GOLD).glob("S_RES_1454_*"))
    document = ingest_file(path.read_bytes(), path.name).document
    record = VoteRecord.objects.get(symbol_key="S/RES/1454(2002)")
    assert record.document == document
    assert (record.in_favour, record.against, record.abstaining) == (13, 0, 2)
    assert record.state_votes.count() == len(row["MS_in_favour"]) + len(row["MS_abstaining"])
