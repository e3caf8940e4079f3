"""The five seeds ingested once per test module through the ingestion service, for read-only tests.

``seeded`` commits them (so a module's tests share one ingestion) and removes them when the module is done;
tests that change data must not use it.
"""
import pytest

from resolutions.models import AgendaItem, Document, SearchTerm, Series, SourceFile
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import SAMPLES


def clear_archive():
    """Remove what ingesting stored (the member-state table, filled by migrate, stays)."""
    Document.objects.all().delete()       # paragraphs, footnotes, sponsorships, citations, links cascade
    for model in (SourceFile, AgendaItem, Series, SearchTerm):
        model.objects.all().delete()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        clear_archive()
        for path in sorted(SAMPLES.glob("*.txt")):
            ingest_file(path.read_bytes(), path.name)
        yield {d.symbol or d.title[:20]: d for d in Document.objects.all()}
        clear_archive()
