"""Sponsor lists split and mapped to today's official UN short names, on the seeds and on the UN's own metadata.

Expected names were read from the seeds' sponsor lines; the corpus tests use the UN's
voting lists and sponsor fields (data_extract JSON) and the Digital Library's MARCXML.
"""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.parser.sponsors import split_sponsors
from resolutions.un.member_states import STATES_FILE, lookup_state
from tests.conftest import seed_path


def sponsor_line(prefix: str) -> str:
    """The printed list before ': draft resolution' / ': revised draft resolution' / ': resolution adopted'."""
    text = seed_path(prefix).read_text(encoding="utf-8")
    match = re.search(r"^(?:#+\s*\*\*)?([^\n:]+):\s*(?:revised )?(?:draft )?resolution", text, re.MULTILINE)
    assert match, prefix
    return match.group(1)


def test_seed_002_twenty_one_sponsors_iran_and_libya():
    sponsors = split_sponsors(sponsor_line("002"))
    assert len(sponsors) == 21
    assert [s.name for s in sponsors][:3] == ["Angola", "Belarus", "Benin"]
    assert [s.name for s in sponsors][-2:] == ["Uzbekistan", "Viet Nam"]  # split on the final 'and'
    states = {s.name: s.state for s in sponsors}
    assert states["Iran"] == "Iran (Islamic Republic of)"
    assert states["Libya"] == "Libya"
    assert all(s.state for s in sponsors)


def test_seed_003_russia_is_the_russian_federation():
    sponsors = split_sponsors(sponsor_line("003"))
    assert [s.name for s in sponsors] == ["Belarus", "China", "Ecuador", "Japan", "Kazakhstan", "Mexico",
                                          "Philippines", "Russia"]
    assert sponsors[-1].state == "Russian Federation"


def test_seed_004_thirty_four_sponsors_with_names_that_hold_commas_and_and():
    sponsors = split_sponsors(sponsor_line("004"))
    assert len(sponsors) == 34
    states = {s.name: s.state for s in sponsors}
    assert states["Bolivia (Plurinational State of)"] == "Bolivia (Plurinational State of)"
    assert states["Bosnia and Herzegovina"] == "Bosnia and Herzegovina"
    assert states["the former Yugoslav Republic of Macedonia"] == "North Macedonia"
    assert states["Turkey"] == "Türkiye"
    assert states["Côte d'Ivoire"] == "Côte d'Ivoire"
    assert states["Lao People's Democratic Republic"] == "Lao People's Democratic Republic"
    assert sponsors[-1].name == "Venezuela (Bolivarian Republic of)"
    assert sponsors[-2].name == "Vanuatu"


def test_seed_000_markdown_sponsor_line():
    assert [(s.name, s.state) for s in split_sponsors(sponsor_line("000"))] == [
        ("Belarus", "Belarus"), ("Russian Federation", "Russian Federation"), ("Uzbekistan", "Uzbekistan")]


@pytest.mark.parametrize("text, names", [
    ("Antigua and Barbuda, Trinidad and Tobago and Saint Vincent and the Grenadines",
     ["Antigua and Barbuda", "Trinidad and Tobago", "Saint Vincent and the Grenadines"]),
    ("Sao Tome and Principe, Saint Kitts and Nevis and Serbia and Montenegro",
     ["Sao Tome and Principe", "Saint Kitts and Nevis", "Serbia and Montenegro"]),
    ("Ireland, United Kingdom of Great Britain and Northern Ireland and United States of America",
     ["Ireland", "United Kingdom of Great Britain and Northern Ireland", "United States of America"]),
    ("Heard Island and McDonald Islands and Australia", ["Heard Island and McDonald Islands", "Australia"]),
    # From the UN's metadata (GA 80): a group named in parentheses is not split on its 'and'.
    ("Maldives, Nigeria (on behalf of the States Members of the United Nations that are members of the Group of "
     "African States) and Thailand",
     ["Maldives", "Nigeria (on behalf of the States Members of the United Nations that are members of the Group "
      "of African States)", "Thailand"]),
])
def test_names_with_and_stay_whole(text, names):
    assert [s.name for s in split_sponsors(text)] == names


