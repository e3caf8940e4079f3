"""The embedded PostgreSQL server: started from the PyPI package, real PostgreSQL 18, core features only."""
import pytest
from django.db import connection


@pytest.mark.django_db
def test_embedded_server_is_postgresql_18():
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        (version,) = cursor.fetchone()
    assert int(version) // 10000 == 18


@pytest.mark.django_db
def test_generated_paragraph_vector_weights_operative_above_preambular():
    from resolutions.models import Document, Paragraph

    doc = Document.objects.create(symbol="A/TEST/1", title="Test")
    op = Paragraph.objects.create(document=doc, order=1, kind="operative", number="1", lead="Urges", text="Urges States to ratify")
    pp = Paragraph.objects.create(document=doc, order=0, kind="preambular", lead="Recalling", text="Recalling the ratification")
    op.refresh_from_db()
    pp.refresh_from_db()
    assert "'ratifi':5B" in str(op.search_vector) or ":5B" in str(op.search_vector)
    assert "C" in str(pp.search_vector) and "B" not in str(pp.search_vector)


@pytest.mark.django_db
def test_tests_run_in_their_own_database():
    assert connection.settings_dict["NAME"] == "test_archive"
