"""Staff corrections in the admin reach everything derived from the text: search, similarity bands, lineage.

Each admin page that edits a document's content has a test here: the document's own page (its fields and
its paragraphs, footnotes and sponsors inline), the paragraph's own page, and a vote record's page (its state
votes inline), whose edits mark the document's page changed.  A word staff write into a
paragraph is found by search afterwards, and the paragraph's and the document's similarity bands are those
of the corrected text.
"""
import pytest
from django.urls import reverse

from resolutions.models import Document, Paragraph
from votes.models import VoteRecord
from resolutions.services.ingestion.ingest import ingest_file
from resolutions.lineage.similarity import paragraph_and_document_bands

from .conftest import seed_path
from .test_admin_upload import form_data, post_paragraph_text, staff  # noqa: F401  (the staff fixture logs a superuser in)

pytestmark = pytest.mark.django_db

# A word no seed contains (the search must find the edited paragraph by it, and nothing else).
NEW_WORD = "zanzibarian"


def searched(client, query: str, mode: str = "documents") -> dict:
    response = client.get("/api/search/", {"q": query, "mode": mode})
    assert response.status_code == 200
    return response.json()


def expected_bands(document: Document) -> tuple[list[list[int]], list[int]]:
    """The bands of the document's stored texts, computed afresh (what the stored ones must equal)."""
    texts = list(Paragraph.objects.filter(document=document).order_by("order").values_list("text", flat=True))
    return paragraph_and_document_bands(texts)


def stored_bands(document: Document) -> tuple[list[list[int]], list[int]]:
    rows = Paragraph.objects.filter(document=document).order_by("order").values_list("lsh_bands", flat=True)
    return [list(bands) for bands in rows], list(Document.objects.get(pk=document.pk).text_bands)


@pytest.fixture
def document():
    # Seed 002 (A/C.3/61/L.7/Rev.1): operative 12 opens "Requests the Secretary-General to improve upon the fledgling interagency coordination group".
    return ingest_file(seed_path("002").read_bytes(), seed_path("002").name).document


def test_editing_a_paragraph_on_the_document_page_reindexes_it_and_recomputes_its_bands(client, staff, document):
    target = document.paragraphs.get(number="12", parent__isnull=True)
    before_bands = list(target.lsh_bands)
    assert searched(client, NEW_WORD)["total"] == 0

    url = reverse("admin:resolutions_document_change", args=[document.pk])
    post_paragraph_text(client, url, target.text,
                        f"{target.text} {NEW_WORD} {NEW_WORD} {NEW_WORD} capacity-building programmes.")

    found = searched(client, NEW_WORD)
    assert [hit["document"]["id"] for hit in found["documents"]] == [document.pk]
    paragraphs = searched(client, NEW_WORD, mode="paragraphs")
    assert paragraphs["total"] == 1
    target.refresh_from_db()
    assert list(target.lsh_bands) != before_bands
    assert stored_bands(document) == expected_bands(document)


def test_editing_a_paragraph_on_its_own_page_reindexes_it_and_recomputes_its_bands(client, staff, document):
    target = document.paragraphs.get(number="12", parent__isnull=True)
    before_bands = list(target.lsh_bands)
    before_fingerprint = list(document.text_bands)

    url = reverse("admin:resolutions_paragraph_change", args=[target.pk])
    data = form_data(client.get(url))
    assert data["text"] == target.text
    data["text"] = f"{NEW_WORD.capitalize()} replaces what the delegations had agreed about coordination here."
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response

    found = searched(client, NEW_WORD)
    assert [hit["document"]["id"] for hit in found["documents"]] == [document.pk]
    target.refresh_from_db()
    document.refresh_from_db()
    assert target.edited and document.edited
    assert list(target.lsh_bands) != before_bands
    assert list(document.text_bands) != before_fingerprint
    assert stored_bands(document) == expected_bands(document)


def test_correcting_the_title_on_the_document_page_is_found_by_search_and_regroups_the_series(client, staff,
                                                                                              document):
    old_series = document.series_id
    url = reverse("admin:resolutions_document_change", args=[document.pk])
    data = form_data(client.get(url))
    data["title"] = f"{NEW_WORD.capitalize()} cooperation against trafficking"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response

    assert [hit["document"]["id"] for hit in searched(client, NEW_WORD)["documents"]] == [document.pk]
    document.refresh_from_db()
    assert document.edited
    assert document.series_id is not None and document.series_id != old_series
    assert document.series.title == data["title"]


def test_correcting_the_symbol_on_the_document_page_updates_its_lookup_key(client, staff, document):
    url = reverse("admin:resolutions_document_change", args=[document.pk])
    data = form_data(client.get(url))
    data["symbol"] = "A/C.3/61/L.7/Rev.2"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    document.refresh_from_db()
    assert document.symbol_key == "A/C.3/61/L.7/REV.2"
    # A symbol typed whole is a look-up (resolutions.search.citing): the document it names is the symbol match.
    assert searched(client, "a/c.3/61/l.7/rev.2")["symbol_match"]["id"] == document.pk