@pytest.mark.parametrize("printed, state", [
    ("Iran", "Iran (Islamic Republic of)"), ("Russia", "Russian Federation"), ("Libyan Arab Jamahiriya", "Libya"),
    ("Turkey", "Türkiye"), ("TURKIYE", "Türkiye"), ("the former Yugoslav Republic of Macedonia", "North Macedonia"),
    ("Swaziland", "Eswatini"), ("Czech Republic", "Czechia"), ("Cape Verde", "Cabo Verde"),
    ("Netherlands", "Netherlands (Kingdom of the)"), ("Bolivia", "Bolivia (Plurinational State of)"),
    ("Venezuela", "Venezuela (Bolivarian Republic of)"), ("Syria", "Syrian Arab Republic"),
    ("Laos", "Lao People's Democratic Republic"), ("Vietnam", "Viet Nam"),
    ("United Kingdom", "United Kingdom of Great Britain and Northern Ireland"),
    ("United States", "United States of America"), ("Ivory Coast", "Côte d'Ivoire"),
    ("Côte d’Ivoire", "Côte d'Ivoire"), ("COTE D'IVOIRE", "Côte d'Ivoire"), ("The Gambia", "Gambia"),
    ("Zaire", "Democratic Republic of the Congo"), ("Holy See", "Holy See"), ("Palestine", "State of Palestine"),
    ("Yugoslavia", "Yugoslavia"), ("USSR", "Union of Soviet Socialist Republics"),
    ("United Arab Emirates (in its capacity as Chair of the Committee on the Peaceful Uses of Outer Space)",
     "United Arab Emirates"),
    ("CÃ´te d'Ivoire", "Côte d'Ivoire"),  # UTF-8 read as Latin-1 in the Digital Library's MARCXML
    ("Submitted by the Chair of the Committee", None), ("Niger", "Niger"), ("Nigeria", "Nigeria"),
    ("Guinea", "Guinea"), ("Dominica", "Dominica"), ("Sudan", "Sudan"), ("Europe", None),
])
def test_lookup_state(printed, state):
    assert lookup_state(printed) == state


def test_the_table_has_193_members_two_observers_and_historical_states():
    states = json.loads(STATES_FILE.read_text(encoding="utf-8"))["states"]
    kinds = [s["kind"] for s in states]
    assert kinds.count("member") == 193
    assert {s["name"] for s in states if s["kind"] == "observer"} == {"Holy See", "State of Palestine"}
    historical = {s["name"] for s in states if s["kind"] == "historical"}
    assert {"Yugoslavia", "Serbia and Montenegro", "Union of Soviet Socialist Republics", "Czechoslovakia",
            "German Democratic Republic", "Zaire"} <= historical
    codes = [s["iso3"] for s in states if s["iso3"]]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)


