"""Staff correct a language version in the admin: on the version's page (its paragraphs and footnotes inline) and on
a version paragraph's own page. The correction is indexed again in the version's language (a French word staff write
is found by a French search, stemmed as French), its similarity bands are those of the corrected text, and the
document's follow-up runs (``document_changed``): the public's cached page in that language shows the correction.

Real files: A/RES/80/1 in English and in French (the UN's AKN); operative 3 of the French text is read from the XML.
"""
import pytest
from django.test import Client
from django.urls import reverse

from resolutions import search
from resolutions.languages.models import LanguageVersion, VersionParagraph
from resolutions.languages.segmentation import comparable_text
from resolutions.lineage.similarity import band_hashes_many
from tests.language_files import ingest, language_files, xml_paragraphs

from .test_admin_upload import form_data, post_paragraph_text, staff  # noqa: F401  (the staff fixture logs a superuser in)

pytestmark = pytest.mark.django_db

# A French word no file of the corpus prints, written by staff in its plural; searched in its singular.
WRITTEN, SEARCHED = "zanzibariennes", "zanzibarienne"


@pytest.fixture
def french(corpus_dir):
    files = language_files(corpus_dir, "A/RES/80/1")
    for language in ("en", "fr"):
        assert ingest(files[language]).status == "parsed"
    version = LanguageVersion.objects.get(language="fr")
    paragraph = version.paragraphs.get(anchor="op3")
    printed = xml_paragraphs(files["fr"])["3"]
    assert " ".join(paragraph.text.split()).startswith(printed[:60])   # the row is the XML's operative 3
    return version, paragraph


def _found(mode="documents"):
    return search.read_search({"q": SEARCHED, "language": "fr", "mode": mode}).run()


def _public_page(document) -> str:
    return Client().get(document.get_absolute_url() + "?lang=fr").content.decode()


def _bands_follow_the_text(paragraph):
    paragraph.refresh_from_db()
    (expected,) = band_hashes_many([comparable_text(paragraph.text, "fr")])
    assert list(paragraph.lsh_bands) == list(expected)


def test_correcting_a_paragraph_on_the_versions_page_reindexes_it_in_french_and_changes_the_page(client, staff,
                                                                                                 french):
    version, paragraph = french
    before_bands = list(paragraph.lsh_bands)
    assert WRITTEN not in _public_page(version.document)        # built now, kept by the page cache
    assert not _found().hits

    url = reverse("admin:resolutions_languageversion_change", args=[version.pk])
    post_paragraph_text(client, url, paragraph.text, f"{paragraph.text} Les délégations {WRITTEN} y souscrivent.")

    assert [hit.document.pk for hit in _found().hits] == [version.document_id]
    assert [hit.paragraph.anchor for hit in _found("paragraphs").hits] == ["op3"]
    assert f"Les délégations {WRITTEN} y souscrivent." in _public_page(version.document)
    _bands_follow_the_text(paragraph)
    assert list(paragraph.lsh_bands) != before_bands


def test_correcting_a_version_paragraph_on_its_own_page_reindexes_it_in_french_and_changes_the_page(client, staff,
                                                                                                   french):
    version, paragraph = french
    assert WRITTEN not in _public_page(version.document)

    url = reverse("admin:resolutions_versionparagraph_change", args=[paragraph.pk])
    data = form_data(client.get(url))
    assert data["text"] == paragraph.text
    data["text"] = f"Les mesures {WRITTEN} sont prises."
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response

    assert [hit.paragraph.anchor for hit in _found("paragraphs").hits] == ["op3"]
    assert f"Les mesures {WRITTEN} sont prises." in _public_page(version.document)
    _bands_follow_the_text(paragraph)
    # the English main text is untouched
    assert WRITTEN not in Client().get(version.document.get_absolute_url()).content.decode()


def test_deleting_a_version_paragraph_on_its_own_page_takes_its_words_out_of_the_french_search(client, staff, french):
    version, paragraph = french
    first_words = " ".join(paragraph.text.split()[1:4])
    assert "op3" in [hit.paragraph.anchor for hit in search.read_search(
        {"q": f'"{first_words}"', "language": "fr", "mode": "paragraphs"}).run().hits]
    response = client.post(reverse("admin:resolutions_versionparagraph_delete", args=[paragraph.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not VersionParagraph.objects.filter(pk=paragraph.pk).exists()
    assert "op3" not in [hit.paragraph.anchor for hit in search.read_search(
        {"q": f'"{first_words}"', "language": "fr", "mode": "paragraphs"}).run().hits]
