"""'Showing results for': a query with a few weak matches (or none) shows the results of a correction from the
archive's own words when it has many more, and offers the query as typed; a word the archive holds is never
'corrected'. Counts are read off the source files."""
import re

import pytest
from django.urls import reverse

from tests.citation_archive import citation_archive  # noqa: F401  (module-scoped fixture)

SEARCH = reverse("resolutions:search")


@pytest.fixture
def archive(citation_archive, db):  # noqa: F811
    return citation_archive


def get(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response, response.context["result"]


def documents_printing(archive, pattern) -> set:
    wanted = re.compile(pattern, re.IGNORECASE)
    return {item.document for item in archive.values() if wanted.search(item.text)}


def test_a_misspelling_with_few_weak_matches_shows_the_corrections_results_first(archive, client):
    trafficking = documents_printing(archive, r"\btraffick")
    assert len(trafficking) >= 5
    response, result = get(client, q="trafficing")
    assert result.corrected_from == "trafficing" and result.query.text == "trafficking"
    assert {hit.document for hit in result.hits} == trafficking
    html = response.content.decode()
    assert "Showing results for <strong>trafficking</strong>; search instead for" in html
    assert "q=trafficing&amp;verbatim=1" in html


def test_search_instead_for_the_typed_word_searches_it_as_typed(archive, client):
    _, typed = get(client, q="trafficing", verbatim="1")
    assert typed.corrected_from is None and typed.query.text == "trafficing"
    # 'trafficing' is read as the stem 'traffic': only the few documents printing 'traffic' match, weakly.
    assert typed.total < 10 and {hit.document for hit in typed.hits} <= documents_printing(archive, r"\btraffic\b")
    assert typed.suggestions == ["trafficking"]


def test_a_word_the_archive_holds_is_never_corrected(archive, client):
    assert documents_printing(archive, r"\bslavery\b")
    _, result = get(client, q="slavery")
    assert result.corrected_from is None and result.query.text == "slavery" and result.total > 0


def test_a_correction_keeps_the_other_words_and_the_filters(archive, client):
    _, result = get(client, q='"in persons" trafficing', date_from="2008-01-01")
    assert result.corrected_from == '"in persons" trafficing'
    assert result.query.text == '"in persons" trafficking'
    assert result.hits and all(hit.document.date and hit.document.date.year >= 2008 for hit in result.hits)


def test_the_api_says_which_query_it_answered(archive, client):
    data = client.get("/api/search/", {"q": "trafficing"}).json()
    assert data["query"] == "trafficking" and data["corrected_from"] == "trafficing"
    data = client.get("/api/search/", {"q": "trafficing", "verbatim": "1"}).json()
    assert data["query"] == "trafficing" and data["corrected_from"] is None