def _extract_rows(corpus_dir):
    for path in sorted(corpus_dir.glob("unxml-*-resolutions/data_extract/*.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield path.name, json.loads(line)


# The extract itself cuts one name in two in one row ("CÔTE." and "D'IVOIRE"): no table can name those halves.
CUT_IN_THE_SOURCE = {"CÔTE.", "D'IVOIRE"}


def test_every_voting_name_in_the_uns_metadata_is_a_state(corpus_dir):
    names = set()
    for _, row in _extract_rows(corpus_dir):
        for field in ("MS_in_favour", "MS_against", "MS_abstaining"):
            names.update(row.get(field) or [])
    assert len(names) > 180
    unknown = sorted(name for name in names if lookup_state(name) is None)
    assert set(unknown) <= CUT_IN_THE_SOURCE, unknown
    # Sessions 74-80 had every one of today's 193 members voting, and no one else.
    members = {s["name"] for s in json.loads(STATES_FILE.read_text(encoding="utf-8"))["states"]
               if s["kind"] == "member"}
    assert {lookup_state(name) for name in names} - {None} == members


GARBLED_IN_THE_EXTRACT = {
    "LAO PEOPLE'S DEMOCRATIC", "PRINCIPE", "SOLOMON", "ISLANDS", "NORTHERN IRELAND", "THE OF KOREA",  # cut names
    "COMOROS CONGO", "ANGOLA BAHAMAS", "UNITED KINGDOMAND URUGUAY", "BARBADOS. DOMINICAN REPUBLIC",  # run together
    "LIBERIA. SUBSEQUENTLY", "THE AMENDMENT WAS REJECTED BY THE ASSEMBLY", "ANNEX: STAFFING TABLE FOR 2025: P. 11-12",
    "BY THE SECRETARY-GENERAL", "COMMITTEE ON THE ADMISSION OF NEW MEMBERS",  # not sponsors at all
}


def test_sponsor_fields_of_the_uns_metadata(corpus_dir):
    """Every sponsor entry that names states splits into known states (entries like 'SUBMITTED BY THE CHAIR' name none)."""
    entries = 0
    unknown = []
    for name, row in _extract_rows(corpus_dir):
        for field in ("sponsors", "additional_sponsors"):
            for entry in row.get(field) or []:
                if re.search(r"SUBMITTED|INTRODUCED|REPRESENTATIVE|ON THE BASIS|REPORT OF|CONSULTATIONS",
                             entry, re.IGNORECASE):
                    continue
                entries += 1
                unknown += [(name, s.name) for s in split_sponsors(entry) if s.state is None]
    assert entries > 1000
    # What is left is text the extract itself cut or ran together (read in the JSON files).
    assert {name for _, name in unknown} <= GARBLED_IN_THE_EXTRACT, unknown


def test_marcxml_sponsors_of_third_committee_drafts(corpus_dir):
    from lxml import etree

    path = corpus_dir / "un-bench-eda-ga78/data/raw/xml/session_78_committee_3_drafts.xml"
    ns = {"m": "http://www.loc.gov/MARC21/slim"}
    records = etree.parse(str(path)).getroot().findall(".//m:record", ns)
    assert len(records) == 94
    lists = []
    for record in records:
        for field in record.findall("m:datafield", ns):
            tag, texts = field.get("tag"), [sf.text or "" for sf in field.findall("m:subfield", ns)]
            if tag == "245":
                codes = [sf.get("code") for sf in field.findall("m:subfield", ns)]
                if "c" in codes:
                    lists.append(texts[codes.index("c")])
            elif tag == "515" and texts and texts[0].startswith("Additional sponsors:"):
                # 'Additional sponsors: Burundi, ... and Zimbabwe. - The amendment was rejected ... (A/78/481/Add.2).'
                lists.append(re.split(r"\s\(A/|\.\s-\s", texts[0][len("Additional sponsors:"):])[0])
    assert len(lists) > 120
    # 'submitted by the Chair ...', 'by the Secretariat': no states sponsor these drafts.
    lists = [text for text in lists if not re.match(r"\s*(?:submitted )?by\b", text, re.IGNORECASE)]
    sponsors = [s for text in lists for s in split_sponsors(text.strip().rstrip("."))]
    assert len(sponsors) > 3000
    unknown = [s.name for s in sponsors if s.state is None]
    assert unknown == []
    # Read in the records: A/C.3/78/L.49/Rev.1 is sponsored by the 'Netherlands (Kingdom of the)' and
    # 'North Macedonia'; the additional sponsors of L.47 include 'United Kingdom' (short form) and 'Congo'.
    states = {s.state for s in sponsors}
    assert {"Netherlands (Kingdom of the)", "North Macedonia", "United Kingdom of Great Britain and Northern Ireland",
            "Congo", "Côte d'Ivoire", "State of Palestine"} <= states


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Bosnia and Herzegovina, ()[]Niger on behalf of ’'ÃÂ ")), max_size=200))
def test_any_text_splits_without_error(text):
    for sponsor in split_sponsors(text):
        assert sponsor.name
        assert sponsor.state is None or isinstance(sponsor.state, str)


# The sponsor lists of two resolutions as their AKN files print them (meta/workflow, the draft's step then the
# additional sponsors' step), each name with the state it names, read by hand: only the names printed otherwise
# than the table's official short name differ.
S_RES_2744 = ["Albania", "Andorra", "Australia", "Austria", "Bahrain", "Belgium", "Bulgaria", "Canada", "Costa Rica",
              "Croatia", "Cyprus", "Czechia", "Denmark", "Dominican Republic", "Ecuador", "Estonia", "Finland",
              "France", "Germany", "Greece", "Guyana", "Haiti", "Hungary", "Ireland", "Italy", "Japan", "Latvia",
              "Liechtenstein", "Lithuania", "Luxembourg", "Malta", "Micronesia (Federated States of)", "Monaco",
              "Montenegro", ("Kingdom of the Netherlands", "Netherlands (Kingdom of the)"), "New Zealand",
              "North Macedonia", "Norway", "Poland", "Portugal", "Republic of Korea", "Republic of Moldova", "Romania",
              "San Marino", "Sierra Leone", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland", "Ukraine",
              "United Kingdom of Great Britain and Northern Ireland", "United States of America"]
A_RES_78_196 = ["Antigua and Barbuda", "Belarus", "Central African Republic", "China", "Cuba",
                ("Democratic People’s Republic of Korea", "Democratic People's Republic of Korea"),
                "Equatorial Guinea",
                ("Lao People’s Democratic Republic", "Lao People's Democratic Republic"), "Namibia",
                "Russian Federation", "Syrian Arab Republic", "Venezuela (Bolivarian Republic of)", "Viet Nam",
                # the additional sponsors
                "Algeria", "Bahamas", "Bolivia (Plurinational State of)", "Burkina Faso", "Burundi", "Cameroon",
                "Comoros", "Congo", "Djibouti", "Dominican Republic", "Egypt", "El Salvador", "Eritrea", "Gambia",
                "Guinea", "India", "Iran (Islamic Republic of)", "Jamaica", "Malaysia", "Mali", "Myanmar",
                "Nicaragua", "Nigeria", "Pakistan", "Saint Vincent and the Grenadines", "South Africa", "Sri Lanka",
                ("the Niger", "Niger"), "Uganda", "Zimbabwe"]


def _printed_and_state(expected):
    return [item if isinstance(item, tuple) else (item, item) for item in expected]


@pytest.mark.django_db
@pytest.mark.parametrize("pattern, expected", [
    ("unxml-sc-resolutions/2024/English/S_RES_2744-*.xml", S_RES_2744),
    ("unxml-ga-resolutions/78session/English/A_RES_78_196-*.xml", A_RES_78_196),
])
def test_sponsors_of_real_resolutions_name_the_states_their_lists_print_at_parse_ingestion_and_vote_matching(
        corpus_dir, pattern, expected):
    """The parse, the stored sponsorships and the vote lists' matcher read each printed name as the same state: one
    reading of state names (resolutions.un.state_names) for all three."""
    from resolutions.parser import parse
    from resolutions.services.ingestion.ingest import ingest_file
    from resolutions.services.member_states import state_index
    from resolutions.un.state_names import match_names

    (path,) = corpus_dir.glob(pattern)
    pairs = _printed_and_state(expected)
    parsed = parse(path.read_bytes(), path.name)
    assert [(s.name, s.state) for s in parsed.sponsors] == pairs
    document = ingest_file(path.read_bytes(), path.name).document
    stored = document.sponsorships.order_by("order").select_related("state")
    assert [(s.name_as_printed, s.state.name) for s in stored] == pairs
    matched = match_names([printed for printed, _ in pairs], state_index())
    assert [(name, state.name, note) for name, state, note in matched] == [(p, s, "") for p, s in pairs]


@pytest.mark.django_db
def test_every_sponsor_the_corpus_names_is_read_as_the_same_state_by_the_sponsor_and_the_vote_readers(corpus_dir):
    """Every sponsor of every parsed resolution of the corpus and the seeds: the state the parse names (the JSON
    table) is the MemberState the vote import and ingestion find for the printed name (the database), and a name the
    parse cannot place is placed by neither."""
    from resolutions.measure.corpus import corpus_documents
    from resolutions.parser import parse
    from resolutions.services.member_states import state_index
    from resolutions.un.state_names import match_name

    index = state_index()
    names = {}
    for document in corpus_documents(corpus_dir, seed_path("000").parent, sources=["seeds", "akn-xml"]):
        for sponsor in parse(document.read(), document.filename).sponsors:
            names[sponsor.name] = sponsor.state
    assert len(names) > 200   # some 245 distinct names, nearly all of them states
    assert sum(state is not None for state in names.values()) > 200
    for name, state in names.items():
        found, _ = match_name(name, index)
        assert (found.name if found else None) == state, name
