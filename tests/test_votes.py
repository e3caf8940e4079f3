"""How each state voted: the UN's metadata tables imported, shown on the document page, a state's voting record,
two states compared, and the API.  Expected figures are read from the tables themselves in each test."""
import json
from collections import Counter

import pytest
from django.core.management import call_command

from resolutions.models import MemberState
from resolutions.services.ingestion.ingest import ingest_file
from votes.models import StateVote, VoteRecord
from votes.services import import_vote_tables

GA = "unxml-ga-resolutions/data_extract"
SC = "unxml-sc-resolutions/data_extract"

pytestmark = pytest.mark.django_db


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _subset(corpus_dir, tmp_path, table: str, symbols: set[str]):
    """The table's own lines for these symbols, in a file of their own (so a test imports a few rows)."""
    source = corpus_dir / table
    lines = [line for line in source.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["symbol"] in symbols]
    target = tmp_path / source.parent.name / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_every_state_name_of_an_assembly_session_table_is_mapped_to_a_state(corpus_dir):
    table = corpus_dir / GA / "79.json"
    summary = import_vote_tables([table], progress=False)
    rows = _rows(table)
    assert summary.rows == len(rows)
    assert not summary.unmatched, summary.unmatched
    assert summary.matched == summary.state_votes
    # The table misspells Türkiye once as 'TÜRKÝYE': matched, and the match says how.
    notes = {name: note for (name, note) in summary.matched_with_note}
    assert "TÜRKÝYE" in notes and "misspelt" in notes["TÜRKÝYE"]
    assert StateVote.objects.filter(name_as_printed="TÜRKÝYE", state__name="Türkiye").exists()
    # Each recorded vote keeps the table's counts and one row per state the table lists.
    for row in rows:
        if row["adoption_type"] != "By a recorded vote":
            continue
        record = VoteRecord.objects.get(symbol=row["symbol"])
        assert (record.in_favour, record.against, record.abstaining) == (
            int(row["MS_in_favour_count"]), int(row["MS_against_count"]), int(row["MS_abstaining_count"]))
        listed = Counter(v for v in record.state_votes.values_list("vote", flat=True) if v != "non-voting")
        assert listed == Counter({"yes": len(row["MS_in_favour"]), "no": len(row["MS_against"]),
                                  "abstain": len(row["MS_abstaining"])}) - Counter(), row["symbol"]


def test_a_state_name_printed_as_two_entries_is_one_vote_of_that_state(corpus_dir, tmp_path):
    rows = [r for r in _rows(corpus_dir / SC / "2018.json") if "CÔTE." in r.get("MS_in_favour", [])]
    assert rows, "the 2018 Council table prints Côte d'Ivoire as 'CÔTE.' and 'D'IVOIRE' in one row"
    table = _subset(corpus_dir, tmp_path, f"{SC}/2018.json", {rows[0]["symbol"]})
    summary = import_vote_tables([table], progress=False)
    assert not summary.unmatched
    record = VoteRecord.objects.get(symbol=rows[0]["symbol"])
    ivory = record.state_votes.get(state__name="Côte d'Ivoire")
    assert ivory.vote == "yes" and ivory.match_note == "one name printed as two entries"
    assert record.state_votes.filter(vote="yes").count() == len(rows[0]["MS_in_favour"]) - 1


def test_importing_a_table_twice_gives_the_same_rows(corpus_dir, tmp_path):
    table = _subset(corpus_dir, tmp_path, f"{GA}/80.json", {"A/RES/80/1", "A/RES/80/3", "A/RES/80/39"})
    call_command("import_votes", str(table), "--no-progress")
    first = sorted(StateVote.objects.values_list("record__symbol", "name_as_printed", "vote"))
    call_command("import_votes", str(table), "--no-progress")
    assert sorted(StateVote.objects.values_list("record__symbol", "name_as_printed", "vote")) == first
    assert VoteRecord.objects.count() == 3
    without = VoteRecord.objects.get(symbol="A/RES/80/3")
    assert without.adoption_type == "without a vote" and without.in_favour is None


def test_a_recorded_vote_is_shown_on_its_resolutions_page_and_in_the_api(client, corpus_dir, tmp_path):
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md"
    document = ingest_file(path.read_bytes(), path.name).document
    assert document.symbol == "A/RES/80/39"
    row = next(r for r in _rows(corpus_dir / GA / "80.json") if r["symbol"] == "A/RES/80/39")
    import_vote_tables([_subset(corpus_dir, tmp_path, f"{GA}/80.json", {"A/RES/80/39"})], progress=False)
    page = client.get(document.get_absolute_url()).content.decode()
    assert f"Against: {row['MS_against_count']}" in page
    assert f"In favour: {row['MS_in_favour_count']}" in page
    assert "Recorded vote" in page and row["adoption_meeting"] in page
    against = page.split("Against (", 1)[1].split("</p>", 1)[0]
    assert "Albania" in against and "Canada" in against
    data = client.get(f"/api/documents/{document.pk}/").json()
    votes = data["votes"]
    assert votes["adoption_type"] == "recorded vote"
    assert votes["against"] == int(row["MS_against_count"])
    assert {s["state"] for s in votes["states"] if s["vote"] == "no"} >= {"Albania", "Canada"}


