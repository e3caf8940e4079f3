"""The permalink anchor is stored on each paragraph when the document is stored, and every link reads it: the page,
search hits and snippets, exports; the migration that added it filled the paragraphs already stored by the same rule."""
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from resolutions.models import Paragraph
from resolutions.services.ingestion.ingest import ingest_file
from resolutions.un.anchors import describe
from tests.conftest import seed_path

SEARCH = reverse("resolutions:search")


@pytest.fixture
def special_subjects(db, corpus_dir):
    """A/RES/79/258: 25 sections, each numbering its operative paragraphs from 1."""
    from scripts.gold import render_akn

    (path,) = (corpus_dir / "unxml-ga-resolutions" / "79session" / "English").glob("A_RES_79_258-*E.xml")
    return ingest_file(render_akn(path).encode("utf-8"), "A_RES_79_258.txt").document


def section_paragraph(document, section_heading: str, number: str) -> Paragraph:
    """Operative paragraph ``number`` of the section whose printed heading starts with ``section_heading``."""
    rows = list(document.paragraphs.filter(parent__isnull=True, annex__isnull=True).order_by("order"))
    start = next(i for i, row in enumerate(rows) if row.heading.startswith(section_heading))
    end = next((i for i in range(start + 1, len(rows)) if rows[i].heading), len(rows))
    return next(row for row in rows[start:end] if row.kind == "operative" and row.number == number)


def test_a_search_hit_in_section_two_links_to_that_sections_paragraph(special_subjects, client):
    # Section II ('Request for a subvention to the Residual Special Court for Sierra Leone') opens its operative
    # part with '1. Takes note of the report of the Secretary-General;', as 15 other paragraphs of the resolution do.
    wanted = section_paragraph(special_subjects, "II Request for a subvention", "1")
    response = client.get(SEARCH, {"q": '"Takes note of the report of the Secretary-General"', "mode": "paragraphs"})
    assert response.status_code == 200
    hit = next(h for h in response.context["result"].hits if h.paragraph.pk == wanted.pk)
    assert hit.anchor == "s2-op1"
    assert hit.label == "section 2, operative 1"
    html = response.content.decode()
    assert f'href="{special_subjects.get_absolute_url()}#s2-op1"' in html
    # and the page has that anchor on that paragraph
    page = client.get(special_subjects.get_absolute_url()).content.decode()
    assert 'id="s2-op1"' in page


def test_the_first_sections_paragraphs_keep_plain_anchors(special_subjects):
    first = section_paragraph(special_subjects, "I Enterprise resource planning project", "1")
    assert first.anchor == "op1"
    assert special_subjects.paragraphs.filter(anchor="op1").count() == 1


def test_a_snippet_links_to_the_stored_anchor(db, client):
    # Seed 002, A/C.3/61/L.7/Rev.1: operative paragraph 7 is the one that mentions Interpol.
    path = seed_path("002")
    document = ingest_file(path.read_bytes(), path.name).document
    response = client.get(SEARCH, {"q": "Interpol"})
    hit = next(h for h in response.context["result"].hits if h.document.pk == document.pk)
    assert hit.snippets[0].anchor == "op7"
    assert document.paragraphs.get(anchor="op7").number == "7"


def test_sub_paragraph_anchors_follow_their_paragraph(db):
    path = seed_path("002")
    document = ingest_file(path.read_bytes(), path.name).document
    for sub in document.paragraphs.filter(parent__isnull=False).select_related("parent"):
        assert sub.anchor == f"{sub.parent.anchor}-{sub.label}"


def test_a_paragraph_staff_renumber_gets_the_anchor_of_its_new_number(db):
    from resolutions.services.documents import save_paragraph_edit

    path = seed_path("002")
    document = ingest_file(path.read_bytes(), path.name).document
    paragraph = document.paragraphs.get(anchor="op7")
    paragraph.number = "17"
    save_paragraph_edit(paragraph, changed=True)
    paragraph.refresh_from_db()
    assert paragraph.anchor == "op17"
    assert not document.paragraphs.filter(anchor="op7").exists()
    for sub in paragraph.subparagraphs.all():
        assert sub.anchor.startswith("op17-")


def test_the_migration_fills_stored_paragraphs_by_the_same_rule(special_subjects):
    stored = dict(special_subjects.paragraphs.values_list("id", "anchor"))
    assert all(stored.values())
    Paragraph.objects.update(anchor="")
    migration = importlib.import_module("resolutions.migrations.0007_paragraph_anchor")
    migration.fill_anchors(apps, None)
    assert dict(special_subjects.paragraphs.values_list("id", "anchor")) == stored


@pytest.mark.parametrize("anchor,words", [
    ("op4", "operative 4"), ("pp3", "preambular 3"), ("op4-a", "operative 4 (a)"), ("fn7", "footnote 7"),
    ("s2-op1", "section 2, operative 1"), ("annex-1-p3", "annex 1, paragraph 3"),
])
def test_an_anchor_reads_as_words(anchor, words):
    assert describe(anchor) == words
