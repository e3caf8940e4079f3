"""Annexes are parts of the document: stored, shown with anchors of their own, searched, exported and compared.

S/RES/1454 (2002), hand-corrected text: five operative paragraphs, then "Annex A" (the Goods Review List) and
"Annex B" (the revised procedures, numbered 1, 2, ...). Expected values are read from the source text in the test.
"""
import re

import pytest

from resolutions.exports import akn
from resolutions.models import Annex, Paragraph
from resolutions.services.ingestion.ingest import ingest_file

pytestmark = pytest.mark.django_db
GOLD = "cr-unsc-gold/data/res_en_gold/S_RES_1454_2002_EN_GOLD.txt"


@pytest.fixture
def s_res_1454(corpus_dir):
    path = corpus_dir / GOLD
    text = path.read_text(encoding="utf-8")
    document = ingest_file(path.read_bytes(), path.name).document
    return document, text


def _annex_b_paragraph(text: str, number: int) -> str:
    """The opening words of Annex B's paragraph ``number``, as printed in the source."""
    annex_b = text.split("\nAnnex B", 1)[1]
    match = re.search(rf"^{number}\. (.+)$", annex_b, re.MULTILINE)
    return " ".join(match.group(1).split()[:6])


def test_a_resolutions_annexes_are_kept_as_parts_of_the_document_not_operative_paragraphs(s_res_1454):
    document, text = s_res_1454
    operative = Paragraph.objects.filter(document=document, annex__isnull=True, kind="operative", parent__isnull=True)
    assert sorted(int(n) for n in operative.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
    labels = list(Annex.objects.filter(document=document).values_list("label", flat=True))
    assert labels == ["Annex A", "Annex B"]
    annex_b = Annex.objects.get(document=document, label="Annex B")
    numbered = annex_b.paragraphs.filter(parent__isnull=True).exclude(number="")
    # The procedures are numbered 1-20; a form follows them whose fields are numbered too ("1. MISSION ...").
    procedures = text.split("\nAnnex B", 1)[1].split("\n1. MISSION", 1)[0]
    printed = re.findall(r"^(\d+)\. ", procedures, re.MULTILINE)
    assert printed == [str(n) for n in range(1, 21)]
    assert [p.number for p in numbered.order_by("order")][:20] == printed


def test_an_annex_paragraph_has_its_own_anchor_on_the_page(client, s_res_1454):
    document, text = s_res_1454
    page = client.get(document.get_absolute_url()).content.decode()
    assert 'id="annex-2"' in page and "Annex B" in page
    opening = _annex_b_paragraph(text, 3)
    anchor_block = page.split('id="annex-2-p3"', 1)[1][:2000]
    assert " ".join(opening.split()[:3]) in anchor_block


def test_an_annex_is_found_by_search_and_in_the_exports(client, s_res_1454):
    document, text = s_res_1454
    # A phrase that only the annex holds.
    phrase = "time modulated ultra-wideband"
    assert phrase in text.split("\nAnnex A", 1)[1]
    results = client.get("/search/", {"q": f'"{phrase}"'}).content.decode()
    assert document.get_absolute_url() in results
    exported = client.get(f"/api/documents/{document.pk}/text/").content.decode()
    assert "Annex B" in exported and phrase in " ".join(exported.split())
    xml = akn.document_akn(document)
    assert akn.validate(xml) == []
    assert b"<attachments>" in xml and b'name="annex"' in xml
    detail = client.get(f"/api/documents/{document.pk}/").json()
    assert [a["label"] for a in detail["annexes"]] == ["Annex A", "Annex B"]


def test_consecutive_footnote_markers_are_shown_apart_not_as_one_number(client, corpus_dir):
    # A/RES/80/39 (railcar text): a paragraph calling two notes must not read as "12" but as "1, 2".
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md"
    document = ingest_file(path.read_bytes(), path.name).document
    paragraph = next(p for p in document.paragraphs.all() if len(p.footnote_refs) >= 2)
    first, second = paragraph.footnote_refs[:2]
    page = client.get(document.get_absolute_url()).content.decode()
    block = page.split(f'id="{paragraph.anchor}"', 1)[1]
    assert re.search(rf">{first}</a>,</sup><sup><a [^>]*>{second}</a>", block)
