"""The comparison form: it opens empty and quiet, takes symbols as printed, names a symbol the archive lacks, and,
given one document, offers that document's own versions.

Seeds 002 (A/C.3/61/L.7/Rev.1, 2006) and 000 (the 2008 draft of the same resolution) are one series: each is
offered as the other's version.
"""
import pytest
from django.urls import reverse

from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import seed_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions():
    documents = []
    for prefix in ("002", "000"):
        path = seed_path(prefix)
        outcome = ingest_file(path.read_bytes(), path.name)
        assert outcome.status == "parsed", outcome.message
        documents.append(outcome.document)
    return documents


def test_the_compare_form_opens_empty_without_an_error(client, versions):
    html = client.get("/compare/").content.decode()
    assert 'role="alert"' not in html and "must be in the archive" not in html
    assert 'name="a" value=""' in html and 'name="b" value=""' in html
    # It asks for symbols and offers them, never the archive's numbers.
    assert "(symbol)" in html and f'<option value="{versions[0].symbol}">' in html
    assert f"{versions[0].pk}:" not in html


def test_given_one_document_the_form_offers_its_own_versions(client, versions):
    older, newer = versions
    assert older.symbol == "A/C.3/61/L.7/Rev.1" and not newer.symbol   # the 2008 draft's header was not kept
    # The 2006 draft's page links to the form with its symbol; the form offers the 2008 draft.
    html = client.get(older.get_absolute_url()).content.decode()
    assert f"/compare/?b={older.symbol}" in html
    html = client.get("/compare/", {"b": older.symbol}).content.decode()
    assert 'role="alert"' not in html                # one field given is not an error
    assert reverse("lineage:compare", args=[older.pk, newer.pk]) in html   # the earlier first
    assert f"Compare with {newer.title}" in html
    # The 2008 draft, which has no symbol, is given by its readable address; the form offers the 2006 draft.
    html = client.get(newer.get_absolute_url()).content.decode()
    assert f"/compare/?b={newer.slug}" in html
    html = client.get("/compare/", {"a": newer.slug}).content.decode()
    assert 'role="alert"' not in html
    assert f"Compare with {older.symbol}" in html
    assert reverse("lineage:compare", args=[older.pk, newer.pk]) in html   # the earlier first


def test_the_form_takes_symbols_and_names_one_the_archive_lacks(client, versions):
    older, newer = versions
    response = client.get("/compare/", {"a": older.symbol.lower(), "b": newer.slug})
    assert response.status_code == 302
    assert response["Location"] == reverse("lineage:compare", args=[older.pk, newer.pk])
    html = client.get("/compare/", {"a": "A/C.3/61/L.99", "b": older.symbol}).content.decode()
    assert 'role="alert"' in html and "no document has the symbol A/C.3/61/L.99" in html
    assert f'name="b" value="{older.symbol}"' in html   # what was found stays in the form
