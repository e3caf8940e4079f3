"""Citation-aware search: a query written as people cite a text finds the text itself and whoever cites it.

The expected documents are read off the source files with a regular expression (which files print the number),
never from the archive's own parse.
"""
import re

import pytest
from django.urls import reverse

from resolutions.search import MARK_END, MARK_START
from tests.citation_archive import RAILCAR, citation_archive  # noqa: F401  (module-scoped fixture)

SEARCH = reverse("resolutions:search")
GOLD_1454 = "cr-unsc-gold/data/res_en_gold/S_RES_1454_2002_EN_GOLD.txt"


@pytest.fixture
def archive(citation_archive, db):  # noqa: F811
    return citation_archive


def citing_in_sources(archive, pattern: str) -> set:
    """The documents whose source text prints ``pattern`` (as a whole number: not inside a longer one)."""
    wanted = re.compile(rf"(?<![\d/]){pattern}(?![\d/])")
    return {item.document for item in archive.values() if wanted.search(item.text)}


def get(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200, response.status_code
    return response, response.context["result"]


def test_a_resolution_not_in_the_archive_lists_the_three_documents_that_cite_it(archive, client):
    expected = citing_in_sources(archive, r"61/180")
    assert len(expected) == 3        # seeds 000 and 001 (one document in two formats), 003 and 004
    response, result = get(client, q="A/RES/61/180")
    assert {hit.document for hit in result.hits} == expected and result.total == 3
    assert result.lookup.kind == "citation" and result.lookup.document is None
    html = response.content.decode()
    assert "No document with the symbol A/RES/61/180 is in the archive; below are the documents that cite it" in html
    assert "3 documents cite A/RES/61/180" in html
    for hit in result.hits:   # the citing paragraph (or footnote) is the snippet, the citation marked in it
        assert hit.snippets and any(f"{MARK_START}" in s.text and "61/180" in s.text for s in hit.snippets)
        marked = hit.snippets[0].text
        assert "61/180" in marked[marked.index(MARK_START):marked.index(MARK_END)]


@pytest.mark.parametrize("forms, number", [
    (["A/RES/61/180", "a/res/61/180", "61/180", "resolution 61/180", "General Assembly resolution 61/180"], "61/180"),
    (["E/RES/2006/27", "2006/27", "Economic and Social Council resolution 2006/27", "resolution 2006/27"], "2006/27"),
    (["E/RES/2008/33", "2008/33", "Economic and Social Council resolution 2008/33"], "2008/33"),
    (["A/RES/55/25", "55/25", "resolution 55/25"], "55/25"),
])
def test_a_resolutions_symbol_and_its_short_forms_find_the_same_citing_documents(archive, client, forms, number):
    expected = citing_in_sources(archive, re.escape(number))
    assert expected
    for typed in forms:
        _, result = get(client, q=typed)
        assert {hit.document for hit in result.hits} == expected, typed


def test_a_security_council_resolution_is_found_by_its_symbol_its_number_and_year_or_its_number_alone(archive, client):
    resolution = archive[GOLD_1454].document
    assert resolution.symbol == "S/RES/1454 (2002)"
    for typed in ("S/RES/1454 (2002)", "s/res/1454(2002)", "1454 (2002)", "resolution 1454 (2002)",
                  "resolution 1454", "Security Council resolution 1454", "S/RES/1454"):
        response, result = get(client, q=typed)
        assert result.lookup.document == resolution, typed
        html = response.content.decode()
        # The document itself first, above the list of those citing it.
        assert html.index('class="cited-document"') < html.index(resolution.get_absolute_url()) < html.index(
            '<ol class="hits"'), typed
    # No other file prints its number: nothing cites it, and the page says so without calling it 'nothing found'.
    assert citing_in_sources(archive, r"1454 \(2002\)") == {resolution}
    # The document itself is the one match: counted, and the page says nothing cites it.
    assert result.total == 1 and result.citing_total == 0 and not result.hits
    assert "1 document: S/RES/1454 (2002) itself and 0 citing it" in html and "Nothing matches" not in html


def test_an_exact_symbol_typed_in_lower_case_counts_its_document_among_the_matches(archive, client):
    # The benchmark's 'a/res/77/10' reported 0 hits for a document the archive holds (issue of the fixes helper).
    path = RAILCAR.format(19)
    printed = re.search(r"^symbol: (.+)$", archive[path].text, re.MULTILINE).group(1)
    assert printed == "A/RES/80/19"              # the file's front matter
    resolution = archive[path].document
    citing = citing_in_sources(archive, r"80/19") - {resolution}
    response, result = get(client, q=printed.lower())
    assert result.lookup.document == resolution
    assert result.total == 1 + len(citing) and {hit.document for hit in result.hits} == citing
    assert f"{1 + len(citing)} document" in response.content.decode()
    assert client.get("/api/search/", {"q": printed.lower()}).json()["total"] == 1 + len(citing)
    # Filtered out (a General Assembly resolution, the Council's documents asked for), it is no match.
    _, result = get(client, q=printed.lower(), body="Security Council")
    assert result.lookup.document == resolution and result.total == sum(d.body == "Security Council" for d in citing)


def test_citations_of_a_council_resolution_outside_the_archive_are_found_by_every_form(archive, client):
    wanted = re.compile(r"(?<!\d)1325 \(2000\)")
    expected = {item.document for item in archive.values() if wanted.search(item.text)}
    assert expected
    found = {}
    for typed in ("S/RES/1325 (2000)", "1325 (2000)", "resolution 1325 (2000)", "resolution 1325"):
        _, result = get(client, q=typed)
        found[typed] = {hit.document for hit in result.hits}
        assert result.lookup.document is None
    assert all(documents == expected for documents in found.values()), found


def test_paragraph_mode_lists_the_citing_paragraphs_themselves(archive, client):
    _, result = get(client, q="resolution 61/180", mode="paragraphs")
    assert result.mode == "paragraphs" and result.total == len(result.hits) >= 3
    assert {hit.paragraph.document for hit in result.hits} == citing_in_sources(archive, r"61/180")
    for hit in result.hits:
        notes = hit.paragraph.document.footnotes.filter(marker__in=hit.paragraph.footnote_refs)
        assert "61/180" in hit.paragraph.text or any("61/180" in note.text for note in notes)
        assert MARK_START in hit.text and "61/180" in hit.text


@pytest.mark.parametrize("number", ["79/512", "60/519"])
def test_a_decision_lists_the_documents_that_cite_it(archive, client, number):
    # In these files the number is printed only as the Assembly's decision ('General Assembly decision 79/512').
    expected = citing_in_sources(archive, re.escape(number))
    assert len(expected) == 4
    _, result = get(client, q=f"decision {number}")
    assert {hit.document for hit in result.hits} == expected


def test_a_bare_number_offers_the_council_resolution_and_still_searches_the_words(archive, client):
    response, result = get(client, q="1325")
    assert result.lookup is None                  # the words are searched
    assert result.offers == ["S/RES/1325 (2000)"]
    html = response.content.decode()
    assert "Did you mean" in html and "S%2FRES%2F1325+%282000%29" in html


def test_the_api_search_gives_the_citing_documents_and_the_cited_one(archive, client):
    data = client.get("/api/search/", {"q": "1454 (2002)"}).json()
    assert data["lookup"] == {"kind": "citation", "label": "S/RES/1454 (2002)"}
    assert data["cited_document"]["symbol"] == "S/RES/1454 (2002)"
    data = client.get("/api/search/", {"q": "A/RES/61/180"}).json()
    assert data["total"] == 3 and data["cited_document"] is None


def test_cited_by_on_the_document_page_leads_to_the_citing_paragraphs(archive, client):
    # Seed 002 prints 'Economic and Social Council resolution 2006/27'; put the cited resolution in the archive.
    from resolutions.models import Document
    from resolutions.services.citations import resolve_pending_citations

    cited = Document.objects.create(symbol="E/RES/2006/27", symbol_key="E/RES/2006/27",
                                    body="Economic and Social Council", title="Strengthening international cooperation")
    resolve_pending_citations(cited)
    html = client.get(cited.get_absolute_url()).content.decode()
    link = re.search(r'href="(/search/\?q=E/RES/2006/27&amp;mode=paragraphs)"', html)
    assert link
    _, result = get(client, q="E/RES/2006/27", mode="paragraphs")
    assert result.lookup.document == cited
    assert {hit.paragraph.document for hit in result.hits} == citing_in_sources(archive, r"2006/27")
