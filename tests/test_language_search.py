"""Search in each language: a French, Spanish, Russian or Arabic query is read with its language's stemmer and finds
that language's version (a plural finds the singular), a Chinese two-character word finds the Chinese version, and
the Language facet counts the documents in each language; on the real six-language files of the corpus."""
from __future__ import annotations

import re

import pytest

from resolutions import search
from tests.language_files import language_files, xml_texts
from tests.seeded_archive import clear_archive

SYMBOLS = ("A/RES/80/1", "A/RES/78/220")
# A plural typed, the singular printed (or the article and a prefix, for Arabic), as the stemmer of each language
# should join them.  Each pair is checked against the UN's XML below before the search is.
STEMMED = [
    ("fr", "résolutions", "résolution"),
    ("es", "resoluciones", "resolución"),
    ("ru", "правительства", "правительство"),
    ("ar", "الحكومات", "حكومة"),
]


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, corpus_dir):
    files = {symbol: language_files(corpus_dir, symbol) for symbol in SYMBOLS}
    from tests.language_files import ingest
    with django_db_blocker.unblock():
        clear_archive()
        for by_language in files.values():
            for path in by_language.values():
                assert ingest(path).status == "parsed"
    yield files
    with django_db_blocker.unblock():
        clear_archive()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def run(**params):
    return search.read_search(params).run()


@pytest.mark.parametrize("language,typed,printed", STEMMED)
def test_a_plural_typed_in_a_language_finds_the_singular_printed_in_that_languages_version(archive, db, language,
                                                                                           typed, printed):
    source = [text for by_language in archive.values() for text in xml_texts(by_language[language])]
    only_singular = [t for t in source if printed.lower() in _words(t) and typed.lower() not in _words(t)]
    assert only_singular, f"the XML prints {printed!r} without {typed!r} somewhere"
    result = run(q=typed, language=language, mode="paragraphs")
    assert result.hits and all(hit.language == language for hit in result.hits)
    texts = [hit.paragraph.text for hit in result.hits]
    assert any(printed.lower() in _words(t) and typed.lower() not in _words(t) for t in texts)
    assert all(hit.paragraph.version.language == language for hit in result.hits)


@pytest.mark.parametrize("language,typed,printed", STEMMED)
def test_documents_found_in_a_language_show_snippets_and_titles_of_that_language(archive, db, language, typed,
                                                                                printed):
    result = run(q=typed, language=language)
    assert result.total >= 1
    for hit in result.hits:
        assert hit.snippets and all(snippet.language == language for snippet in hit.snippets)
        marked = " ".join(snippet.text for snippet in hit.snippets)
        assert "\ue000" in marked


def test_the_english_search_reads_the_main_text_only(archive, db):
    result = run(q="résolutions", language="en", mode="paragraphs")
    assert all(hit.language == "" and hit.paragraph._meta.model_name == "paragraph" for hit in result.hits)
    assert not any("résolution" in hit.paragraph.text for hit in result.hits)


def test_a_two_character_chinese_word_finds_every_chinese_paragraph_printing_it(archive, db):
    word = "人权"     # human rights: A/RES/78/220 is on the situation of human rights in Iran
    printed = [t for t in xml_texts(archive["A/RES/78/220"]["zh"]) if word in t]
    assert len(printed) >= 5
    result = search.read_search({"q": word, "language": "zh", "mode": "paragraphs"}).run(
        search.DEFAULT_LIMITS.with_page_size(100))
    found = [hit.paragraph.text for hit in result.hits]
    assert all(word in text for text in found)
    assert result.total >= len(printed) - 1  # a sub-paragraph's text and its intro are one XML <p> apart at most
    assert all(hit.language == "zh" for hit in result.hits)
    # PostgreSQL cannot mark Chinese words: the search marks them itself, the word and nothing else.
    assert all(f"\ue000{word}\ue001" in hit.text for hit in result.hits)
    documents = run(q=word, language="zh")
    assert all(f"\ue000{word}\ue001" in s.text for hit in documents.hits for s in hit.snippets)


def test_a_chinese_word_inside_a_longer_one_is_found_and_another_word_is_not_confused_with_it(archive, db):
    # 理事会 (council) is inside 人权理事会 (Human Rights Council) in A/RES/78/220: segmentation for search indexes
    # both; 权理 straddles two words and is no word at all, though its characters follow each other in the text.
    texts = xml_texts(archive["A/RES/78/220"]["zh"])
    assert any("人权理事会" in t for t in texts)
    found = run(q="理事会", language="zh", mode="paragraphs")
    assert found.total >= 1 and all("理事会" in hit.paragraph.text for hit in found.hits)
    assert run(q="人权理事会", language="zh", mode="paragraphs").total >= 1
    assert run(q="权理", language="zh", mode="paragraphs").total == 0


def test_the_language_facet_counts_documents_in_each_language(archive, db):
    result = run(q="", language="fr")
    facet = next(f for f in result.facets if f.name == "language")
    counts = {value.value: value.count for value in facet.values}
    assert counts == {code: 2 for code in ("ar", "zh", "en", "fr", "ru", "es")}
    assert next(v for v in facet.values if v.value == "fr").selected
    assert {v.value: v.label for v in facet.values}["zh"] == "Chinese"


def test_an_unknown_language_is_named_as_ignored(archive, db):
    request = search.read_search({"q": "droits", "language": "xx"})
    assert request.invalid == ["language"]
    assert request.query.language == ""


def test_the_search_page_and_api_link_a_french_hit_to_the_french_page_at_its_paragraph(archive, db, client):
    page = client.get("/search/", {"q": "résolutions", "language": "fr", "mode": "paragraphs"}).content.decode()
    assert re.search(r'href="/A/RES/80/1/\?lang=fr#(pp|op)\d+', page)
    assert 'lang="fr"' in page
    data = client.get("/api/search/", {"q": "résolutions", "language": "fr", "mode": "paragraphs"}).json()
    assert data["total"] >= 1
    assert all("résolu" in p["text"].lower() for p in data["paragraphs"])


def test_paragraph_filters_read_from_the_main_text_apply_to_a_version_at_the_same_anchor(archive, db, client):
    # Addressees and actions are read from the main (English) text; a French paragraph is operative 3 as the English
    # one is, so 'what it does' filters the French rows through the English paragraph at the same anchor.
    english = {p.anchor for p in search.read_search({"action": "requests", "mode": "paragraphs"}).run(
        search.DEFAULT_LIMITS.with_page_size(100)).hits}
    french = search.read_search({"action": "requests", "language": "fr", "mode": "paragraphs"}).run(
        search.DEFAULT_LIMITS.with_page_size(100))
    assert english and {hit.anchor for hit in french.hits} == english
    assert all(hit.language == "fr" for hit in french.hits)
    facet = next(f for f in french.facets if f.name == "action")
    assert {v.value: v.count for v in facet.values}["requests"] == len(english)
    assert client.get("/api/search/", {"addressee": "Secretary-General", "language": "fr",
                                       "mode": "paragraphs"}).status_code == 200


def test_the_api_and_its_export_say_which_language_a_paragraph_hit_is_in_and_link_to_that_page(archive, db, client):
    data = client.get("/api/search/", {"q": "resoluciones", "language": "es", "mode": "paragraphs"}).json()
    assert data["paragraphs"] and all(p["language"] == "es" for p in data["paragraphs"])
    csv = client.get("/api/search/export.csv", {"q": "resoluciones", "language": "es", "mode": "paragraphs"})
    lines = b"".join(csv.streaming_content).decode().splitlines()[1:]
    assert lines and all("?lang=es#" in line for line in lines)
