"""Agreed language and comparison within one language: a pasted French paragraph is looked up among French texts,
a Chinese one among Chinese texts, English among English main texts, and two documents are compared in a language
they share, never one language against another; on the real six-language files of the corpus."""
from __future__ import annotations

import pytest

from resolutions.lineage import selectors
from resolutions.models import Document, Paragraph, VersionParagraph
from tests.language_files import ingest, language_files, xml_paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def six_languages(corpus_dir):
    files = language_files(corpus_dir, "A/RES/80/1")
    for path in files.values():
        assert ingest(path).status == "parsed"
    return files


@pytest.mark.parametrize("language", ["fr", "es", "ru", "ar", "zh"])
def test_a_pasted_paragraph_finds_its_own_language_version_and_only_that_language(six_languages, language):
    pasted = xml_paragraphs(six_languages[language])["2"]
    results = selectors.agreed_language(pasted)
    assert results, language
    best = results[0]
    assert best.language == language and isinstance(best.paragraph, VersionParagraph)
    assert best.paragraph.anchor == "op2" and best.paragraph.version.language == language
    assert best.similarity > 0.9
    assert all(r.language == language and r.paragraph.version.language == language for r in results)


def test_a_pasted_english_paragraph_finds_english_main_texts_only(six_languages):
    pasted = xml_paragraphs(six_languages["en"])["2"]
    results = selectors.agreed_language(pasted)
    assert results[0].paragraph.anchor == "op2" and isinstance(results[0].paragraph, Paragraph)
    assert all(r.language == "" and r.paragraph.document.language == "en" for r in results)


def test_the_language_asked_for_wins_over_the_texts_own(six_languages):
    pasted = xml_paragraphs(six_languages["fr"])["2"]
    results = selectors.agreed_language(pasted, selectors.AgreedLanguageFilters(language="en"))
    assert all(r.language == "" for r in results)
    assert not any(r.similarity > 0.5 for r in results)     # French words are not English wording


def test_two_documents_are_compared_in_a_language_they_share(corpus_dir):
    english = language_files(corpus_dir, "A/RES/80/1")
    other = language_files(corpus_dir, "A/RES/78/220")
    for path in (english["en"], english["fr"], other["fr"]):    # A/RES/78/220 only in French
        assert ingest(path).status == "parsed"
    a, b = Document.objects.get(symbol="A/RES/80/1"), Document.objects.get(symbol="A/RES/78/220")
    assert (a.language, b.language) == ("en", "fr")
    comparison = selectors.compare_documents(a, b)
    french_a = set(xml_paragraphs(english["fr"]).values())
    french_b = set(xml_paragraphs(other["fr"]).values())
    for row in comparison.rows:
        if row.a is not None and row.a.kind == "operative" and not row.a.parent_id:
            assert " ".join(row.a.text.split())[:30] in {t[:30] for t in french_a}
        if row.b is not None and row.b.kind == "operative" and not row.b.parent_id:
            assert " ".join(row.b.text.split())[:30] in {t[:30] for t in french_b}
    assert comparison.rows and all(isinstance(row.a, VersionParagraph) for row in comparison.rows if row.a)


def test_documents_sharing_no_language_are_not_compared(corpus_dir):
    english = language_files(corpus_dir, "A/RES/80/1")
    other = language_files(corpus_dir, "A/RES/78/220")
    ingest(english["en"])
    ingest(other["ru"])
    a, b = Document.objects.get(symbol="A/RES/80/1"), Document.objects.get(symbol="A/RES/78/220")
    comparison = selectors.compare_documents(a, b)
    assert comparison.rows == [] and "share no language" in comparison.notes[0]
