"""The home page's "Latest documents" are the newest by the date they bear; "Recently added" lists what arrived
last, apart.  Dates are read from the sources in the test."""
import pytest

from resolutions.services.ingestion.ingest import ingest_file

pytestmark = pytest.mark.django_db


def _ingest(path):
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _list_after(html: str, heading: str) -> str:
    return html.split(heading, 1)[1].split("</ul>", 1)[0]


def test_latest_documents_follow_their_own_dates_and_recently_added_the_order_of_arrival(client, corpus_dir):
    recent = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md"
    old = corpus_dir / "cr-unsc-gold/data/res_en_gold/S_RES_0808_1993_EN_GOLD.txt"
    assert 'date: "2025-12-03"' in recent.read_text(encoding="utf-8")
    assert "808 (1993)" in old.read_text(encoding="utf-8")
    _ingest(recent)
    _ingest(old)                                      # a 1993 text uploaded after a 2025 one
    html = client.get("/").content.decode()
    latest = _list_after(html, ">Latest documents</h2>")
    assert latest.index("A/RES/80/39") < latest.index("S/RES/808 (1993)")
    added = _list_after(html, ">Recently added</h2>")
    assert added.index("S/RES/808 (1993)") < added.index("A/RES/80/39")
