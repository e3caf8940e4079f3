"""The search page links its results as CSV and JSON and the API's documentation; paragraph-mode snippets show
'…' where the paragraph was cut."""
import re
from html import unescape

import pytest
from django.urls import reverse

from tests.citation_archive import citation_archive  # noqa: F401  (module-scoped fixture)

SEARCH = reverse("resolutions:search")


@pytest.fixture
def archive(citation_archive, db):  # noqa: F811
    return citation_archive


def test_the_page_links_its_results_as_csv_and_json_and_the_api_documentation(archive, client):
    response = client.get(SEARCH, {"q": "trafficking", "session": "80"})
    html = response.content.decode()
    links = {fmt: unescape(re.search(rf'href="([^"]*/api/search/export\.{fmt}[^"]*)"', html).group(1))
             for fmt in ("csv", "json")}
    assert 'href="/api/docs/"' in html
    shown = {hit.document.get_absolute_url() for hit in response.context["result"].hits}
    for fmt, url in links.items():
        assert "q=trafficking" in url and "session=80" in url
        exported = client.get(url)
        assert exported.status_code == 200, fmt
        body = b"".join(exported.streaming_content).decode()
        assert {u for u in shown if u in body} == shown, fmt


def test_the_export_of_a_citation_lists_the_documents_citing_it(archive, client):
    page = client.get(SEARCH, {"q": "A/RES/61/180"}).context["result"]
    body = b"".join(client.get("/api/search/export.json", {"q": "A/RES/61/180"}).streaming_content).decode()
    assert sorted(re.findall(r'"id": (\d+)', body)) == sorted(str(hit.document.pk) for hit in page.hits)


def long_paragraph_and_a_word_in_its_middle(archive):
    """From the source files: a paragraph of 100 words or more and a word printed only there, 45 words or more from
    either end (a snippet holds at most 40)."""
    everything = " ".join(item.text for item in archive.values()).lower()
    for name, item in sorted(archive.items()):
        if not name.endswith((".md", ".txt")):
            continue
        for line in item.text.splitlines():
            words = line.split()
            for word in words[45:-45]:
                bare = re.sub(r"\W", "", word).lower()
                # Its first six letters printed nowhere else: no other word shares its stem.
                if len(bare) >= 7 and bare.isalpha() and len(re.findall(rf"\b{bare[:6]}", everything)) == 1:
                    return words, bare
    raise AssertionError("the corpus files of tests/citation_archive.py hold such a paragraph")


def test_a_paragraph_cut_on_both_sides_shows_where(archive, client):
    words, word = long_paragraph_and_a_word_in_its_middle(archive)
    result = client.get(SEARCH, {"q": word, "mode": "paragraphs"}).context["result"]
    assert result.total == 1
    text = result.hits[0].text
    assert text.startswith("… ") and text.endswith(" …"), text
    shown = text.replace("\ue000", "").replace("\ue001", "").strip("… ").split()
    plain = " ".join(words)
    assert " ".join(shown) in plain and len(shown) < len(words)
