"""The document page's cache (resolutions/page_cache.py): a repeated request is served without building the page,
and every write that changes what a page shows makes the next request build it again.

On real documents of the corpus: the Security Council's Yemen resolutions (S/RES/2768 (2025) cites S/RES/2722 (2024)
in its text: 'resolution 2722 (2024)'), A/RES/80/1 in English and French, and the Third Committee draft
A/C.3/78/L.41 with A/RES/78/220, whose AKN workflow names it as the draft it was adopted from.  Every write runs
its commit callbacks (``django_capture_on_commit_callbacks``): the cache forgets a page once the write commits, and
a test's own transaction never commits.
"""
import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resolutions.services.ingestion.ingest import ingest_file
from tests.language_files import language_files
from tests.test_admin_upload import form_data, staff  # noqa: F401  (the staff fixture logs a superuser in)

pytestmark = pytest.mark.django_db

SC = "unxml-sc-resolutions"
YEMEN = {"2722": f"{SC}/2024/English/S_RES_2722-2400437E.xml", "2768": f"{SC}/2025/English/S_RES_2768-2500616E.xml"}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.ARCHIVE_PAGE_CACHE = True   # tests/conftest.py turns it off for the other tests


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as if it committed: its commit callbacks (the cache forgetting pages) run at the end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _ingest(committed, data: bytes, name: str):
    with committed():
        outcome = ingest_file(data, name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _yemen(committed, corpus_dir, number):
    path = corpus_dir / YEMEN[number]
    return _ingest(committed, path.read_bytes(), path.name)


def _page(client, document, query: str = "") -> str:
    response = client.get(document.get_absolute_url() + query)
    assert response.status_code == 200
    return response.content.decode()


def _built(client, document, query: str = "") -> tuple[str, list[str]]:
    """The page and the SQL of its request."""
    with CaptureQueriesContext(connection) as captured:
        html = _page(client, document, query)
    return html, [q["sql"] for q in captured.captured_queries]


def _reads_paragraphs(statements: list[str]) -> bool:
    return any('FROM "resolutions_paragraph"' in sql for sql in statements)


def _cited_by(html: str) -> str:
    return html[html.index('id="cited-by-heading"'):html.index('id="sources-heading"')]


def test_a_repeated_request_is_served_from_the_cache_without_building_the_page(client, committed, corpus_dir):
    document = _yemen(committed, corpus_dir, "2722")
    first, first_queries = _built(client, document)
    assert _reads_paragraphs(first_queries)
    again, queries = _built(client, document)
    assert again == first
    # The document's address, then its stamps, the page and its network panel in one read: nothing else.
    assert len(queries) == 2, queries
    assert not _reads_paragraphs(queries)
    assert not any("resolutions_citation" in sql or "network_citationlink" in sql for sql in queries)


def test_the_page_changes_after_the_document_is_ingested_again_from_a_corrected_file(client, committed, corpus_dir):
    path = corpus_dir / YEMEN["2722"]
    original = path.read_bytes()
    assert b"Houthis" in original and b"Zanzibarians" not in original
    document = _yemen(committed, corpus_dir, "2722")
    assert "Houthis" in _page(client, document) and "Zanzibarians" not in _page(client, document)
    corrected = _ingest(committed, original.replace(b"Houthis", b"Zanzibarians"), "S_RES_2722-corrected.xml")
    assert corrected.pk == document.pk               # a corrected file for the same symbol replaces the parse
    html = _page(client, document)
    assert "Zanzibarians" in html and "Houthis" not in html


def test_the_page_changes_after_staff_edit_a_paragraph_in_the_admin(client, staff, committed, corpus_dir):  # noqa: F811
    public = Client()
    document = _yemen(committed, corpus_dir, "2722")
    paragraph = document.paragraphs.get(number="1", parent__isnull=True, annex__isnull=True)
    assert "Zanzibarians" not in _page(public, document)
    url = reverse("admin:resolutions_paragraph_change", args=[paragraph.pk])
    data = form_data(client.get(url))
    data["text"] = "Zanzibarians are named here by staff, who corrected the first operative paragraph."
    with committed():
        response = client.post(url, data)
    assert response.status_code == 302
    html = _page(public, document)
    assert "Zanzibarians are named here by staff" in html and "Corrected by archive staff." in html


def test_the_cited_documents_page_lists_a_newly_ingested_document_citing_it(client, committed, corpus_dir):
    cited = _yemen(committed, corpus_dir, "2722")
    assert "No document in the archive cites this one yet." in _cited_by(_page(client, cited))
    citing = _yemen(committed, corpus_dir, "2768")
    cited_by = _cited_by(_page(client, cited))
    assert f'href="{citing.get_absolute_url()}"' in cited_by and "cites this one yet" not in cited_by
    # The network panel, cached apart, follows too: the new citing document is drawn.
    html = _page(client, cited)
    panel = html[html.index('class="network-panel"'):]
    assert f'href="{citing.get_absolute_url()}"' in panel


def test_the_page_offers_a_new_language_version_once_it_arrives(client, committed, corpus_dir):
    files = language_files(corpus_dir, "A/RES/80/1")
    english = _ingest(committed, files["en"].read_bytes(), files["en"].name)
    assert "?lang=fr" not in _page(client, english)
    _ingest(committed, files["fr"].read_bytes(), files["fr"].name)
    assert "?lang=fr" in _page(client, english)


def test_a_language_and_the_english_text_are_cached_apart(client, committed, corpus_dir):
    files = language_files(corpus_dir, "A/RES/80/1")
    english = _ingest(committed, files["en"].read_bytes(), files["en"].name)
    _ingest(committed, files["fr"].read_bytes(), files["fr"].name)
    in_english = _page(client, english)
    in_french = _page(client, english, "?lang=fr")
    side_by_side = _page(client, english, "?lang=en&beside=fr")
    assert len({in_english, in_french, side_by_side}) == 3
    # Each variant from the cache is the one asked for, in whatever order they are read again.
    assert _page(client, english, "?lang=fr") == in_french
    assert _page(client, english) == in_english
    assert _page(client, english, "?lang=en&beside=fr") == side_by_side
    assert '<div class="document-text" lang="fr"' in in_french or 'lang="fr"' in in_french
    assert 'lang="fr"' not in in_english.split('class="document-text"', 1)[1][:40]


def _draft(corpus_dir):
    data = json.loads((corpus_dir / "un-bench-eda-ga78/viz/analysis_iran_genealogy.json").read_text(encoding="utf-8"))
    return data["stages"]["draft"]["text"].encode("utf-8"), "A_C.3_78_L.41.txt"


def test_the_drafts_page_shows_the_resolution_adopted_from_it_once_that_arrives(client, committed, corpus_dir):
    draft = _ingest(committed, *_draft(corpus_dir))
    panel = _page(client, draft)
    assert "A/RES/78/220" not in panel
    path = next((corpus_dir / "unxml-ga-resolutions/78session/English").glob("A_RES_78_220-*.xml"))
    resolution = _ingest(committed, path.read_bytes(), path.name)
    html = _page(client, draft)
    lineage = html[html.index('class="lineage-panel"'):]
    assert f'<a href="{resolution.get_absolute_url()}">A/RES/78/220</a> was adopted from' in lineage


def test_staff_never_get_the_publics_cached_page_and_the_public_never_gets_a_page_built_for_staff(
        client, staff, committed, corpus_dir):  # noqa: F811
    public = Client()
    document = _yemen(committed, corpus_dir, "2722")
    _, staff_queries = _built(client, document)           # staff first: built, and not stored
    _, public_queries = _built(public, document)
    assert _reads_paragraphs(staff_queries) and _reads_paragraphs(public_queries)
    _, staff_again = _built(client, document)             # the public's page is now stored: staff still build
    assert _reads_paragraphs(staff_again)
    _, public_again = _built(public, document)
    assert not _reads_paragraphs(public_again)


def test_a_page_for_another_host_is_cached_apart(client, committed, corpus_dir, settings):
    settings.ALLOWED_HOSTS = ["testserver", "archive.example.org"]
    document = _yemen(committed, corpus_dir, "2722")
    here = client.get(document.get_absolute_url()).content.decode()
    there = client.get(document.get_absolute_url(), HTTP_HOST="archive.example.org").content.decode()
    assert re.search(r"http://testserver/", here) and "http://archive.example.org/" in there
    assert "archive.example.org" not in here


def test_the_page_shows_the_votes_once_the_un_table_of_them_is_imported(client, committed, corpus_dir, tmp_path):
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md"
    document = _ingest(committed, path.read_bytes(), path.name)
    table = corpus_dir / "unxml-ga-resolutions/data_extract/80.json"
    line = next(line for line in table.read_text(encoding="utf-8").splitlines()
                if line.strip() and json.loads(line)["symbol"] == "A/RES/80/39")
    row = json.loads(line)
    assert f"Against: {row['MS_against_count']}" not in _page(client, document)
    (tmp_path / "80.json").write_text(line + "\n", encoding="utf-8")
    from votes.services import import_vote_tables

    with committed():
        import_vote_tables([tmp_path / "80.json"], progress=False)
    assert f"Against: {row['MS_against_count']}" in _page(client, document)


def test_every_page_naming_a_member_state_changes_when_staff_rename_it_in_the_admin(client, staff, committed,  # noqa: F811
                                                                                    corpus_dir):
    public = Client()
    path = next((corpus_dir / "unxml-ga-resolutions/78session/English").glob("A_RES_78_220-*.xml"))
    assert b'by="Albania, ' in path.read_bytes()                   # its workflow names its sponsors, Albania first
    document = _ingest(committed, path.read_bytes(), path.name)
    state = document.sponsorships.get(name_as_printed="Albania").state
    assert "(renamed by staff)" not in _page(public, document)
    url = reverse("admin:resolutions_memberstate_change", args=[state.pk])
    data = form_data(client.get(url))
    data["name"] = f"{state.name} (renamed by staff)"
    with committed():
        assert client.post(url, data).status_code == 302
    assert f'title="{state.name} (renamed by staff)"' in _page(public, document)


def test_the_page_caches_writes_keep_one_entry_per_key_and_add_only_where_none_is_current(committed):
    """archive/page_cache_backend.py: its own statements for set_many and add, read back through Django's reads."""
    from django.core.cache import caches

    cache = caches["pages"]
    cache.set_many({"a": ("x", "first"), "b": "second"}, 60)
    cache.set_many({"a": ("x", "again")}, 60)
    assert cache.get_many(["a", "b"]) == {"a": ("x", "again"), "b": "second"}
    assert cache.add("c", "drawn", None) is True
    assert cache.add("c", "another", None) is False and cache.get("c") == "drawn"
    cache.set("d", "gone", -1)                         # stored already expired: add may take its place
    assert cache.add("d", "new", 60) is True and cache.get("d") == "new"


def test_parameters_the_page_does_not_read_share_its_cached_page_and_odd_ones_are_bounded(client, committed,
                                                                                          corpus_dir):
    document = _yemen(committed, corpus_dir, "2722")
    plain = _page(client, document)
    tracked, queries = _built(client, document, "?utm_source=newsletter&page=3")
    assert tracked == plain and len(queries) == 2          # the same entry: no page built for a parameter it ignores
    # A language the archive lacks: the main text with the notice, cached as its own variant (the page differs).
    unknown = _page(client, document, "?lang=" + "x" * 5000 + "&beside=" + "é" * 3000)
    assert "does not have this document in the language asked for" in unknown and "Houthis" in unknown
    assert "does not have this document" not in _page(client, document)
