"""'Most cited' as a sort order of search (sort=cited), on the page, in paragraph mode and in the API: the same
input boundary (resolutions.search.inputs.read_search)."""
import pytest

from resolutions.search import read_search
from resolutions.services.ingestion.ingest import ingest_file

SC = "unxml-sc-resolutions"
FILES = {"2722": f"{SC}/2024/English/S_RES_2722-2400437E.xml", "2768": f"{SC}/2025/English/S_RES_2768-2500616E.xml",
         "2812": f"{SC}/2026/English/S_RES_2812-2600463E.xml"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def yemen(corpus_dir):
    """Cited by 2, 1 and 0 documents of the three (see tests/test_citation_network.py)."""
    return {n: ingest_file((corpus_dir / path).read_bytes(), f"{n}.xml").document for n, path in FILES.items()}


def test_the_input_boundary_accepts_cited_as_a_sort():
    assert read_search({"sort": "cited"}).sort == "cited"
    assert read_search({"sort": "citedx"}).sort == "relevance"


def test_search_sorted_by_citations_puts_the_most_cited_first(client, yemen):
    expected = [yemen[n].symbol for n in ("2722", "2768", "2812")]   # 2722 is the oldest, 2812 the newest
    result = read_search({"q": "Yemen", "sort": "cited"}).run()
    assert [hit.document.symbol for hit in result.hits] == expected
    by_date = read_search({"q": "Yemen", "sort": "date"}).run()
    assert [hit.document.symbol for hit in by_date.hits] == expected[::-1]
    page = client.get("/search/", {"q": "Yemen", "sort": "cited"}).content.decode()
    assert page.index(expected[0]) < page.index(expected[1]) < page.index(expected[2])
    assert "<strong>most cited</strong>" in page


def test_the_api_and_paragraph_mode_sort_by_citations_too(client, yemen):
    data = client.get("/api/search/", {"q": "Yemen", "sort": "cited"}).json()
    symbols = [hit["document"]["symbol"] for hit in data["documents"]]
    assert symbols == [yemen[n].symbol for n in ("2722", "2768", "2812")]
    paragraphs = read_search({"q": "Yemen", "sort": "cited", "mode": "paragraphs"}).run()
    documents = list(dict.fromkeys(hit.paragraph.document.symbol for hit in paragraphs.hits))
    assert documents == [yemen[n].symbol for n in ("2722", "2768", "2812")]
