"""Exports: one document as plain text and JSON; search results as CSV and JSON, streamed."""
import csv
import io
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions.exports import json_export, text_export
from tests.seeded_archive import seeded  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def fresh_throttle(db):
    cache.clear()
    yield
    cache.clear()


def squash(text: str) -> str:
    return " ".join(text.split())


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_text_export_reads_as_printed_and_loses_no_paragraph(seeded, db, client):
    rev1 = seeded["rev1"]
    text = text_export.document_text(rev1)
    flat = squash(text)
    assert text.startswith("A/C.3/61/L.7/Rev.1\nGeneral Assembly\nDistr.: Limited\n19 October 2006\n")
    assert ("Angola, Belarus, Benin, Cuba, Ecuador, Indonesia, Iran, Kyrgyzstan, Lebanon, Liberia, Libya, Mexico, "
            "Nigeria, Philippines, Russian Federation, Senegal, Sierra Leone, Tajikistan, Thailand, Uzbekistan and "
            "Viet Nam: resolution adopted by the Third Committee") in flat
    assert "\nThe General Assembly,\n" in text
    for paragraph in rev1.paragraphs.all():
        assert squash(paragraph.text) in flat
    for footnote in rev1.footnotes.all():
        assert f"\n{footnote.marker} {footnote.text}" in text
    assert re.search(r"^19\. +Requests the Secretary-General to submit a report", text, re.M)
    assert "[1][2]" in flat  # operative 3's footnote markers, after its text
    ecosoc = text_export.document_text(seeded["ecosoc"])
    assert re.search(r"^    \(a\) Appropriate housing;$", ecosoc, re.M)
    response = client.get(f"/api/documents/{rev1.pk}/text/")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert 'filename="A_C.3_61_L.7_Rev.1.txt"' in response["Content-Disposition"]
    assert response.content.decode() == text


def test_json_export_is_the_complete_record_without_bytes(seeded, db, client):
    merged = seeded["2008"]
    response = client.get(f"/api/documents/{merged.pk}/json/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    record = json.loads(response.content)
    assert record == json.loads(json.dumps(json_export.document_record(merged)))
    assert record["date"] == "2008-10-10" and record["session"] == 63
    assert len(record["paragraphs"]) == merged.paragraphs.count()
    assert [f["text"] for f in record["footnotes"]][:2] == ["Resolution 55/25, annex I.", "Ibid., annex II."]
    assert [s["name_as_printed"] for s in record["sponsorships"]] == ["Belarus", "Russian Federation", "Uzbekistan"]
    assert len(record["source_files"]) == 2 and all("content_base64" not in s for s in record["source_files"])
    assert all("lsh_bands" not in p for p in record["paragraphs"])
    assert client.get("/api/documents/999999/json/").status_code == 404


def test_akn_download(seeded, db, client):
    response = client.get(f"/api/documents/{seeded['rev1'].pk}/akn/")
    assert response.status_code == 200 and response["Content-Type"] == "application/akn+xml"
    assert response.content.startswith(b"<?xml") and b"<akomaNtoso" in response.content
    assert client.get("/api/documents/999999/akn/", HTTP_ACCEPT="application/akn+xml").status_code == 404


def test_search_csv_streams_every_match_in_the_search_order(seeded, db, client):
    page = client.get("/api/search/?q=trafficking&sort=date").json()
    response = client.get("/api/search/export.csv?q=trafficking&sort=date")
    assert response.streaming and response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body(response).decode())))
    assert [int(r["id"]) for r in rows] == [h["document"]["id"] for h in page["documents"]]
    assert rows[2]["symbol"] == "A/C.3/61/L.7/Rev.1" and rows[2]["date"] == "2006-10-19"
    assert rows[2]["title"] == "Improving the coordination of efforts against trafficking in persons"
    # Paragraph mode with filters, as on the search page.
    response = client.get("/api/search/export.csv?mode=paragraphs&kind=operative&lead=Urges")
    rows = list(csv.DictReader(io.StringIO(body(response).decode())))
    assert len(rows) == 6 and {r["lead"] for r in rows} == {"Urges"}
    assert {r["url"].split("#")[1] for r in rows} <= {f"op{n}" for n in range(1, 30)}


def test_search_json_export_streams_the_same_rows(seeded, db, client):
    response = client.get("/api/search/export.json?q=trafficking&mode=paragraphs&sponsor=angola")
    assert response.streaming
    data = json.loads(body(response))
    assert data["mode"] == "paragraphs" and data["count"] == len(data["results"])
    total = client.get("/api/search/?q=trafficking&mode=paragraphs&sponsor=angola").json()["total"]
    assert data["count"] == total and total > 5
    assert {r["symbol"] for r in data["results"]} == {"A/C.3/61/L.7/Rev.1"}
    assert all(re.fullmatch(r"(pp|op)\d+(-[a-z])?", r["anchor"]) for r in data["results"])


def test_rows_are_read_only_while_the_response_is_sent(seeded, db, client):
    """Nothing of the result set is read before the body is consumed: the export streams, it does not buffer."""
    with CaptureQueriesContext(connection) as before:
        response = client.get("/api/search/export.csv?q=trafficking")
    assert not [q for q in before.captured_queries if "ts_rank_cd" in q["sql"]]
    with CaptureQueriesContext(connection) as during:
        lines = body(response).decode().splitlines()
    assert len(lines) == 5
    assert [q for q in during.captured_queries if "ts_rank_cd" in q["sql"]]


def test_document_page_links_to_the_exports(seeded, db, client):
    rev1 = seeded["rev1"]
    html = client.get(rev1.get_absolute_url()).content.decode()
    for kind in ("json", "text", "akn"):
        url = f"/api/documents/{rev1.pk}/{kind}/"
        assert f'href="{url}"' in html
        assert client.get(url).status_code == 200
