"""The sponsors of an adopted resolution are those of the draft it was adopted from, read through the link.

The draft is seed 002, A/C.3/61/L.7/Rev.1 as the UN printed it: its masthead names 21 sponsors ("Angola, Belarus,
..., Uzbekistan and Viet Nam: resolution adopted by the Third Committee"). The General Assembly adopted it as
A/RES/61/180 (seed 000 recalls "its resolution 61/180 of 20 December 2006 on improving the coordination of efforts
against trafficking in persons"); that resolution is not in the corpus, so it is stood in for, as in
tests/test_lineage.py, by 002's own text under the resolution's symbol and without the sponsors' line, which an
adopted resolution does not print.
"""
import re

import pytest

from resolutions.models import Document, DocumentLink
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
    assert "A/RES/61/180" in client.get("/api/member-states/angola/").content.decode()


def test_without_the_link_the_resolution_names_no_sponsors():
    draft, resolution = _draft(), _resolution()
    DocumentLink.objects.filter(source=resolution, target=draft).delete()
    page = document_page(resolution.pk)
    assert page.sponsorships == [] and page.draft_sponsors is None
    assert [d.symbol for d in state_page("angola")["documents"]] == ["A/C.3/61/L.7/Rev.1"]