def test_a_vote_imported_before_its_resolution_is_attached_when_the_resolution_arrives(client, corpus_dir, tmp_path):
    import_vote_tables([_subset(corpus_dir, tmp_path, f"{GA}/80.json", {"A/RES/80/39"})], progress=False)
    assert VoteRecord.objects.get(symbol="A/RES/80/39").document is None
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md"
    document = ingest_file(path.read_bytes(), path.name).document
    assert VoteRecord.objects.get(symbol="A/RES/80/39").document == document


def test_a_states_voting_record_counts_its_votes_and_its_share_with_the_majority(client, corpus_dir, tmp_path):
    rows = [r for r in _rows(corpus_dir / GA / "80.json") if r["adoption_type"] == "By a recorded vote"][:25]
    import_vote_tables([_subset(corpus_dir, tmp_path, f"{GA}/80.json", {r["symbol"] for r in rows})], progress=False)
    state = MemberState.objects.get(name="United States of America")
    expected = Counter()
    with_majority = cast = 0
    for r in rows:
        counts = {"yes": int(r["MS_in_favour_count"]), "no": int(r["MS_against_count"]),
                  "abstain": int(r["MS_abstaining_count"])}
        vote = ("yes" if "UNITED STATES" in r["MS_in_favour"] else "no" if "UNITED STATES" in r["MS_against"]
                else "abstain" if "UNITED STATES" in r["MS_abstaining"] else "non-voting")
        expected[vote] += 1
        if vote != "non-voting":
            cast += 1
            with_majority += vote == max(counts, key=counts.get)
    page = client.get(f"/browse/states/{state.slug}/votes/").content.decode()
    assert (f"in favour {expected['yes']}, against {expected['no']}, abstaining {expected['abstain']}" in page)
    assert f"{round(100 * with_majority / cast)}% of its recorded votes" in page


def test_two_states_votes_compared_give_the_share_they_cast_alike(client, corpus_dir, tmp_path):
    rows = [r for r in _rows(corpus_dir / GA / "80.json") if r["adoption_type"] == "By a recorded vote"][:40]
    import_vote_tables([_subset(corpus_dir, tmp_path, f"{GA}/80.json", {r["symbol"] for r in rows})], progress=False)

    def vote(r, name):
        return next((v for key, v in (("MS_in_favour", "yes"), ("MS_against", "no"), ("MS_abstaining", "abstain"))
                     if name in r[key]), None)
    both = [(vote(r, "FRANCE"), vote(r, "RUSSIAN FEDERATION")) for r in rows]
    both = [pair for pair in both if None not in pair]
    alike = sum(a == b for a, b in both)
    france, russia = MemberState.objects.get(name="France"), MemberState.objects.get(name="Russian Federation")
    response = client.get("/votes/compare/", {"a": france.slug, "b": russia.slug})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"on {len(both)} recorded vote" in page
    assert f"voted alike on {round(100 * alike / len(both))}% of them" in page


