"""The most cited documents per body and period (/network/most-cited/), counted from the archive's citations."""
import pytest

from resolutions.services.ingestion.ingest import ingest_file

SC = "unxml-sc-resolutions"
FILES = {"2722": f"{SC}/2024/English/S_RES_2722-2400437E.xml", "2768": f"{SC}/2025/English/S_RES_2768-2500616E.xml",
         "2812": f"{SC}/2026/English/S_RES_2812-2600463E.xml"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def yemen(corpus_dir):
    """S/RES/2722 (2024) is cited by S/RES/2768 (2025) and S/RES/2812 (2026); S/RES/2768 by S/RES/2812 (their texts
    are read in tests/test_citation_network.py)."""
    return {n: ingest_file((corpus_dir / path).read_bytes(), f"{n}.xml").document for n, path in FILES.items()}


def test_the_most_cited_page_ranks_a_bodys_documents_by_the_documents_citing_them(client, yemen):
    page = client.get("/network/most-cited/", {"body": "Security Council"}).content.decode()
    listed = page[page.index('<ol class="most-cited">'):page.index("</ol>")]
    first, second = yemen["2722"].symbol, yemen["2768"].symbol
    assert listed.index(first) < listed.index(second)
    assert "cited by 2 documents" in listed and "cited by 1 document<" in listed
    assert yemen["2812"].symbol not in listed        # cited by none


def test_the_most_cited_page_keeps_to_the_period_chosen(client, yemen):
    page = client.get("/network/most-cited/", {"period": "2020"}).content.decode()
    assert yemen["2722"].symbol in page
    older = client.get("/network/most-cited/", {"period": "2010"}).content.decode()
    assert "Ignored: period" in older and yemen["2722"].symbol in older   # no cited document of the 2010s


def test_an_unknown_body_is_named_and_ignored(client, yemen):
    response = client.get("/network/most-cited/", {"body": "Nobody", "period": "x\u0662"})
    assert response.status_code == 200
    assert "Ignored: body" in response.content.decode()
