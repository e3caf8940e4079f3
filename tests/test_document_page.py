"""The document page: printed layout, anchors, footnotes both ways, citations, cited by, download, query count."""
import re

import pytest

from resolutions.models import Document, SourceFile
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import SAMPLES, seed_path


@pytest.fixture
def rev1(db):
    path = seed_path("002")
    return ingest_file(path.read_bytes(), path.name).document


def page(client, document):
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_header_sponsors_title_and_subject_as_printed(rev1, client):
    html = page(client, rev1)
    assert "A/C.3/61/L.7/Rev.1" in html
    assert "Crime prevention and criminal justice" in html
    assert ">Iran</a>" in html and 'title="Iran (Islamic Republic of)"' in html
    assert "Uzbekistan</a> and <a" in html  # the last sponsor joined with 'and', as printed
    assert '<h1 class="title">Improving the coordination of efforts against trafficking in persons</h1>' in html
    assert "<em>The General Assembly,</em>" in html


def test_every_paragraph_has_a_permalink_anchor_and_italic_lead(rev1, client):
    html = page(client, rev1)
    for n in range(1, 12):
        assert f'id="pp{n}"' in html
    assert 'id="pp12"' not in html
    for n in range(1, 20):
        assert f'id="op{n}"' in html
    assert '<em class="lead">Further invites</em> Member States' in html
    assert '<em class="lead">Taking note</em> of the reports' in html


def test_subparagraph_anchors(db, client):
    path = seed_path("003")
    document = ingest_file(path.read_bytes(), path.name).document
    html = page(client, document)
    for label in "abcd":
        assert f'id="op4-{label}"' in html
    path = seed_path("004")
    document = ingest_file(path.read_bytes(), path.name).document
    html = page(client, document)
    assert 'id="pp7-f"' in html  # the preambular paragraph 'Reaffirming that the Global Plan of Action was developed:'


def test_footnote_markers_link_to_footnotes_and_back(rev1, client):
    html = page(client, rev1)
    assert re.search(r'<sup><a class="fn-ref" id="fnref-pp10-5" href="#fn5"', html)
    assert re.search(r'<li id="fn5" value="5"><a class="citation unresolved"[^>]*>E/CN.4/2006/62</a> and '
                     r'Add.1-3\..*?href="#pp10"', html, re.S)
    assert re.search(r'<li id="fn7" value="7"><a [^>]*>Resolution 34/180</a>, annex.', html)


def test_citations_not_in_the_archive_link_to_the_uns_copy(rev1, client):
    # Read as printed, linked to the UN's public copy (tests/test_citations_as_printed.py has the rest).
    html = page(client, rev1)
    assert 'href="https://docs.un.org/en/A/RES/55/25"' in html


def test_citations_link_to_documents_in_the_archive_and_cited_by_lists_the_citing_paragraph(db, client):
    cited = Document.objects.create(symbol="A/RES/55/25", symbol_key="A/RES/55/25", body="General Assembly",
                                    title="United Nations Convention against Transnational Organized Crime")
    path = seed_path("002")
    citing = ingest_file(path.read_bytes(), path.name).document
    html = page(client, citing)
    assert f'href="{cited.get_absolute_url()}"' in html
    cited_html = page(client, cited)
    assert "Cited by" in cited_html
    assert "A/C.3/61/L.7/Rev.1" in cited_html
    assert "Recalling its resolutions 55/25 of 15 November 2000" in cited_html


def test_the_original_upload_downloads_byte_for_byte(rev1, client):
    source = SourceFile.objects.get(document=rev1)
    response = client.get(f"/sources/{source.pk}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == seed_path("002").read_bytes()
    assert "002_619dcdd89ffd3792.txt" in response["Content-Disposition"]


def test_document_text_is_never_rendered_as_markup(rev1, client):
    # The parser drops tags from text input; a staff edit (or any other path) can still store them.
    paragraph = rev1.paragraphs.get(kind="operative", number="5")
    paragraph.text = 'Recognizes <script>alert("x")</script> <a href="javascript:alert(1)">x</a> the need'
    paragraph.save()
    footnote = rev1.footnotes.first()
    footnote.text = "<img src=x onerror=alert(1)>"
    footnote.save()
    html = page(client, rev1)
    assert "<script>alert" not in html and 'href="javascript:' not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html


def test_document_page_query_count_does_not_grow_with_paragraphs(db, client, django_assert_max_num_queries):
    small = ingest_file(seed_path("000").read_bytes(), "000.txt").document
    large = ingest_file(seed_path("004").read_bytes(), "004.txt").document
    assert large.paragraphs.count() > 2 * small.paragraphs.count()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for document in (small, large):
        with django_assert_max_num_queries(16), CaptureQueriesContext(connection) as captured:
            assert client.get(document.get_absolute_url()).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[1] <= counts[0]   # three times the paragraphs, footnotes and citations: no more queries


def test_unknown_document_is_a_404(db, client):
    assert client.get("/documents/999999/").status_code == 404


def test_a_resolution_in_sections_reads_as_printed(db, client, corpus_dir):
    """A/RES/79/258 (25 sections, each with its title, its own preamble and numbering from 1), stored through
    the ingestion service from its text: each section's heading stands above its own paragraphs, in order, and
    no anchor is used twice."""
    from scripts.gold import render_akn

    (path,) = (corpus_dir / "unxml-ga-resolutions" / "79session" / "English").glob("A_RES_79_258-*E.xml")
    document = ingest_file(render_akn(path).encode("utf-8"), "A_RES_79_258.txt").document
    html = page(client, document)
    headings = re.findall(r'<h2 class="section-heading">([^<]*)</h2>', html)
    assert len(headings) == 25
    assert headings[1] == "II Request for a subvention to the Residual Special Court for Sierra Leone"
    # section II: its heading, then its own 'Recalling', then its paragraph 1 under an anchor of its own
    section_two = html.split(headings[1], 1)[1].split(headings[2], 1)[0]
    recalling = re.search(r'<em class="lead">Recalling</em> its (?:<a [^>]*>)?resolution', section_two)   # a link
    assert recalling and recalling.start() < section_two.index('id="s2-op1"')
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