def test_the_state_comparison_refuses_unknown_states_and_bad_years_with_a_form_error(client):
    response = client.get("/votes/compare/", {"a": "atlantis", "b": "france", "year_from": "²"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_search_filters_resolutions_by_a_states_vote_and_by_adoption_in_the_page_and_the_api(client, corpus_dir,
                                                                                           tmp_path):
    paths = [corpus_dir / f"railcar-ga80-text/documents/ga-res-80/A_RES_80_{n}.md" for n in (1, 3, 39)]
    documents = {ingest_file(p.read_bytes(), p.name).document.symbol: p for p in paths}
    assert set(documents) == {"A/RES/80/1", "A/RES/80/3", "A/RES/80/39"}
    rows = {r["symbol"]: r for r in _rows(corpus_dir / GA / "80.json") if r["symbol"] in documents}
    import_vote_tables([_subset(corpus_dir, tmp_path, f"{GA}/80.json", set(rows))], progress=False)
    # From the table: which of the three the United States voted against, which were adopted without a vote.
    against = {s for s, r in rows.items() if "UNITED STATES" in r["MS_against"]}
    without = {s for s, r in rows.items() if r["adoption_type"] == "Without a vote"}
    assert against and without
    state = MemberState.objects.get(name="United States of America")
    api = client.get("/api/search/", {"vote": f"{state.slug}:no"}).json()
    assert {hit["document"]["symbol"] if "document" in hit else hit["symbol"] for hit in api["documents"]} == against
    page = client.get("/search/", {"vote": f"{state.slug}:no"}).content.decode()
    assert all(f'href="/{symbol}/"' in page for symbol in against)
    assert not any(f'href="/{symbol}/"' in page for symbol in set(documents) - against)
    api = client.get("/api/search/", {"adoption": "without a vote"}).json()
    assert {hit["document"]["symbol"] if "document" in hit else hit["symbol"] for hit in api["documents"]} == without
    facet = next(f for f in api["facets"] if f["name"] == "adoption")
    assert {v["value"]: v["count"] for v in facet["values"]} == {"without a vote": len(without)}
    bad = client.get("/search/", {"vote": "france"})
    assert bad.status_code == 200 and "vote" in bad.content.decode().lower()


def test_every_state_name_of_every_table_is_matched_by_the_one_reading_of_state_names(corpus_dir):
    """Every list of every Assembly and Council table, read by resolutions.un.state_names (the reader sponsor lists
    use too): every entry is a state, the Council's 'CÔTE.' + "D'IVOIRE" once, joined."""
    from resolutions.un.member_states import states
    from resolutions.un.state_names import SPLIT_NOTE, match_names, name_index

    index = name_index((name, state["name"]) for state in states() for name in [state["name"], *state["aliases"]])
    entries, unmatched, joined = 0, [], []
    for path in sorted([*(corpus_dir / GA).glob("*.json"), *(corpus_dir / SC).glob("*.json")]):
        for row in _rows(path):
            for field in ("MS_in_favour", "MS_against", "MS_abstaining"):
                printed = row.get(field) or []
                entries += len(printed)
                for name, state, note in match_names(printed, index):
                    if state is None:
                        unmatched.append((row["symbol"], name))
                    elif note == SPLIT_NOTE:
                        joined.append((name, state))
    assert entries > 100_000
    assert unmatched == []
    assert joined and set(joined) == {("CÔTE D'IVOIRE", "Côte d'Ivoire")}


def test_the_votes_fields_and_filters_are_in_the_openapi_schema_and_an_answer_matches_them(client, corpus_dir,
                                                                                          tmp_path):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    components = schema["components"]["schemas"]

    def resolve(node):
        node = node.get("allOf", [node])[0] if "allOf" in node else node
        return components[node["$ref"].rsplit("/", 1)[1]] if "$ref" in node else node

    detail = schema["paths"]["/api/documents/{id}/"]["get"]["responses"]["200"]["content"]["application/json"]
    document = resolve(detail["schema"])
    assert {"votes", "draft_symbol"} <= set(document["properties"])
    votes = resolve(document["properties"]["votes"])
    assert set(votes["properties"]) == {"adoption_type", "meeting", "in_favour", "against", "abstaining", "states"}
    state = resolve(votes["properties"]["states"]["items"])
    assert set(state["properties"]) == {"state", "vote"}
    assert set(state["properties"]["vote"].get("enum") or resolve(state["properties"]["vote"])["enum"]) == {
        "yes", "no", "abstain", "non-voting"}
    search = {p["name"] for p in schema["paths"]["/api/search/"]["get"]["parameters"]}
    assert {"vote", "adoption"} <= search
    # a real answer has exactly those keys
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md"
    pk = ingest_file(path.read_bytes(), path.name).document.pk
    import_vote_tables([_subset(corpus_dir, tmp_path, f"{GA}/80.json", {"A/RES/80/39"})], progress=False)
    answer = client.get(f"/api/documents/{pk}/").json()["votes"]
    assert set(answer) == set(votes["properties"])
    assert set(answer["states"][0]) == set(state["properties"])


def test_the_councils_adoption_phrases_are_read_as_printed_misspellings_and_acclamation_included(corpus_dir):
    """Read in the Council's tables: 'Adopted unanimoulsy, 4126th meeting' and 'Adopted unanimouly, 4159th meeting'
    (the UN's misspellings) are unanimous adoptions; 'Adopted by acclamation, ...' is adopted without a vote."""
    from resolutions.un.adoption import adoption_type_of

    phrases = {row.get("adoption_type") or "" for path in (corpus_dir / SC).glob("*.json") for row in _rows(path)}
    assert {"Adopted unanimoulsy, 4126th meeting", "Adopted unanimouly, 4159th meeting"} <= phrases
    assert adoption_type_of("Adopted unanimoulsy, 4126th meeting") == "unanimous"
    assert adoption_type_of("Adopted unanimouly, 4159th meeting") == "unanimous"
    acclaimed = sorted(p for p in phrases if "acclamation" in p)
    assert acclaimed and {adoption_type_of(p) for p in acclaimed} == {"consensus"}
    assert adoption_type_of("Adopted 13-0-2; voting by mail") == "recorded vote"
    assert adoption_type_of("Adopted non-unanimously") != "unanimous"
