"""One document, several language versions: the UN's files of a resolution in its six languages become one document
whose main text is English and whose other languages are versions, on the real AKN files of the corpus."""
from __future__ import annotations

import pytest

from resolutions.languages.models import LanguageVersion, VersionParagraph
from resolutions.models import Document, Paragraph, SourceFile
from tests.language_files import ingest, language_files, xml_paragraphs, xml_title

pytestmark = pytest.mark.django_db

SIX = ["ar", "en", "es", "fr", "ru", "zh"]


def test_the_six_language_files_of_a_resolution_become_one_document_with_five_versions_besides_english(corpus_dir):
    files = language_files(corpus_dir, "A/RES/80/1")
    assert sorted(files) == SIX
    for language in ["fr", "zh", "en", "ar", "ru", "es"]:          # English neither first nor last
        outcome = ingest(files[language])
        assert outcome.status == "parsed", outcome.message
    document = Document.objects.get()
    assert document.symbol == "A/RES/80/1"
    assert document.language == "en"
    assert sorted(document.language_versions.values_list("language", flat=True)) == ["ar", "es", "fr", "ru", "zh"]
    assert SourceFile.objects.filter(document=document).count() == 6


def test_the_main_text_is_the_english_xml_and_each_version_is_its_own_languages_xml(corpus_dir):
    files = language_files(corpus_dir, "A/RES/80/1")
    for language in ["fr", "en", "zh", "ar", "ru", "es"]:
        ingest(files[language])
    document = Document.objects.get()
    english = xml_paragraphs(files["en"])
    main = {p.number: p.text for p in Paragraph.objects.filter(document=document, parent=None, kind="operative")}
    assert english and set(main) == set(english)
    for number, text in english.items():
        assert " ".join(main[number].split()).startswith(text[:40]), number
    for language in ["fr", "zh", "ar", "ru", "es"]:
        version = document.language_versions.get(language=language)
        assert version.source_file.original_name == files[language].name
        assert version.title == xml_title(files[language])
        printed = xml_paragraphs(files[language])
        stored = {p.number: p.text for p in version.paragraphs.filter(parent=None, kind="operative")}
        assert set(stored) == set(printed), language
        for number, text in printed.items():
            # The lead's italics and the paragraph's words as the XML prints them, in this language.
            assert " ".join(stored[number].split())[:30] == text[:30], (language, number)


def test_a_file_in_another_language_never_replaces_the_english_text(corpus_dir):
    files = language_files(corpus_dir, "A/RES/78/220")
    ingest(files["en"])
    document = Document.objects.get()
    before = list(Paragraph.objects.filter(document=document).order_by("order").values_list("pk", "text"))
    title = document.title
    outcome = ingest(files["fr"])
    assert outcome.status == "parsed" and not outcome.created and outcome.document == document
    assert list(Paragraph.objects.filter(document=document).order_by("order").values_list("pk", "text")) == before
    document.refresh_from_db()
    assert document.title == title and document.language == "en"
    assert document.language_versions.get().language == "fr"


def test_english_arriving_after_french_takes_over_the_main_text_and_french_stays_a_version(corpus_dir):
    files = language_files(corpus_dir, "A/RES/78/220")
    ingest(files["fr"])
    document = Document.objects.get()
    assert document.language == "fr"
    french_first = xml_paragraphs(files["fr"])["1"][:30]
    assert Paragraph.objects.get(document=document, kind="operative", number="1", parent=None).text[:30] == french_first
    ingest(files["en"])
    document.refresh_from_db()
    assert document.language == "en"
    assert Paragraph.objects.get(document=document, kind="operative", number="1", parent=None).text[:30] == \
        xml_paragraphs(files["en"])["1"][:30]
    french = document.language_versions.get(language="fr")
    assert french.paragraphs.get(number="1", parent=None).text[:30] == french_first


