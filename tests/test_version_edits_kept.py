"""Staff corrections of a language version survive a later file in that language, as a document's own corrections
do: the same file uploaded again, or a corrected file of the same symbol in that language, leaves the corrected
version as staff made it (the upload kept, parsed and linked, with a warning staff see in the admin) until staff
discard their edits; then the file's text replaces the correction.

Real files: A/RES/80/1 in English and French (the UN's AKN); operative 3 of the French text is read from the XML. A
"corrected file" is the French XML with one word of operative 1 changed, as a re-issued file would differ.
"""
import pytest
from django.core.management import call_command
from django.db import connection
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resolutions.languages.edits import save_version_paragraph_edit
from resolutions.languages.models import LanguageVersion, VersionParagraph
from resolutions.models import SourceFile
from resolutions.services.ingestion.ingest import ingest_file
from resolutions.services.ingestion.reparse import reparse_document
from tests.language_files import ingest, language_files, xml_paragraphs

from .test_admin_upload import IMMEDIATE, form_data, staff  # noqa: F401  (staff logs a superuser in)

pytestmark = pytest.mark.django_db

CORRECTED = "Prie le Secrétaire général de faire ce que le personnel a écrit."
# In operative 1 of the French A/RES/80/1 (read from the file): a re-issued file with a word changed there.
PRINTED, REISSUED = "de précédent pour les futurs débats", "de précédent pour les prochains débats"


@pytest.fixture
def french(corpus_dir):
    files = language_files(corpus_dir, "A/RES/80/1")
    assert ingest(files["en"]).status == "parsed"
    assert ingest(files["fr"]).status == "parsed"
    version = LanguageVersion.objects.get(language="fr")
    assert not version.edited
    return files["fr"], version


def _reissued(path) -> bytes:
    data = path.read_bytes()
    assert data.count(PRINTED.encode()) == 1
    return data.replace(PRINTED.encode(), REISSUED.encode())


def _op(version, anchor="op3") -> str:
    return VersionParagraph.objects.get(version=version, anchor=anchor).text


def _correct_op3_in_the_admin(client, version):
    paragraph = version.paragraphs.get(anchor="op3")
    url = reverse("admin:resolutions_versionparagraph_change", args=[paragraph.pk])
    data = form_data(client.get(url))
    data["text"] = CORRECTED
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    version.refresh_from_db()
    paragraph.refresh_from_db()
    assert version.edited and paragraph.edited and paragraph.text == CORRECTED


def test_a_french_version_corrected_in_the_admin_keeps_the_correction_when_its_file_comes_again(client, staff, french):
    path, version = french
    _correct_op3_in_the_admin(client, version)

    again = ingest(path)                                   # the same bytes: nothing is written
    assert again.status == "duplicate"
    assert _op(version) == CORRECTED

    reissued = ingest_file(_reissued(path), path.name)     # a later file of A/RES/80/1 in French
    assert reissued.status == "parsed" and reissued.document == version.document
    assert "not applied" in reissued.message and "French version of A/RES/80/1" in reissued.message
    assert any("staff edited the French version" in w for w in SourceFile.objects.get(pk=reissued.source_file.pk).warnings)
    assert _op(version) == CORRECTED
    assert REISSUED not in _op(version, "op1") and PRINTED in _op(version, "op1")    # nothing of its parse applied
    version.refresh_from_db()
    assert version.edited and LanguageVersion.objects.filter(document=version.document).count() == 1


def test_discarding_edits_replaces_the_corrected_french_version_with_the_files_text(client, staff, french):
    path, version = french
    _correct_op3_in_the_admin(client, version)
    printed = xml_paragraphs(path)["3"]

    outcome = ingest_file(path.read_bytes(), path.name, discard_edits=True)   # the same file, edits discarded
    assert outcome.status == "parsed"
    version = LanguageVersion.objects.get(document=version.document, language="fr")
    assert not version.edited
    assert " ".join(_op(version).split()).startswith(printed[:60]) and CORRECTED not in _op(version)
    assert not version.paragraphs.filter(edited=True).exists()

    save_version_paragraph_edit(_edited(version))
    outcome = ingest_file(_reissued(path), path.name, discard_edits=True)    # a re-issued file, edits discarded
    assert outcome.status == "parsed" and "not applied" not in outcome.message
    assert REISSUED in _op(version, "op1") and " ".join(_op(version).split()).startswith(printed[:60])


