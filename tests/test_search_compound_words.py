"""Compound words are found however they are written: 'South-East' and 'Southeast', 'non-proliferation' and
'nonproliferation', in document and paragraph mode.

Read from the UN's XML of two resolutions: A/RES/80/24 (nuclear disarmament) writes "South-East Asia" once
("the Treaty on the South-East Asia Nuclear-Weapon-Free Zone", in the paragraph that opens "Encourages States
Parties") and "non-proliferation" 9 times, never "Southeast" nor "nonproliferation"; A/RES/80/41 (terrorists and
weapons of mass destruction) writes "Southeast" once ("the Association of Southeast Asian Nations") and never
"South-East".
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


def test_the_joined_spelling_finds_the_hyphenated_one(two_resolutions, client):
    assert symbols(client, q="nonproliferation") == {"A/RES/80/24"}
    assert symbols(client, q="non-proliferation") == {"A/RES/80/24"}


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
