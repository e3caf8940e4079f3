"""Versions, series and paragraph provenance on the real seeds, ingested through the ingestion service.

Expectations come from reading the seeds:
* 000 (markdown, with its header) and 001 (raw PDF text, no header) are the same
  2008 draft "Improving the coordination of efforts against trafficking in persons";
* 002 is A/C.3/61/L.7/Rev.1 of 19 October 2006, 000 the 10 October 2008 draft,
  004 the 8 November 2013 revised draft: one series on that title;
* 003 is an ECOSOC draft titled "Strengthening coordination of the United Nations
  and other efforts in fighting trafficking in persons": another series.
"""
import datetime

import pytest
from django.urls import reverse

from resolutions.models import Document, DocumentLink, Paragraph, Series, SourceFile
from resolutions.lineage.selectors import paragraph_provenance, series_documents
from resolutions.services.ingestion.ingest import ingest_file
from resolutions.services.ingestion.same_text import find_same_document
from resolutions.lineage.services import relink_all, title_key
from resolutions.lineage.similarity import BANDS, DOCUMENT_BANDS, band_hashes, document_bands

from .conftest import seed_path

pytestmark = pytest.mark.django_db

D2006, D2008, D2013 = datetime.date(2006, 10, 19), datetime.date(2008, 10, 10), datetime.date(2013, 11, 8)
TITLE = "Improving the coordination of efforts against trafficking in persons"


def ingest(prefix: str):
    path = seed_path(prefix)
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def paragraph_starting(document: Document, start: str) -> Paragraph:
    (paragraph,) = [p for p in document.paragraphs.all() if p.text.startswith(start)]
    return paragraph


@pytest.mark.parametrize("order", [("000", "001"), ("001", "000")])
def test_000_and_001_are_one_document_with_two_source_files(order):
    first = ingest(order[0])
    second = ingest(order[1])
    assert second.pk == first.pk
    assert Document.objects.count() == 1
    assert SourceFile.objects.filter(document=first, status="parsed").count() == 2
    document = Document.objects.get()
    # 001 has no header: the 2008 date and session come from 000 whichever file came first.
    assert document.date == D2008
    assert document.session == 63
    assert title_key(document.title) == title_key(TITLE)
    # 000's header gave the document its sponsors; the header-less 001 does not take them away.
    assert list(document.sponsorships.values_list("name_as_printed", flat=True)) == [
        "Belarus", "Russian Federation", "Uzbekistan"]


def test_find_same_document_refuses_other_texts():
    from resolutions.services.ingestion.ingest import parse  # the parser the ingestion service uses

    ingest("000")
    for prefix in ("002", "003", "004"):
        path = seed_path(prefix)
        assert find_same_document(parse(path.read_bytes(), path.name)) is None
    path = seed_path("001")
    assert find_same_document(parse(path.read_bytes(), path.name)) == Document.objects.get()


def test_a_revision_is_another_document_linked_by_symbol():
    """The draft A/C.3/61/L.7 (002's text under the symbol without /Rev.1) and its revision: two linked documents."""
    revision = ingest("002")
    original = seed_path("002").read_bytes().replace(b"A/C.3/61/L.7/Rev.1", b"A/C.3/61/L.7")
    draft = ingest_file(original, "A_C.3_61_L.7.txt").document
    assert draft.pk != revision.pk and Document.objects.count() == 2
    link = DocumentLink.objects.get()
    assert (link.source, link.target, link.kind, link.method) == (revision, draft, "revision", "symbol")


def test_002_000_and_004_form_one_series_in_time_order(client, django_assert_max_num_queries):
    for prefix in ("004", "003", "001", "000", "002"):  # not in time order on purpose
        ingest(prefix)
    (series,) = [s for s in Series.objects.all() if s.documents.count() > 1]
    assert series.title_key == "improving the coordination of efforts against trafficking in persons"
    assert [d.date for d in series_documents(series)] == [D2006, D2008, D2013]
    ecosoc = Document.objects.get(body__icontains="Economic and Social Council")
    assert ecosoc.series != series

    with django_assert_max_num_queries(4):
        page = client.get(reverse("lineage:series", args=[series.slug]))
    html = page.content.decode()
    assert page.status_code == 200
    positions = [html.index(text) for text in ("19 October 2006", "10 October 2008", "8 November 2013")]
    assert positions == sorted(positions)


def test_title_key_drops_draft_noise_and_punctuation():
    assert title_key("Improving the coordination of efforts against trafficking in persons: draft resolution") \
        == title_key("IMPROVING THE COORDINATION OF EFFORTS AGAINST TRAFFICKING IN PERSONS.")


def test_every_paragraph_gets_its_bands():
    document = ingest("002")
    rows = list(document.paragraphs.order_by("order").values_list("text", "lsh_bands"))
    assert rows and all(len(bands) == BANDS for _, bands in rows)
    # Stored with the rows at insert: the same values as hashing each stored text on its own.
    assert all(bands == band_hashes(text) for text, bands in rows)
    document.refresh_from_db()
    assert document.text_bands == document_bands([text for text, _ in rows])
    assert len(document.text_bands) == DOCUMENT_BANDS


