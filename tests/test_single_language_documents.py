"""A document the archive holds in one language other than English (no English text at all) is indexed with its own
language's text search configuration: ingested alone, a query stemmed as that language finds it.

Real files of the corpus, each ingested alone: A/RES/80/1 in French and A/RES/78/220 in Spanish (the UN's AKN). The
words are read from the UN's XML: a form the text never prints typed (a French feminine plural, a Spanish singular), the form it prints
expected, joined only by that language's stemmer.
"""
from __future__ import annotations

import re

import pytest
from django.db import connection

from resolutions import search
from resolutions.models import Document
from tests.language_files import ingest, language_files, xml_texts

pytestmark = pytest.mark.django_db

# (symbol, language, configuration, typed, printed)
CASES = [
    ("A/RES/80/1", "fr", "french", "générales", "générale"),
    ("A/RES/78/220", "es", "spanish", "ejecución", "ejecuciones"),
]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _joined_by(config: str, typed: str, printed: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector(%s::regconfig, %s) @@ plainto_tsquery(%s::regconfig, %s)",
                       [config, printed, config, typed])
        return cursor.fetchone()[0]


@pytest.mark.parametrize("symbol,language,config,typed,printed", CASES)
def test_a_document_in_one_other_language_is_found_by_a_query_stemmed_in_that_language(
        corpus_dir, symbol, language, config, typed, printed):
    path = language_files(corpus_dir, symbol)[language]
    source = xml_texts(path)
    assert any(printed in _words(text) for text in source)
    assert not any(typed in _words(text) for text in source)      # the typed form is never printed
    assert _joined_by(config, typed, printed)                     # the language's stemmer joins them
    assert ingest(path).status == "parsed"
    document = Document.objects.get()
    assert (document.symbol, document.language) == (symbol, language)
    assert not document.language_versions.filter(language="en").exists()

    found = search.read_search({"q": typed, "language": language}).run()
    assert [hit.document.pk for hit in found.hits] == [document.pk]
    paragraphs = search.read_search({"q": typed, "language": language, "mode": "paragraphs"}).run()
    texts = [hit.paragraph.text for hit in paragraphs.hits]
    assert texts and all(typed not in _words(text) for text in texts)
    assert any(printed in _words(text) for text in texts)
    # its stored rows carry the language's stems: the paragraphs' vectors and the document's
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM resolutions_versionparagraph WHERE document_id = %s "
                       "AND search_vector @@ plainto_tsquery(%s::regconfig, %s)", [document.pk, config, typed])
        assert cursor.fetchone()[0] == len(texts)
        cursor.execute("SELECT search_vector @@ plainto_tsquery(%s::regconfig, %s) FROM resolutions_document "
                       "WHERE id = %s", [config, typed, document.pk])
        assert cursor.fetchone()[0]
