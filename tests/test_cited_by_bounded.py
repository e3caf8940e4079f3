"""The "Cited by" list of a document page and of the API's record is bounded: the newest citations are listed
with the total, so a resolution cited by thousands (A/RES/70/1) does not put thousands of entries on its page.
On the Security Council's Yemen resolutions (AKN files): S/RES/2768 (2025) and S/RES/2812 (2026) both cite
S/RES/2722 (2024)."""
import pytest

from resolutions.models import Citation
from resolutions.selectors.documents import document_page
from resolutions.services.ingestion.ingest import ingest_file

SC = "unxml-sc-resolutions"
FILES = {"2722": f"{SC}/2024/English/S_RES_2722-2400437E.xml", "2768": f"{SC}/2025/English/S_RES_2768-2500616E.xml",
         "2812": f"{SC}/2026/English/S_RES_2812-2600463E.xml"}

pytestmark = pytest.mark.django_db


def _ingest(corpus_dir):
    return {n: ingest_file((corpus_dir / path).read_bytes(), f"{n}.xml").document for n, path in FILES.items()}


def test_a_bounded_cited_by_list_keeps_the_newest_citations_and_counts_them_all(corpus_dir):
    docs = _ingest(corpus_dir)
    cited = docs["2722"]
    stored = Citation.objects.filter(target_document=cited).exclude(document=cited)
    assert {c.document_id for c in stored} == {docs["2768"].pk, docs["2812"].pk}
    full = document_page(cited.pk)
    assert full.cited_by_total == len(full.cited_by) == stored.count()
    bounded = document_page(cited.pk, cited_by_limit=1)
    assert len(bounded.cited_by) == 1
    assert bounded.cited_by[0].document == docs["2812"]          # the 2026 resolution before the 2025 one
    assert bounded.cited_by_total == stored.count()
    # The citations naming one of its paragraphs still link from that paragraph, whatever the list shows.
    assert ([(v.paragraph.number, [c.pk for c in v.cited_here]) for v in bounded.operative]
            == [(v.paragraph.number, [c.pk for c in v.cited_here]) for v in full.operative])


def test_the_api_record_gives_the_total_beside_the_list(client, corpus_dir):
    docs = _ingest(corpus_dir)
    cited = docs["2722"]
    detail = client.get(f"/api/documents/{cited.pk}/").json()
    total = Citation.objects.filter(target_document=cited).exclude(document=cited).count()
    assert detail["cited_by_total"] == total == len(detail["cited_by"])
    assert client.get(f"/api/documents/{docs['2812'].pk}/").json()["cited_by_total"] == 0
