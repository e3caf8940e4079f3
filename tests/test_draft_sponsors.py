"""The sponsors of an adopted resolution are those of the draft it was adopted from, read through the link.

The draft is seed 002, A/C.3/61/L.7/Rev.1 as the UN printed it: its masthead names 21 sponsors ("Angola, Belarus,
..., Uzbekistan and Viet Nam: resolution adopted by the Third Committee"). The General Assembly adopted it as
A/RES/61/180 (seed 000 recalls "its resolution 61/180 of 20 December 2006 on improving the coordination of efforts
against trafficking in persons"); that resolution is not in the corpus, so it is stood in for, as in
tests/test_lineage.py, by 002's own text under the resolution's symbol and without the sponsors' line, which an
adopted resolution does not print. (The corpus holds no real pair of a resolution printing no sponsors and its draft
printing them: its one draft text, A/C.3/78/L.41, is an extraction without the masthead, and its resolution
A/RES/78/220 names the sponsors itself, in its AKN workflow.)

The search's ``sponsor`` filter (document and paragraph mode, the page and the API, whichever side the search reads
first: search/linked.py), its Sponsor facet and the state's Atom feed count the resolution as the state's page does.
The expected documents and paragraphs are read from the seed's text, never from the search.
"""
import re

import pytest

from resolutions.models import Document, DocumentLink, Paragraph
from resolutions.search import linked, read_search
from resolutions.selectors.browse import state_page
from resolutions.selectors.documents import document_page
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import seed_path

pytestmark = pytest.mark.django_db

# The masthead of seed 002, as printed.
SPONSORS_LINE = ("Angola, Belarus, Benin, Cuba, Ecuador, Indonesia, Iran, Kyrgyzstan, Lebanon, Liberia, Libya, Mexico, "
                 "Nigeria, Philippines, Russian Federation, Senegal, Sierra Leone, Tajikistan, Thailand, Uzbekistan and "
                 "Viet Nam")
PRINTED = SPONSORS_LINE.replace(" and ", ", ").split(", ")


