"""Compound words are found however they are written: 'South-East' and 'Southeast', 'non-proliferation' and
'nonproliferation', in document and paragraph mode.

Read from the UN's XML of two resolutions: A/RES/80/24 (nuclear disarmament) writes "South-East Asia" once
("the Treaty on the South-East Asia Nuclear-Weapon-Free Zone", in the paragraph that opens "Encourages States
Parties") and "non-proliferation" 11 times with a hyphen and 6 with the non-breaking hyphen (U+2011), never
"Southeast" nor "nonproliferation"; A/RES/80/41 (terrorists and weapons of mass destruction) writes "Southeast"
once ("the Association of Southeast Asian Nations"), never "South-East", and "non‑proliferation" 3 times, each
with the non-breaking hyphen.
"""
import pytest
from django.urls import reverse

from resolutions.search_config import joined_compounds
from resolutions.services.ingestion.ingest import ingest_file

pytestmark = pytest.mark.django_db
FILES = {
    "A/RES/80/24": "unxml-ga-resolutions/80session/English/A_RES_80_24-2519815E.xml",
    "A/RES/80/41": "unxml-ga-resolutions/80session/English/A_RES_80_41-2519986E.xml",
}
SEARCH = reverse("resolutions:search")


@pytest.fixture
def two_resolutions(corpus_dir):
    for symbol, path in FILES.items():
        assert ingest_file((corpus_dir / path).read_bytes(), path.rsplit("/", 1)[1]).document.symbol == symbol


def symbols(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    result = response.context["result"]
    hits = result.hits
    if result.mode == "documents":
        return {hit.document.symbol for hit in hits if not hit.partial}
    return {(hit.paragraph.document.symbol, hit.paragraph.text) for hit in hits}


@pytest.mark.parametrize("typed", ["southeast", "Southeast", "South-East", "south-east"])
def test_either_spelling_finds_both_resolutions(two_resolutions, client, typed):
    assert symbols(client, q=typed) == {"A/RES/80/24", "A/RES/80/41"}


def test_the_joined_spelling_finds_the_hyphenated_one_whichever_hyphen_it_prints(two_resolutions, client):
    assert symbols(client, q="nonproliferation") == {"A/RES/80/24", "A/RES/80/41"}
    assert symbols(client, q="non-proliferation") == {"A/RES/80/24", "A/RES/80/41"}


def test_a_phrase_with_the_other_spelling_matches_as_a_phrase_in_paragraph_mode(two_resolutions, client):
    found = symbols(client, q='"southeast asia nuclear-weapon-free zone"', mode="paragraphs")
    assert {symbol for symbol, _ in found} == {"A/RES/80/24"}
    assert [text for _, text in found if "Treaty on the South-East Asia Nuclear-Weapon-Free Zone" in text]
    # The parts of a compound alone still match it.
    assert "A/RES/80/24" in symbols(client, q="proliferation")


def test_a_hyphenated_word_typed_is_marked_where_printed(two_resolutions, client):
    response = client.get(SEARCH, {"q": "South-East"})
    hit = next(h for h in response.context["result"].hits if h.document.symbol == "A/RES/80/24")
    assert any("\ue000South-East\ue001" in s.text or "\ue000South\ue001-\ue000East\ue001" in s.text
               for s in hit.snippets)


def test_queries_write_compounds_joined_but_leave_exclusions_numbers_and_long_chains():
    assert joined_compounds("South-East Asia") == "SouthEast Asia"
    assert joined_compounds("nuclear-weapon-free -non-proliferation") == "nuclearweaponfree -nonproliferation"
    assert joined_compounds("COVID-19 2020-2021 a-b-c-d") == "COVID-19 2020-2021 a-b-c-d"


def test_a_compound_printed_with_the_non_breaking_hyphen_is_found_in_either_spelling(corpus_dir, client):
    # The UN's XML of A/RES/78/158 (sand and dust storms) prints "non‑governmental" once, with U+2011, and never
    # with an ASCII hyphen or joined.
    path = "unxml-ga-resolutions/78session/English/A_RES_78_158-2325894E.xml"
    assert "non\u2011governmental" in (corpus_dir / path).read_text(encoding="utf-8")
    assert ingest_file((corpus_dir / path).read_bytes(), path.rsplit("/", 1)[1]).document.symbol == "A/RES/78/158"
    for typed in ("nongovernmental", "non-governmental", "non\u2011governmental"):
        assert symbols(client, q=typed) == {"A/RES/78/158"}, typed
