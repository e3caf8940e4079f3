"""Browse pages: member states with their documents by year, agenda items, sessions, bodies, home."""
import pytest

from resolutions.models import Document
from tests.seeded import seeded  # noqa: F401  (module-scoped fixture)


@pytest.fixture
def archive(seeded, db):
    return seeded


def test_member_state_page_lists_sponsored_documents_by_year_with_a_chart(archive, client):
    html = client.get("/browse/states/belarus/").content.decode()
    assert "Sponsor of 4 documents" in html
    for year in ("2006", "2008", "2013"):
        assert f"<h2>{year}</h2>" in html
    assert '<figure class="bar-chart"' in html and "<rect" in html
    assert "/search/?sponsor=belarus" in html


def test_a_state_printed_under_an_old_name_is_found_under_todays(archive, client):
    html = client.get("/browse/states/turkiye/").content.decode()
    assert "Sponsor of 1 document" in html and "also written Turkey" in html
    assert client.get("/browse/states/no-such-state/").status_code == 404


def test_state_agenda_session_and_body_lists_link_into_search(archive, client):
    states = client.get("/browse/states/").content.decode()
    assert "Russian Federation" in states and "Türkiye" in states
    agenda = client.get("/browse/agenda-items/").content.decode()
    assert ('<span class="agenda-number">98</span>\n      <span class="agenda-title">Crime prevention and criminal justice'
            in agenda and "/search/?agenda=" in agenda)
    sessions = client.get("/browse/sessions/").content.decode()
    assert "/search/?body=General%20Assembly&amp;session=61" in sessions
    bodies = client.get("/browse/bodies/").content.decode()
    assert "Economic and Social Council" in bodies


def test_home_page_has_search_counts_latest_and_browse_links(archive, client):
    html = client.get("/").content.decode()
    assert 'role="search"' in html
    assert f"<strong>{Document.objects.count()}</strong> document" in html
    assert "A/C.3/61/L.7/Rev.1" in html
    assert "/browse/states/" in html and "/browse/agenda-items/" in html
