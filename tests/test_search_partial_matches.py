"""When fewer documents than a page match every word, the page goes on with documents matching some of them,
below the full matches and said so ("matching some of your words").

Four General Assembly resolutions of the corpus, in the UN's own XML. Read from their texts: A/RES/75/99 and
A/RES/76/82 (the occupied Syrian Golan) say "Golan" (10 and 8 times), "Israel" and "Middle East", never "Heights"
nor "nuclear"; A/RES/80/24 (nuclear disarmament) says "nuclear" 116 times and "Middle East" twice, never "Golan";
A/RES/80/41 (weapons of mass destruction) says "nuclear" 10 times, never "Middle", "East", "Israel" nor "Golan".
"""
import pytest
from django.urls import reverse

from resolutions.services.ingestion.ingest import ingest_file

pytestmark = pytest.mark.django_db
FILES = {
    "A/RES/75/99": "unxml-ga-resolutions/75session/English/75_99_E.xml",
    "A/RES/76/82": "unxml-ga-resolutions/76session/English/A_RES_76_82-2118635E.xml",
    "A/RES/80/24": "unxml-ga-resolutions/80session/English/A_RES_80_24-2519815E.xml",
    "A/RES/80/41": "unxml-ga-resolutions/80session/English/A_RES_80_41-2519986E.xml",
}
SEARCH = reverse("resolutions:search")


@pytest.fixture
def four_resolutions(corpus_dir):
    for symbol, path in FILES.items():
        outcome = ingest_file((corpus_dir / path).read_bytes(), path.rsplit("/", 1)[1])
        assert outcome.document.symbol == symbol


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response.content.decode(), response.context["result"]


def test_a_query_no_document_matches_whole_lists_the_documents_matching_some_of_its_words(four_resolutions, client):
    page, result = search(client, q="Golan Heights")
    assert result.total == 0
    assert {hit.document.symbol for hit in result.hits} == {"A/RES/75/99", "A/RES/76/82"}
    assert all(hit.partial for hit in result.hits)
    assert "No documents match all of your words; showing 2 documents matching some of your words." in page
    assert "Matching some of your words" in page
    # The snippet marks the word they hold.
    assert any("\ue000Golan\ue001" in snippet.text for hit in result.hits for snippet in hit.snippets)


def test_documents_matching_every_word_come_first_then_those_matching_most_of_them(four_resolutions, client):
    page, result = search(client, q="Middle East nuclear")
    assert result.total == 1
    assert result.hits[0].document.symbol == "A/RES/80/24" and not result.hits[0].partial
    # Two of the three words, then one.
    assert {hit.document.symbol for hit in result.hits[1:3]} == {"A/RES/75/99", "A/RES/76/82"}
    assert result.hits[3].document.symbol == "A/RES/80/41"
    assert len(result.hits) == 4 and all(hit.partial for hit in result.hits[1:])
    assert "Only 1 document matches all of your words; below it, 3 more documents matching some of your words." in page
    assert page.index("A/RES/80/24") < page.index("Matching some of your words") < page.index("A/RES/80/41")


def test_an_excluded_word_stays_excluded_from_the_partial_matches(four_resolutions, client):
    # Both resolutions holding 'Golan' say 'Israel': nothing is left to show.
    page, result = search(client, q="Golan Heights -Israel")
    assert result.total == 0 and result.hits == []
    assert "matching some of your words" not in page


def test_a_query_that_says_or_or_sorts_by_date_is_not_relaxed(four_resolutions, client):
    _, alternatives = search(client, q="Golan OR Heights")
    assert alternatives.total == 2 and not any(hit.partial for hit in alternatives.hits)
    _, by_date = search(client, q="Golan Heights", sort="date")
    assert by_date.total == 0 and by_date.hits == []


def test_the_api_marks_the_partial_matches(four_resolutions, client):
    body = client.get("/api/search/", {"q": "Middle East nuclear"}).json()
    assert [(r["document"]["symbol"], r["partial"]) for r in body["documents"]][0] == ("A/RES/80/24", False)
    assert sorted(r["document"]["symbol"] for r in body["documents"] if r["partial"]) == [
        "A/RES/75/99", "A/RES/76/82", "A/RES/80/41"]
    assert "matching some of your words" in body["notice"]


def test_paragraph_mode_goes_on_with_paragraphs_matching_some_of_the_words(four_resolutions, client):
    page, result = search(client, q="Golan Heights", mode="paragraphs")
    assert result.total == 0 and result.hits
    assert all(hit.partial for hit in result.hits)
    assert {hit.paragraph.document.symbol for hit in result.hits} == {"A/RES/75/99", "A/RES/76/82"}
    assert all("Golan" in hit.paragraph.text for hit in result.hits)
    assert "No paragraphs match all of your words; showing" in page and "Matching some of your words" in page
    # 'Middle East' and 'nuclear' in a paragraph of A/RES/80/24 ("new nuclear-weapon-free zones ... including the
    # establishment of a Middle East zone free of nuclear weapons"); the paragraphs holding only some follow.
    _, mixed = search(client, q="Middle East nuclear", mode="paragraphs")
    full = [hit for hit in mixed.hits if not hit.partial]
    assert full and all(hit.paragraph.document.symbol == "A/RES/80/24" for hit in full)
    assert mixed.hits[:len(full)] == full

