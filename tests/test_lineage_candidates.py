"""An untitled document joins its series through the paragraphs it shares, even when its boilerplate is everywhere.

The look-up (``lineage.services._candidate_documents``) asks about a document's longest paragraphs, each under a
cap on the rows read, so a formula held by most of the archive cannot crowd out the document it was copied from.

Read from the UN's AKN XML of the Security Council (``unxml-sc-resolutions/20*/English``): the Council's
resolutions print no title; S/RES/2812 (2026) repeats S/RES/2768 (2025) on the Houthi attacks against merchant
vessels ("Recalling all its relevant resolutions on the situation in Yemen and the Red Sea", the same paragraphs
a year later, in two paragraphs), and most other resolutions there end "Decides to remain (actively) seized of the
matter." (S/RES/2768 too) and open "Recalling ... its relevant resolutions": more documents share a band with
S/RES/2812 than the look-up returns candidates.
"""
import pytest

from resolutions.lineage.services import assign_series
from resolutions.lineage.similarity import words
from resolutions.models import Document, Paragraph
from resolutions.services.ingestion.ingest import ingest_file

pytestmark = pytest.mark.django_db

FORMULAS = {"decides to remain seized of the matter", "decides to remain actively seized of the matter"}
SUBJECT = "The situation in Yemen and the Red Sea"   # as 2768's first preambular paragraph names it


def ingest(path):
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def titled(document: Document, title: str) -> Document:
    """The title a staff member would give the untitled text, and the series that title makes."""
    Document.objects.filter(pk=document.pk).update(title=title)
    document.refresh_from_db()
    assign_series(document)
    return document


def test_an_untitled_resolution_joins_the_series_it_repeats_among_many_documents_sharing_formulas(corpus_dir):
    files = sorted((corpus_dir / "unxml-sc-resolutions").glob("20*/English/S_RES_*.xml"))
    (first,) = [f for f in files if f.name.startswith("S_RES_2768")]
    (repeat,) = [f for f in files if f.name.startswith("S_RES_2812")]
    earlier = titled(ingest(first), SUBJECT)
    assert "situation in Yemen and the Red Sea" in earlier.paragraphs.first().text
    # Every other resolution in a series of its own (its symbol for a title): a wrong candidate gives a wrong series.
    sharing_the_formula = 0
    for path in files:
        if path in (first, repeat):
            continue
        other = titled(ingest(path), path.name.split("-")[0])
        texts = [" ".join(words(p.text)) for p in other.paragraphs.all()]
        sharing_the_formula += bool(FORMULAS & set(texts))
    assert sharing_the_formula >= 15

    document = ingest(repeat)
    assert not document.title
    # Its opening "Recalling all its relevant resolutions on ..." shares LSH bands with other resolutions' openings:
    # more documents than the three candidates the look-up returns.
    bands = [band for p in document.paragraphs.all() for band in p.lsh_bands]
    others = set(Paragraph.objects.filter(lsh_bands__overlap=bands).exclude(document_id__in=[document.pk, earlier.pk])
                 .values_list("document_id", flat=True))
    assert len(others) > 3, others
    document.refresh_from_db()
    assert document.series_id == earlier.series_id
    assert document.series.title == SUBJECT