def test_provenance_of_a_2013_paragraph_leads_back_to_2006(client, django_assert_max_num_queries):
    """2013 op 7 ("Encourages the United Nations Office on Drugs and Crime to cooperate with relevant international
    organizations outside the United Nations system ...") repeats 2006 op 14 almost word for word."""
    for prefix in ("002", "000", "004"):
        ingest(prefix)
    later = Document.objects.get(date=D2013)
    paragraph = paragraph_starting(later, "Encourages the United Nations Office on Drugs and Crime to cooperate")
    appearances = paragraph_provenance(paragraph)
    assert appearances, "no earlier paragraph found"
    first = appearances[0]
    assert first.paragraph.document.date == D2006
    assert first.paragraph.number == "14"
    assert 0.85 <= first.similarity < 1.0

    # 6 reads; the band lookup's time limit adds its savepoint and timeout statements (selectors.time_limits).
    with django_assert_max_num_queries(9):
        page = client.get(reverse("lineage:provenance", args=[paragraph.pk]))
    html = page.content.decode()
    assert "First appeared in" in html and first.paragraph.document.get_absolute_url() in html


def test_a_first_paragraph_has_no_earlier_appearance():
    for prefix in ("002", "000"):
        ingest(prefix)
    earliest = Document.objects.get(date=D2006)
    paragraph = paragraph_starting(earliest, "Encourages Member States to initiate and develop working-level")
    assert paragraph_provenance(paragraph) == []


def test_relink_recomputes_series_and_bands():
    for prefix in ("002", "000", "004"):
        ingest(prefix)
    Paragraph.objects.update(lsh_bands=[])
    Document.objects.update(series=None, text_bands=[])
    Series.objects.all().delete()
    counts = relink_all()
    assert counts["documents"] == 3 and counts["series"] == 1
    assert not Paragraph.objects.filter(lsh_bands=[]).exists()
    assert not Document.objects.filter(text_bands=[]).exists()
    assert Document.objects.filter(series__isnull=False).count() == 3


def test_relink_command_reports_what_it_did():
    import io

    from django.core.management import call_command

    for prefix in ("002", "000", "003"):
        ingest(prefix)
    out = io.StringIO()
    call_command("relink", stdout=out)
    paragraphs = Paragraph.objects.count()
    assert out.getvalue().strip() == f"3 documents, {paragraphs} paragraphs banded, 2 series, 0 version links."


def test_document_panel_links_to_the_previous_version_and_the_series():
    from django.template.loader import render_to_string

    older, newer = ingest("002"), ingest("000")
    ingest("001")
    html = render_to_string("lineage/document_panel.html", {"document": newer})
    assert f'href="{reverse("lineage:compare", args=[older.pk, newer.pk])}"' in html
    assert "Compare with previous" in html
    assert reverse("lineage:series", args=[newer.series.slug]) in html
    assert "2 source files" in html
    assert "Compare with previous" not in render_to_string("lineage/document_panel.html", {"document": older})


def test_a_long_series_shows_a_window_around_the_document_in_a_fixed_number_of_queries(
        django_assert_max_num_queries):
    """A title that returns every session for decades: the page lists the neighbours, counts the rest."""
    from django.template.loader import render_to_string

    from resolutions.lineage.selectors import SERIES_WINDOW

    document = ingest("002")  # 19 October 2006, session 61
    Document.objects.bulk_create([
        Document(symbol=f"A/C.3/{session}/L.7", symbol_key=f"A/C.3/{session}/L.7", session=session,
                 date=datetime.date(1946 + session, 10, 1), title=TITLE, series=document.series)
        for session in range(1, 81) if session != 61])
    document.refresh_from_db()
    with django_assert_max_num_queries(8):
        html = render_to_string("lineage/document_panel.html", {"document": document})
    assert "(80 documents)" in html
    listed = [session for session in range(1, 81) if f"A/C.3/{session}/L.7<" in html or
              (session == 61 and "A/C.3/61/L.7/Rev.1 (this document)" in html)]
    assert listed == list(range(61 - SERIES_WINDOW, 61 + SERIES_WINDOW + 1))
    assert f"{60 - SERIES_WINDOW} earlier documents" in html and f"{80 - 61 - SERIES_WINDOW} later documents" in html
    assert "A/C.3/60/L.7" in html and "Compare with previous" in html


def test_a_resolution_links_to_the_draft_it_was_adopted_from():
    """A/RES/61/180 was adopted from A/C.3/61/L.7/Rev.1 (002; seed 000 recalls "resolution 61/180 of 20 December
    2006 on improving the coordination of efforts against trafficking in persons"). The resolution is stood in for
    by 002's own text under the resolution's symbol: same title, same session, the same paragraphs."""
    draft = ingest("002")
    adopted_text = seed_path("002").read_bytes().replace(b"A/C.3/61/L.7/Rev.1", b"A/RES/61/180")
    resolution = ingest_file(adopted_text, "A_RES_61_180.txt").document
    assert resolution.pk != draft.pk
    link = DocumentLink.objects.get(kind="adopted")
    assert (link.source, link.target, link.method) == (resolution, draft, "title+session+similarity")
    assert link.score >= 0.9
