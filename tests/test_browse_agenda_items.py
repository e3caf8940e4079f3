"""Browse by agenda item: each body's sessions with their items in numeric order (11 before 107) and whole titles,
from the documents' mastheads, the UN's Akoma Ntoso cover pages and the UN's metadata tables.

Expected numbers and titles are read from the source files in each test.
"""
import json
import re

import pytest

from resolutions.services.ingestion.ingest import ingest_file
from votes.services import import_vote_tables

pytestmark = pytest.mark.django_db
GA80 = "railcar-ga80-text/documents/ga-res-80"
AKN80 = "unxml-ga-resolutions/80session/English"


def _ingest(path):
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _masthead_item(path) -> tuple[str, str]:
    """The item number and title the markdown's masthead line prints ('Eightieth session Agenda item 11 Sport ...')."""
    line = next(line for line in path.read_text(encoding="utf-8").splitlines() if "Agenda item" in line)
    number, title = re.match(r".*Agenda item (\d+(?: \([a-z]+\))?) ?(.*)$", line).groups()
    return number, title


def _session_block(html: str, heading: str) -> str:
    return html.split(heading, 1)[1].split("<h2", 1)[0]


def test_a_sessions_items_are_listed_in_the_order_of_their_numbers_eleven_before_one_hundred_and_seven(
        client, corpus_dir):
    numbers = []
    for name in ("A_RES_80_9.md", "A_RES_80_2.md", "A_RES_80_8.md", "A_RES_80_1.md"):
        _ingest(corpus_dir / GA80 / name)
        numbers.append(_masthead_item(corpus_dir / GA80 / name)[0])
    assert sorted(numbers) == ["107", "11", "140", "7"]          # as text, 107 sorts before 11
    block = _session_block(client.get("/browse/agenda-items/").content.decode(), "General Assembly, session 80")
    shown = re.findall(r'<span class="agenda-number">([^<]+)</span>', block)
    assert shown == ["7", "11", "107", "140"]
    # Each with the title its masthead prints.
    number, title = _masthead_item(corpus_dir / GA80 / "A_RES_80_8.md")
    assert number == "11" and title.startswith("Sport for development and peace")
    assert title in block


def test_a_title_cut_in_the_masthead_is_completed_by_the_un_akoma_ntoso_cover_page(client, corpus_dir):
    markdown = corpus_dir / GA80 / "A_RES_80_34.md"
    number, printed = _masthead_item(markdown)
    assert number == "99 (m)" and printed.endswith("Prohibition of the Development,")   # cut at the line's end
    _ingest(markdown)
    akn = next((corpus_dir / AKN80).glob("A_RES_80_34-*E.xml"))
    whole = re.search(r'<inline name="agenda item name">([^<]+)', akn.read_text(encoding="utf-8")).group(1)
    whole = " ".join(whole.split())
    assert whole.startswith(printed) and len(whole) > len(printed)
    _ingest(akn)
    block = _session_block(client.get("/browse/agenda-items/").content.decode(), "General Assembly, session 80")
    assert whole in block
    assert printed + "</span>" not in block


def test_a_title_cut_in_the_masthead_is_completed_from_the_un_metadata_table(client, corpus_dir, tmp_path):
    markdown = corpus_dir / GA80 / "A_RES_80_39.md"
    number, printed = _masthead_item(markdown)
    assert number == "99 (r)" and printed.endswith("accelerating the")
    _ingest(markdown)
    table = corpus_dir / "unxml-ga-resolutions/data_extract/80.json"
    line = next(line for line in table.read_text(encoding="utf-8").splitlines()
                if line.strip() and json.loads(line)["symbol"] == "A/RES/80/39")
    row = json.loads(line)
    assert row["agenda_item"] == "Agenda item 99 (r)"
    (tmp_path / "80.json").write_text(line + "\n", encoding="utf-8")
    import_vote_tables([tmp_path / "80.json"], progress=False)
    block = _session_block(client.get("/browse/agenda-items/").content.decode(), "General Assembly, session 80")
    assert row["agenda_item_name"] in block


def test_an_item_whose_masthead_prints_no_title_is_shown_with_its_documents_titles(client, corpus_dir):
    pdf = corpus_dir / "gatenlp-unga-samples/sample-docs/A_RES_73_3-EN.pdf"
    document = _ingest(pdf)
    # The first page prints 'Agenda item 129' and no item name; the resolution is titled
    # 'Political declaration of the high-level meeting of the General Assembly on the fight against tuberculosis'.
    assert document.title.startswith("Political declaration of the high-level meeting")
    block = _session_block(client.get("/browse/agenda-items/").content.decode(), "General Assembly, session 73")
    assert '<span class="agenda-number">129</span>' in block
    assert "no item title is printed in its documents" in block
    assert "A/RES/73/3</a> Political declaration of the high-level meeting" in block
