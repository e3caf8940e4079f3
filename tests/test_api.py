"""The read-only JSON API on the seeds: documents, states, agenda items, series, search with facets, comparison,
conditional GETs, throttling, the OpenAPI schema and its documentation page."""
import base64
import re

import pytest
from django.core.cache import cache
from drf_spectacular.validation import validate_schema

from resolutions.models import Document
from resolutions.lineage import selectors as lineage
from tests.conftest import SAMPLES
from tests.seeded_archive import seeded  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def fresh_throttle(db):
    cache.clear()  # throttle histories live in the cache
    yield
    cache.clear()


def get(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    return response


def test_document_list_is_stably_ordered_and_paged(seeded, client, db):
    data = get(client, "/api/documents/").json()
    assert data["count"] == 4
    # Newest first; the ECOSOC draft, which prints no date, last.
    assert [d["date"] for d in data["results"]] == ["2013-11-08", "2008-10-10", "2006-10-19", None]
    pages = [get(client, f"/api/documents/?page_size=3&page={n}").json() for n in (1, 2)]
    assert [d["id"] for p in pages for d in p["results"]] == [d["id"] for d in data["results"]]
    assert pages[0]["next"].endswith("page=2&page_size=3") and pages[1]["next"] is None


def test_document_filters_and_symbol_lookup(seeded, client, db):
    found = get(client, "/api/documents/?symbol=a/c.3/61/l.7/rev.1").json()["results"]
    assert [d["id"] for d in found] == [seeded["rev1"].pk]
    assert [d["id"] for d in get(client, "/api/documents/?sponsor=angola").json()["results"]] == [seeded["rev1"].pk]
    assert get(client, "/api/documents/?body=Economic and Social Council").json()["count"] == 1
    assert get(client, "/api/documents/?year=2008").json()["results"][0]["id"] == seeded["2008"].pk


def test_document_detail_has_everything(seeded, client, db):
    rev1 = get(client, f"/api/documents/{seeded['rev1'].pk}/").json()
    assert rev1["symbol"] == "A/C.3/61/L.7/Rev.1" and rev1["committee"] == "Third Committee"
    assert rev1["preamble_subject"] == "The General Assembly"
    assert len(rev1["preambular"]) == 11 and len(rev1["operative"]) == 19
    assert [p["anchor"] for p in rev1["operative"][:2]] == ["op1", "op2"]
    assert rev1["preambular"][0]["lead"] == "Recalling"
    assert rev1["operative"][2]["lead"] == "Urges" and rev1["operative"][2]["footnote_refs"] == ["1", "2"]
    assert [f["marker"] for f in rev1["footnotes"]] == ["1", "2", "3", "4", "5", "6", "7"]
    assert rev1["footnotes"][6]["text"] == "Resolution 34/180, annex."
    sponsors = rev1["sponsors"]
    assert len(sponsors) == 21 and sponsors[0]["name_as_printed"] == "Angola"
    assert sponsors[-1]["name_as_printed"] == "Viet Nam"
    iran = next(s for s in sponsors if s["name_as_printed"] == "Iran")
    assert iran["state"]["name"] == "Iran (Islamic Republic of)" and iran["state"]["iso3"] == "IRN"
    assert [(a["number"], a["title"]) for a in rev1["agenda_items"]] == [("98", "Crime prevention and criminal justice")]
    # Citations: 'its resolutions 55/25 of 15 November 2000' in the first preambular paragraph.
    assert any(c["raw_text"].startswith("55/25") or "55/25" in c["raw_text"] for c in rev1["citations"])
    assert rev1["versions"]["series"]["slug"] == seeded["rev1"].series.slug
    assert [d["id"] for d in rev1["versions"]["series_documents"]] == [
        seeded["rev1"].pk, seeded["2008"].pk, seeded["2013"].pk]
    assert rev1["versions"]["next"]["id"] == seeded["2008"].pk and rev1["versions"]["previous"] is None
    assert set(rev1["exports"]) == {"json", "text", "akn"}
    (source,) = rev1["source_files"]
    download = get(client, source["download_url"].replace("http://testserver", ""))
    assert download.content == next(SAMPLES.glob("002_*")).read_bytes()


def test_subparagraphs_and_two_source_files(seeded, client, db):
    ecosoc = get(client, f"/api/documents/{seeded['ecosoc'].pk}/").json()
    op4 = ecosoc["operative"][3]
    assert op4["number"] == "4" and op4["text"].startswith("Invites Governments")
    assert [(s["anchor"], s["label"]) for s in op4["subparagraphs"]] == [
        ("op4-a", "a"), ("op4-b", "b"), ("op4-c", "c"), ("op4-d", "d")]
    assert op4["subparagraphs"][0]["text"] == "Appropriate housing;"
    merged = get(client, f"/api/documents/{seeded['2008'].pk}/").json()
    assert sorted(s["original_name"][:3] for s in merged["source_files"]) == ["000", "001"]
    get(client, "/api/documents/999999/", status=404)


def test_search_uses_the_web_syntax_filters_and_facets(seeded, client, db):
    result = get(client, "/api/search/?q=trafficking").json()
    assert result["total"] == 4 and result["mode"] == "documents" and len(result["documents"]) == 4
    assert all("<mark>" in s["html"] for hit in result["documents"] for s in hit["snippets"])
    facets = {f["name"]: {v["label"]: v["count"] for v in f["values"]} for f in result["facets"]}
    assert facets["body"] == {"General Assembly": 3, "Economic and Social Council": 1}
    assert facets["sponsor"]["Belarus"] == 4 and facets["sponsor"]["Angola"] == 1
    narrowed = get(client, "/api/search/?q=trafficking&sponsor=angola").json()
    assert [h["document"]["id"] for h in narrowed["documents"]] == [seeded["rev1"].pk]
    selected = [v for f in narrowed["facets"] if f["name"] == "sponsor" for v in f["values"] if v["selected"]]
    assert [v["value"] for v in selected] == ["angola"]
    # Paragraph mode with the paragraph facets: operative paragraphs opening with 'Urges' (one in 000/001, one in
    # 002, two in 003 and two in 004).
    urges = get(client, "/api/search/?mode=paragraphs&kind=operative&lead=Urges&page_size=50").json()
    assert urges["total"] == 6 and {p["lead"] for p in urges["paragraphs"]} == {"Urges"}
    assert all(re.fullmatch(r"op\d+", p["anchor"]) for p in urges["paragraphs"])
    # A phrase and an exclusion, websearch syntax as on the page.
    # The 1956 Supplementary Convention is named in every General Assembly seed, not in the ECOSOC draft.
    phrase = get(client, '/api/search/?q="Supplementary Convention on the Abolition of Slavery"').json()
    assert phrase["total"] == 3 and seeded["ecosoc"].pk not in [h["document"]["id"] for h in phrase["documents"]]
    assert get(client, "/api/search/?q=trafficking -housing").json()["total"] == 3  # only 003 speaks of housing


def test_search_symbol_invalid_filters_and_odd_input(seeded, client, db):
    result = get(client, "/api/search/?q=a/c.3/61/l.7/rev.1").json()
    assert result["symbol_match"]["id"] == seeded["rev1"].pk
    bad = get(client, "/api/search/?q=trafficking&session=abc&page=-3&page_size=1000").json()
    assert bad["invalid_filters"] == ["session"] and bad["total"] == 4 and bad["page"] == 1 and bad["page_size"] == 100
    assert get(client, "/api/search/?q=%01%27%22)(").status_code == 200
    assert get(client, "/api/search/?q=%00%27%22)(", status=400).status_code == 400  # a NUL byte: refused


def test_states_agenda_items_series(seeded, client, db):
    belarus = get(client, "/api/member-states/belarus/").json()
    assert belarus["iso3"] == "BLR" and len(belarus["documents"]) == 4
    states = get(client, "/api/member-states/?page_size=100").json()
    assert states["count"] >= 193
    items = get(client, "/api/agenda-items/").json()["results"]
    assert sorted(i["number"] for i in items) == ["108", "14", "97", "98"]
    item = next(i for i in items if i["number"] == "98")
    detail = get(client, f"/api/agenda-items/{item['id']}/").json()
    assert [d["id"] for d in detail["documents"]] == [seeded["rev1"].pk]
    series = get(client, f"/api/series/{seeded['rev1'].series.slug}/").json()
    assert [d["date"] for d in series["documents"]] == ["2006-10-19", "2008-10-10", "2013-11-08"]
    get(client, "/api/member-states/atlantis/", status=404)


def test_comparison_is_the_lineage_selectors(seeded, client, db):
    a, b = seeded["rev1"], seeded["2008"]
    data = get(client, f"/api/compare/{a.pk}/{b.pk}/").json()
    assert data == lineage.comparison_json(lineage.compare_documents(a, b))
    assert data["a"]["symbol"] == "A/C.3/61/L.7/Rev.1" and sum(data["counts"].values()) == len(data["rows"])
    get(client, f"/api/compare/{a.pk}/999999/", status=404)


def test_conditional_get(seeded, client, db):
    url = f"/api/documents/{seeded['rev1'].pk}/"
    first = get(client, url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert get(client, url, 304, HTTP_IF_NONE_MATCH=etag).content == b""
    get(client, url, 304, HTTP_IF_MODIFIED_SINCE=modified)
    # Any change to the archive gives new validators.
    Document.objects.filter(pk=seeded["2013"].pk).update(title="Changed")
    Document.objects.get(pk=seeded["2013"].pk).save()
    changed = get(client, url, 200, HTTP_IF_NONE_MATCH=etag)
    assert changed["ETag"] != etag


def test_anonymous_clients_are_throttled_staff_are_not(seeded, client, db, settings, django_user_model):
    settings.ARCHIVE_RATE_LIMITS = {**settings.ARCHIVE_RATE_LIMITS, "anon": "3/minute"}
    for _ in range(3):
        get(client, "/api/agenda-items/")
    refused = get(client, "/api/agenda-items/", 429)
    assert int(refused["Retry-After"]) > 0 and "throttled" in refused.json()["detail"].lower()
    user = django_user_model.objects.create(username="reader")  # no password: hashing one is slow
    client.force_login(user)  # an account that is not staff has no extra allowance
    get(client, "/api/agenda-items/", 429)
    staff = django_user_model.objects.create(username="staff", is_staff=True)
    client.force_login(staff)
    for _ in range(6):
        get(client, "/api/agenda-items/")
    # A script sends staff credentials with each request (HTTP Basic over HTTPS), no session.
    client.logout()
    staff.set_password("correct horse battery staple")
    staff.save()
    credentials = base64.b64encode(b"staff:correct horse battery staple").decode()
    for _ in range(4):
        get(client, "/api/agenda-items/", HTTP_AUTHORIZATION=f"Basic {credentials}")
    get(client, "/api/agenda-items/", 429)


def test_schema_validates_and_declares_throttling(seeded, client, db):
    schema = get(client, "/api/schema/?format=json").json()
    validate_schema(schema)
    operations = [op for item in schema["paths"].values() for op in item.values() if isinstance(op, dict)]
    assert len(operations) >= 14
    for operation in operations:
        assert "Retry-After" in operation["responses"]["429"]["headers"]
    assert "/api/search/" in schema["paths"] and "/api/documents/{id}/akn/" in schema["paths"]
    search_params = {p["name"] for p in schema["paths"]["/api/search/"]["get"]["parameters"]}
    assert {"q", "mode", "sort", "sponsor", "agenda", "kind", "lead", "page"} <= search_params


def test_documentation_page_works_offline_under_the_csp(client, db):
    page = get(client, "/api/docs/")
    html = page.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    assert "<style" not in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and not [s for s in sources if s.startswith(("http:", "https:", "//"))]
    assert "script-src 'self'" in page["Content-Security-Policy"]
    assert "unsafe-inline" not in page["Content-Security-Policy"].split("script-src")[1].split(";")[0]
    script_url = next(s for s in sources if "script" in s and "static" not in s)
    init = get(client, script_url.replace("&amp;", "&"))
    assert init["Content-Type"].startswith("application/javascript") and "/api/schema/" in init.content.decode()


def test_server_errors_schemathesis_found_stay_fixed(seeded, client, db):
    """Boundary values from schemathesis' coverage phase that were server errors (see test_api_schemathesis.py)."""
    for url in ("/api/documents/null,null/akn/", "/api/documents/null,null/", "/api/agenda-items/null,null/"):
        get(client, url, status=404)
    get(client, "/api/documents/?year=0", status=400)  # no year 0 in a date
    for year in ("0", "0.5", "10000"):
        result = get(client, f"/api/search/?q=trafficking&year={year}").json()
        assert result["invalid_filters"] == ["year"] and result["total"] == 4
        assert body_lines(get(client, f"/api/search/export.csv?year={year}")) == 5


def body_lines(response) -> int:
    return len(b"".join(response.streaming_content).decode().splitlines())
