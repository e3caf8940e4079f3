"""Symbol prefixes: 'A/RES/80', 'A/RES/80/*', 'S/RES/24*', 'A/C.3/61/L.*' list the documents whose symbols begin so,
in the natural order of their numbers (80/2 before 80/10), with facets.

The expected symbols are read off the ingested files' names, never from the archive's parse.
"""
import re

import pytest
from django.urls import reverse

from tests.citation_archive import CORPUS_FILES, citation_archive  # noqa: F401  (module-scoped fixture)

SEARCH = reverse("resolutions:search")


@pytest.fixture
def archive(citation_archive, db):  # noqa: F811
    return citation_archive


def get(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response, response.context["result"]


def eightieth_session_numbers() -> list[int]:
    """The numbers of the A/RES/80 files ingested, from their file names, in numeric order."""
    return sorted(int(m.group(1)) for name in CORPUS_FILES if (m := re.search(r"A_RES_80_(\d+)\.md$", name)))


@pytest.mark.parametrize("typed", ["A/RES/80", "A/RES/80/*", "a/res/80/*", "A/RES/80/ *"])
def test_a_session_prefix_lists_its_resolutions_in_the_order_of_their_numbers(archive, client, typed):
    response, result = get(client, q=typed)
    expected = [f"A/RES/80/{n}" for n in eightieth_session_numbers()]
    assert [hit.document.symbol for hit in result.hits] == expected
    assert expected.index("A/RES/80/2") < expected.index("A/RES/80/10")      # numbers, not text
    assert result.lookup.kind == "prefix" and result.total == len(expected)
    body = next(f for f in result.facets if f.name == "body")
    assert [(v.label, v.count) for v in body.values] == [("General Assembly", len(expected))]
    assert "with a symbol beginning A/RES/80/" in response.content.decode()


def test_a_prefix_ending_inside_a_number_lists_every_number_that_begins_so(archive, client):
    _, result = get(client, q="S/RES/24*")
    symbols = [hit.document.symbol for hit in result.hits]
    numbers = [int(re.search(r"S/RES/(\d+)", s).group(1)) for s in symbols]
    from_files = sorted(int(m.group(1)) for name in CORPUS_FILES if (m := re.search(r"S_RES_(24\d\d)_", name)))
    assert numbers == from_files and len(numbers) == 4       # never S/RES/1454 (2002), also ingested
    assert all(s.startswith("S/RES/24") for s in symbols)


def test_a_draft_prefix_and_a_draft_symbol_with_only_revisions_list_the_revisions(archive, client):
    for typed in ("A/C.3/61/L.*", "A/C.3/61/L.7", "A/C.3/61/L.7/*"):
        _, result = get(client, q=typed)
        assert [hit.document.symbol for hit in result.hits] == ["A/C.3/61/L.7/Rev.1"], typed


def test_a_prefix_narrows_with_the_filters_and_its_facets_count_them(archive, client):
    _, result = get(client, q="A/RES/80/*", date_from="2025-11-01")
    assert result.total == len(result.hits) > 0
    assert all(hit.document.date.isoformat() >= "2025-11-01" for hit in result.hits)
    numbers = [int(hit.document.symbol.rsplit("/", 1)[1]) for hit in result.hits]
    assert numbers == sorted(numbers)


def test_like_wildcards_in_a_prefix_are_read_as_characters(archive, client):
    for typed in ("A/RES/8_/*", "A/RES/%*", "S/RES/%", "A/RES/80/_", "*", "/*", "A/*"):
        response = client.get(SEARCH, {"q": typed})
        assert response.status_code == 200, typed
        result = response.context["result"]
        assert not (result.lookup and result.lookup.kind == "prefix" and result.total), typed


def test_the_csv_export_of_a_prefix_lists_the_same_documents(archive, client):
    response = client.get("/api/search/export.csv", {"q": "A/RES/80/*"})
    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode().splitlines()[1:]
    assert sorted(row.split(",")[1] for row in rows) == sorted(f"A/RES/80/{n}" for n in eightieth_session_numbers())
