"""Browse by session and year: every body with its sessions, and the Security Council, which has no sessions, by
year.  Sessions and years are read from the sources' mastheads in the test."""
import pytest

from resolutions.services.ingestion.ingest import ingest_file

pytestmark = pytest.mark.django_db


def _ingest(path):
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _section(html: str, body: str) -> str:
    return html.split(f">{body}</h2>", 1)[1].split("</section>", 1)[0]


def test_every_body_is_listed_with_its_sessions_and_the_security_council_by_year(client, corpus_dir):
    assembly = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md"
    assert "Eightieth session" in assembly.read_text(encoding="utf-8")
    council_2002 = corpus_dir / "cr-unsc-gold/data/res_en_gold/S_RES_1454_2002_EN_GOLD.txt"
    council_2021 = next((corpus_dir / "unxml-sc-resolutions/2021/English").glob("S_RES_2590*"))
    assert "2021" in council_2021.name                  # S/RES/2590 (2021)
    for path in (assembly, council_2002, council_2021):
        _ingest(path)
    html = client.get("/browse/sessions/").content.decode()

    assembly_part = _section(html, "General Assembly")
    assert "Session 80</a> (2025)" in assembly_part     # adopted on 1 December 2025
    assert "/search/?body=General%20Assembly&amp;session=80" in assembly_part

    council = _section(html, "Security Council")
    assert "Session" not in council                      # the Council meets in no sessions
    assert ">2021</a>" in council and ">2002</a>" in council
    assert council.index(">2021</a>") < council.index(">2002</a>")   # latest first
    assert "/search/?body=Security%20Council&amp;year=2002" in council


def test_a_year_link_of_the_security_council_finds_its_resolutions(client, corpus_dir):
    _ingest(corpus_dir / "cr-unsc-gold/data/res_en_gold/S_RES_1454_2002_EN_GOLD.txt")
    _ingest(corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md")
    html = client.get("/search/", {"body": "Security Council", "year": "2002"}).content.decode()
    assert "S/RES/1454 (2002)" in html and "A/RES/80/39" not in html