def _draft():
    outcome = ingest_file(seed_path("002").read_bytes(), seed_path("002").name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _resolution():
    text = seed_path("002").read_text(encoding="utf-8")
    assert SPONSORS_LINE in text
    line = next(line for line in text.splitlines() if line.startswith(SPONSORS_LINE))
    text = text.replace(line + "\n", "").replace("A/C.3/61/L.7/Rev.1", "A/RES/61/180")
    outcome = ingest_file(text.encode("utf-8"), "A_RES_61_180.txt")
    assert outcome.status == "parsed", outcome.message
    assert not outcome.document.sponsorships.exists()    # the resolution names no sponsors itself
    return outcome.document


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("&#x27;", "'")


def _sponsors_paragraph(html: str) -> str:
    return _text(re.search(r'<p class="sponsors">(.*?)</p>', html, re.S).group(1))


@pytest.mark.parametrize("order", ["draft first", "resolution first"])
def test_the_resolutions_page_shows_the_sponsors_of_the_draft_it_was_adopted_from(client, order):
    if order == "draft first":
        draft, resolution = _draft(), _resolution()
    else:
        resolution = _resolution()
        client.get(resolution.get_absolute_url())    # its page built (and kept by the page cache) before the draft
        draft = _draft()
    assert DocumentLink.objects.filter(source=resolution, target=draft, kind="adopted").exists()
    html = client.get(Document.objects.get(pk=resolution.pk).get_absolute_url()).content.decode()
    assert _sponsors_paragraph(html) == f"Sponsored in draft A/C.3/61/L.7/Rev.1: {SPONSORS_LINE}"
    assert f'href="{draft.get_absolute_url()}"' in html
    assert 'href="/browse/states/iran-islamic-republic-of/" title="Iran (Islamic Republic of)">Iran</a>' in html
    # the draft's own page names them as its own, as printed
    draft_html = client.get(draft.get_absolute_url()).content.decode()
    assert _sponsors_paragraph(draft_html) == f"Sponsors: {SPONSORS_LINE}: resolution adopted by the Third Committee"
    # nothing was copied: the resolution still has no sponsorship rows of its own
    assert not resolution.sponsorships.exists()


def test_a_state_that_sponsored_the_draft_counts_the_resolution_among_its_sponsorships(client):
    draft, resolution = _draft(), _resolution()
    assert len(PRINTED) == 21
    page = client.get("/browse/states/angola/").content.decode()
    assert "Sponsor of 2 documents in the archive." in page
    assert "A/RES/61/180" in page and "A/C.3/61/L.7/Rev.1" in page
    states = _text(client.get("/browse/states/").content.decode())
    # the row: name, sponsored, votes (none stored)
    assert "Angola 2 0" in states and "Viet Nam 2 0" in states
    assert "France 0 0" in states        # not among the draft's sponsors
    detail = client.get("/api/member-states/angola/").json()
    assert "A/RES/61/180" in {d["symbol"] for d in detail["documents"]} and detail["documents_sponsored"] == 2
    listed = {row["slug"]: row["documents_sponsored"] for row in client.get("/api/member-states/").json()["results"]}
    assert listed["angola"] == 2 and listed.get("afghanistan", 0) == 0


def test_without_the_link_the_resolution_names_no_sponsors():
    draft, resolution = _draft(), _resolution()
    DocumentLink.objects.filter(source=resolution, target=draft).delete()
    page = document_page(resolution.pk)
    assert page.sponsorships == [] and page.draft_sponsors is None
    assert [d.symbol for d in state_page("angola")["documents"]] == ["A/C.3/61/L.7/Rev.1"]


# Printed in the title both texts carry ('Improving the coordination of efforts against trafficking in persons').
WORD = "trafficking"


@pytest.fixture(params=["documents first", "words first"])
def plan(request, monkeypatch):
    # search/linked.py reads the filter's documents first when a row test is priced at nothing, the word's first when
    # it is priced at a billion: both orders must find the same documents.
    monkeypatch.setattr(linked, "ROW_TEST_COST", 0 if request.param == "documents first" else 10**9)
    return request.param


def _found(params):
    return read_search({**params, "page_size": "100"}, page_size=True).run()     # every match on the page


def _symbols(result) -> set[str]:
    return {hit.document.symbol for hit in result.hits}


def test_the_sponsor_filter_finds_the_resolution_adopted_from_a_draft_the_state_sponsored(plan):
    draft, resolution = _draft(), _resolution()
    assert "Angola" in PRINTED and "France" not in PRINTED
    both = {"A/C.3/61/L.7/Rev.1", "A/RES/61/180"}
    for params in ({"sponsor": "angola"}, {"sponsor": "angola", "q": WORD}, {"sponsor": "viet-nam", "q": WORD},
                   {"sponsor": "angola", "q": WORD, "sort": "date"}):
        result = _found(params)
        assert _symbols(result) == both and result.total == 2, params
    assert not _found({"sponsor": "france", "q": WORD}).hits
    # The Sponsor facet counts it for each of the draft's states, once.
    facet = next(f for f in _found({"q": WORD}).facets if f.name == "sponsor")
    counts = {value.value: value.count for value in facet.values}     # the first 15 of 21 at 2 each, by name
    assert counts["angola"] == 2 and set(counts.values()) == {2} and "france" not in counts


def test_paragraph_mode_with_the_sponsor_lists_the_resolutions_paragraphs_too():
    draft, resolution = _draft(), _resolution()
    # 'trafficking', 'trafficked', 'traffickers': the English stem 'traffick' ('traffic' is another)
    expected = {p.pk for p in Paragraph.objects.filter(document__in=[draft, resolution])
                if re.search(r"\btraffick", f"{p.lead} {p.text}", re.IGNORECASE)}
    assert {p.document_id for p in Paragraph.objects.filter(pk__in=expected)} == {draft.pk, resolution.pk}
    result = _found({"q": WORD, "mode": "paragraphs", "sponsor": "angola"})
    assert {hit.paragraph.pk for hit in result.hits} == expected and result.total == len(expected)
    assert not _found({"q": WORD, "mode": "paragraphs", "sponsor": "france"}).hits


def test_the_apis_sponsor_filter_finds_the_resolution(client):
    _draft(), _resolution()
    body = client.get("/api/search/", {"sponsor": "angola", "q": WORD}).json()
    assert {hit["document"]["symbol"] for hit in body["documents"]} == {"A/C.3/61/L.7/Rev.1", "A/RES/61/180"}
    body = client.get("/api/search/", {"sponsor": "angola", "q": WORD, "mode": "paragraphs"}).json()
    assert "A/RES/61/180" in {hit["document"]["symbol"] for hit in body["paragraphs"]}
    page = client.get("/search/", {"sponsor": "angola"}).content.decode()
    assert "A/RES/61/180" in page


def test_the_states_feed_holds_the_resolution_adopted_from_its_draft(client):
    draft, resolution = _draft(), _resolution()
    body = client.get("/feeds/states/angola/").content.decode()
    assert resolution.get_absolute_url() in body and draft.get_absolute_url() in body
    assert "Sponsored in draft A/C.3/61/L.7/Rev.1 by Angola." in body
    assert "Sponsored by Angola." in body           # the draft's own entry
    assert resolution.get_absolute_url() not in client.get("/feeds/states/france/").content.decode()


def test_without_the_link_neither_the_search_nor_the_feed_counts_the_resolution(client):
    draft, resolution = _draft(), _resolution()
    DocumentLink.objects.filter(source=resolution, target=draft).delete()
    assert _symbols(_found({"sponsor": "angola", "q": WORD})) == {"A/C.3/61/L.7/Rev.1"}
    assert resolution.get_absolute_url() not in client.get("/feeds/states/angola/").content.decode()