def test_deleting_a_paragraph_on_its_own_page_takes_its_words_out_of_search_and_the_bands(client, staff,
                                                                                         document):
    # Operative 12 is the only paragraph of seed 002 that says "fledgling".
    target = document.paragraphs.get(number="12", parent__isnull=True)
    assert [hit["document"]["id"] for hit in searched(client, "fledgling")["documents"]] == [document.pk]
    before_fingerprint = list(document.text_bands)

    url = reverse("admin:resolutions_paragraph_delete", args=[target.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302

    assert searched(client, "fledgling")["total"] == 0
    document.refresh_from_db()
    assert document.edited and list(document.text_bands) != before_fingerprint
    assert stored_bands(document) == expected_bands(document)


def test_pointing_a_citation_at_a_document_on_its_page_resolves_it_and_shows_it_as_cited_by(client, staff,
                                                                                          document):
    cited = ingest_file(seed_path("003").read_bytes(), seed_path("003").name).document
    citation = document.citations.filter(target_document__isnull=True).exclude(kind="treaty").first()
    assert citation is not None and citation.status == "unresolved"

    url = reverse("admin:resolutions_citation_change", args=[citation.pk])
    data = form_data(client.get(url))
    data["target_document"] = str(cited.pk)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response

    citation.refresh_from_db()
    assert citation.status == "resolved" and citation.target_document_id == cited.pk
    detail = client.get(f"/api/documents/{cited.pk}/").json()
    assert citation.raw_text in [entry["raw_text"] for entry in detail["cited_by"]]


def test_deleting_a_document_on_its_page_leaves_citations_to_it_waiting_again(client, staff, document):
    citing = ingest_file(seed_path("003").read_bytes(), seed_path("003").name).document
    citation = citing.citations.exclude(kind="treaty").first()
    citation.target_document, citation.status = document, "resolved"
    citation.save()

    response = client.post(reverse("admin:resolutions_document_delete", args=[document.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()
    citation.refresh_from_db()
    assert citation.status == "unresolved" and citation.target_document_id is None


def _vote_for(document):
    from votes.services import save_vote, state_index
    from votes.tables import TableVote

    return save_vote(TableVote(symbol=document.symbol, adoption_type="recorded vote", adoption_type_as_printed="",
                               meeting="", meeting_record="", date=None, in_favour=1, against=0, abstaining=0,
                               states=[("France", "yes")], source="test"), state_index())


def test_editing_a_vote_record_on_its_page_marks_its_documents_page_changed(client, staff, document):
    record = _vote_for(document)
    before = Document.objects.get(pk=document.pk).updated_at
    url = reverse("admin:votes_voterecord_change", args=[record.pk])
    data = form_data(client.get(url))
    (vote_field,) = [key for key, value in data.items() if key.endswith("-vote") and value == "yes"]
    data[vote_field] = "no"
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    assert record.state_votes.get(name_as_printed="France").vote == "no"
    assert Document.objects.get(pk=document.pk).updated_at > before   # the page's ETag and Last-Modified move


def test_correcting_a_vote_records_symbol_on_its_page_moves_it_to_that_documents_page(client, staff, document,
                                                                                     corpus_dir):
    (path,) = corpus_dir.glob("unxml-ga-resolutions/78session/English/A_RES_78_196-*.xml")
    other = ingest_file(path.read_bytes(), path.name).document
    VoteRecord.objects.filter(symbol_key=other.symbol_key).delete()   # its file's own vote: the test wants none
    record = _vote_for(document)
    before = Document.objects.get(pk=document.pk).updated_at
    url = reverse("admin:votes_voterecord_change", args=[record.pk])
    data = form_data(client.get(url))
    data["symbol"] = other.symbol
    assert client.post(url, data).status_code == 302
    record.refresh_from_db()
    assert record.document_id == other.pk and record.symbol_key == other.symbol_key
    assert Document.objects.get(pk=document.pk).updated_at > before   # its old page no longer shows the vote


def test_a_vote_records_symbol_corrected_to_one_that_has_a_record_is_refused_with_a_form_error(client, staff, document,
                                                                                             corpus_dir):
    (path,) = corpus_dir.glob("unxml-ga-resolutions/78session/English/A_RES_78_196-*.xml")
    other = ingest_file(path.read_bytes(), path.name).document
    assert VoteRecord.objects.filter(symbol_key=other.symbol_key).exists()   # the vote its AKN file carries
    record = _vote_for(document)
    url = reverse("admin:votes_voterecord_change", args=[record.pk])
    data = form_data(client.get(url))
    data["symbol"] = other.symbol.lower()
    response = client.post(url, data)
    assert response.status_code == 200 and "Another vote record has this symbol" in response.content.decode()
    record.refresh_from_db()
    assert record.document_id == document.pk
