"""A module-scoped archive holding the five seeds, for the open data tests (API, exports, AKN, dump).

Ingesting the seeds takes seconds; the tests of one module share one ingestion, committed outside the
per-test transactions, and everything it wrote is deleted when the module is done.
"""
import pytest

from resolutions.models import AgendaItem, Document, SearchTerm, Series, SourceFile
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import SAMPLES

SEEDS = ("000", "001", "002", "003", "004")


def ingest_seeds():
    for prefix in SEEDS:
        (path,) = SAMPLES.glob(f"{prefix}_*")
        outcome = ingest_file(path.read_bytes(), path.name)
        assert outcome.status == "parsed", outcome.message


def clear_archive():
    from votes.models import VoteRecord

    # Vote records outlive their document (kept by symbol, SET_NULL) and protect the states they name: an AKN file's
    # <voting> ingested by a module-scoped fixture would otherwise stay for the next module's tests.
    VoteRecord.objects.all().delete()
    SourceFile.objects.all().delete()
    Document.objects.all().delete()
    Series.objects.all().delete()
    AgendaItem.objects.all().delete()
    SearchTerm.objects.all().delete()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seeds' documents by symbol or first title words: {'rev1': ..., 'ecosoc': ..., '2008': ..., '2013': ...}."""
    with django_db_blocker.unblock():
        clear_archive()
        ingest_seeds()
        documents = {
            "rev1": Document.objects.get(symbol="A/C.3/61/L.7/Rev.1"),
            "ecosoc": Document.objects.get(body="Economic and Social Council"),
            "2008": Document.objects.get(date__year=2008),
            "2013": Document.objects.get(date__year=2013),
        }
    yield documents
    with django_db_blocker.unblock():
        clear_archive()