def test_operative_3_has_the_anchor_op3_in_every_language(corpus_dir):
    files = language_files(corpus_dir, "A/RES/78/220")
    for path in files.values():
        ingest(path)
    document = Document.objects.get()
    main = list(Paragraph.objects.filter(document=document).order_by("order").values_list("anchor", flat=True))
    assert "op3" in main and "pp1" in main
    for version in document.language_versions.all():
        anchors = list(version.paragraphs.order_by("order").values_list("anchor", flat=True))
        assert anchors == main, version.language


def test_the_security_councils_seven_files_are_one_document_german_included(corpus_dir):
    files = language_files(corpus_dir, "S/RES/2643")
    assert sorted(files) == sorted(SIX + ["de"])
    for path in files.values():
        assert ingest(path).status == "parsed"
    document = Document.objects.get()
    assert document.language == "en"
    assert sorted(document.language_versions.values_list("language", flat=True)) == ["ar", "de", "es", "fr", "ru",
                                                                                     "zh"]


def test_the_same_french_file_again_is_a_duplicate_and_a_corrected_one_replaces_only_the_french_version(corpus_dir):
    files = language_files(corpus_dir, "A/RES/80/1")
    ingest(files["en"])
    ingest(files["fr"])
    assert ingest(files["fr"]).status == "duplicate"
    version = LanguageVersion.objects.get(language="fr")
    rows = VersionParagraph.objects.filter(version=version).count()
    corrected = files["fr"].read_bytes().replace("Décide également".encode(), "Décide encore".encode())
    from resolutions.services.ingestion.ingest import ingest_file
    assert ingest_file(corrected, "A_RES_80_1-corrected-F.xml").status == "parsed"
    version.refresh_from_db()
    assert VersionParagraph.objects.filter(version=version).count() == rows
    assert version.paragraphs.filter(text__startswith="Décide encore").exists()
    assert LanguageVersion.objects.count() == 1 and Document.objects.count() == 1


def test_reparse_keeps_the_english_main_text_and_every_version_and_a_second_run_changes_nothing(corpus_dir):
    from io import StringIO

    from django.core.management import call_command
    files = language_files(corpus_dir, "A/RES/80/1")
    for language in ["zh", "fr", "en", "ar", "ru", "es"]:
        ingest(files[language])
    document = Document.objects.get()
    before = {v.language: list(v.paragraphs.order_by("order").values_list("anchor", "text"))
              for v in document.language_versions.all()}
    call_command("reparse", "--all", "--no-progress", stdout=StringIO(), stderr=StringIO())
    document.refresh_from_db()
    assert document.language == "en"
    after = {v.language: list(v.paragraphs.order_by("order").values_list("anchor", "text"))
             for v in document.language_versions.all()}
    assert after == before
    out = StringIO()
    call_command("reparse", "--all", "--no-progress", stdout=out, stderr=StringIO())
    assert "0 changed" in out.getvalue()


def test_dump_then_load_then_dump_keeps_every_version_byte_for_byte_and_searchable(corpus_dir, tmp_path):
    from django.core.management import call_command
    from django.db import connection

    from resolutions import search
    files = language_files(corpus_dir, "A/RES/80/1")
    for path in files.values():
        ingest(path)
    document = Document.objects.get()
    vector = document.search_vector
    first, second = tmp_path / "first", tmp_path / "second"
    call_command("dump_archive", str(first), "--no-progress")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", "--no-input")
    assert not LanguageVersion.objects.exists()
    call_command("load_archive", str(first / "documents.jsonl"), "--no-progress")
    call_command("dump_archive", str(second), "--no-progress")
    assert (first / "documents.jsonl").read_bytes() == (second / "documents.jsonl").read_bytes()
    document = Document.objects.get()
    assert sorted(document.language_versions.values_list("language", flat=True)) == ["ar", "es", "fr", "ru", "zh"]
    assert document.search_vector == vector
    assert search.read_search({"q": "résolutions", "language": "fr", "mode": "paragraphs"}).run().total >= 1