def _edited(version, anchor="op3") -> VersionParagraph:
    paragraph = version.paragraphs.get(anchor=anchor)
    paragraph.text = CORRECTED
    return paragraph


def test_the_admin_upload_warns_staff_that_their_french_corrections_were_kept(client, staff, french, settings):
    settings.TASKS = IMMEDIATE
    path, version = french
    _correct_op3_in_the_admin(client, version)
    upload = SimpleUploadedFile(path.name, _reissued(path), content_type="application/xml")
    page = client.post(reverse("admin:resolutions_sourcefile_upload"), {"files": upload}, follow=True)
    text = page.content.decode()
    assert page.status_code == 200 and "1 parsed" in text
    assert "not applied: staff edited the French version of A/RES/80/1" in text
    assert _op(version) == CORRECTED
    listing = client.get(reverse("admin:resolutions_languageversion_changelist") + "?edited__exact=1").content.decode()
    assert "A/RES/80/1 (fr)" in listing


def test_an_english_file_again_replaces_the_main_text_and_leaves_the_corrected_french_version(client, staff, corpus_dir,
                                                                                              french):
    path, version = french
    _correct_op3_in_the_admin(client, version)
    english = language_files(corpus_dir, "A/RES/80/1")["en"]
    data = english.read_bytes()
    assert data.count(b"</akomaNtoso>") == 1
    outcome = ingest_file(data.replace(b"</akomaNtoso>", b"</akomaNtoso>\n\n"), english.name)   # re-issued bytes
    assert outcome.status == "parsed" and "replaced the earlier parse" in outcome.message
    assert _op(version) == CORRECTED


def test_a_corrected_version_is_kept_by_reparse_and_by_dump_and_load(french, tmp_path):
    path, version = french
    save_version_paragraph_edit(_edited(version))
    assert ingest_file(_reissued(path), path.name).status == "parsed"
    reparse_document(version.document)
    assert _op(LanguageVersion.objects.get(language="fr")) == CORRECTED

    call_command("dump_archive", str(tmp_path), "--no-progress")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", "--no-input")
    call_command("load_archive", str(tmp_path / "documents.jsonl"), "--no-progress")
    version = LanguageVersion.objects.get(language="fr")
    assert version.edited and _op(version) == CORRECTED
    assert VersionParagraph.objects.get(version=version, anchor="op3").edited
    reissued = ingest_file(_reissued(path), path.name)      # recorded again by the load: a duplicate, or kept
    assert reissued.status in ("duplicate", "parsed") and _op(version) == CORRECTED


def test_a_document_held_in_french_only_keeps_its_corrected_version_when_the_french_file_comes_again(corpus_dir):
    path = language_files(corpus_dir, "A/RES/80/5")["fr"]      # its one operative paragraph, then an annex
    first = ingest(path)
    assert first.status == "parsed" and first.document.language == "fr"
    version = LanguageVersion.objects.get(document=first.document, language="fr")
    save_version_paragraph_edit(_edited(version, "op1"))
    version.refresh_from_db()
    assert version.edited

    data = path.read_bytes()
    outcome = ingest_file(data.replace(b"</akomaNtoso>", b"</akomaNtoso>\n\n"), path.name)
    assert outcome.status == "parsed" and "not applied" in outcome.message
    assert _op(version, "op1") == CORRECTED
    assert ingest_file(data, path.name, discard_edits=True).status == "parsed"
    assert _op(version, "op1") != CORRECTED
