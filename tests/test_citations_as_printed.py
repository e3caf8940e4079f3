"""Citations read as printed on the document page: the words the text prints, one link each, to the document when
the archive holds it and otherwise to the UN's own copy (https://docs.un.org/en/<symbol>); never the identifier the
archive files a citation under ('resolution:S:186(1964)'), never a reference repeated after the note that prints it.

The expected words and symbols are read off the source files.
"""
import html as html_lib
import re

import pytest

from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import seed_path

pytestmark = pytest.mark.django_db
ODS = "https://docs.un.org/en/"
INTERNAL_KEY = re.compile(r"\b(?:resolution|decision|document|treaty):[A-Z?/.0-9]+:?")


def ingest(path):
    return ingest_file(path.read_bytes(), path.name).document


def page(client, document) -> str:
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def element(html: str, anchor: str) -> str:
    """The list item or paragraph with this id, as HTML."""
    return re.search(rf'<(li|p|div)[^>]* id="{anchor}"[^>]*>(.*?)</\1>', html, re.S).group(2)


def words(fragment: str) -> str:
    text = re.sub(r'<a class="fn-back".*?</a>', "", fragment)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", text)).split())


def source_note(path, marker: str) -> str:
    """A footnote's words as the seed prints them ('¹ Resolution 55/25, annex I.')."""
    superscript = "⁰¹²³⁴⁵⁶⁷⁸⁹"[int(marker)]
    line = next(l for l in path.read_text().splitlines() if l.startswith(superscript))
    return " ".join(line[1:].split())


def test_a_footnote_prints_its_reference_once_as_one_link_to_the_uns_copy(client):
    path = seed_path("002")
    html = page(client, ingest(path))
    for marker, symbol in (("1", "A/RES/55/25"), ("5", "E/CN.4/2006/62"), ("7", "A/RES/34/180")):
        note = element(html, f"fn{marker}")
        assert words(note) == source_note(path, marker)               # the note as printed, nothing added
        assert note.count("<a class=\"citation") == 1
        assert f'href="{ODS}{symbol}"' in note
    assert not INTERNAL_KEY.search(html), INTERNAL_KEY.search(html).group(0)
    assert "not in the archive:" not in html


def test_a_council_resolution_outside_the_archive_links_to_its_symbol_at_the_un(client, corpus_dir):
    path = corpus_dir / "cr-unsc-gold/data/res_en_gold/S_RES_0222_1966_EN_GOLD.txt"
    html = page(client, ingest(path))
    printed = re.findall(r"\b(\d{3}) \((\d{4})\)", path.read_text().split("Reaffirms", 1)[1].split("\n\n")[0])
    assert ("186", "1964") in printed
    paragraph = element(html, "op1")
    for number, year in printed:
        assert paragraph.count(f'href="{ODS}S/RES/{number}({year})"') == 1, number
    assert "resolutions 186 (1964)</a>" in paragraph
    assert "resolution:S:" not in html


def test_every_symbol_a_note_prints_is_its_own_link(client, corpus_dir):
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md"
    html = page(client, ingest(path))
    printed = len(re.findall(r"NPT/CONF\.2000/28", path.read_text()))
    links = re.findall(rf'href="{re.escape(ODS)}NPT/CONF\.2000/28[^"]*"', html)
    assert printed >= 3 and len(links) == printed
    assert f'href="{ODS}NPT/CONF.2000/28%20(Parts%20I%20and%20II)"' in html
    assert "document:NPT" not in html


def test_a_decision_is_printed_without_a_link_of_its_own(client, corpus_dir):
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_19.md"
    html = page(client, ingest(path))
    assert "decision 79/512" in path.read_text()
    found = re.search(r'<span class="citation unresolved"[^>]*>decision 79/512</span>', html)
    assert found, "the decision is printed as text, marked as a citation"
    assert "decision:A:" not in html
