"""manage.py parse prints the parse of a file (JSON contract or text) and stores nothing."""
import json

import pytest
from django.core.management import CommandError, call_command

from resolutions.models import Document, SourceFile
from tests.conftest import seed_path

CONTRACT_KEYS = {"format", "symbol", "body", "session", "committee", "date", "distribution", "original_language",
                 "agenda_items", "document_type", "sponsors", "title", "preamble_subject", "paragraphs", "footnotes",
                 "citations", "warnings", "annexes", "unplaced", "language", "votes", "draft_symbol",
                 "committee_report", "issued"}


@pytest.mark.django_db
def test_json_output_follows_the_contract_and_nothing_is_stored(capsys):
    call_command("parse", str(seed_path("002")), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert set(data) == CONTRACT_KEYS
    assert data["symbol"] == "A/C.3/61/L.7/Rev.1" and data["session"] == 61 and data["date"] == "2006-10-19"
    assert data["sponsors"][6] == {"name": "Iran", "state": "Iran (Islamic Republic of)"}
    paragraph = data["paragraphs"][0]
    # the contract's keys, and "heading": the section heading printed above a paragraph (null for most)
    assert set(paragraph) == {"kind", "number", "lead", "text", "subparagraphs", "footnote_refs", "heading"}
    assert paragraph["heading"] is None
    citation = next(c for c in data["citations"] if c["footnote"] == "3")
    assert citation["kind"] == "treaty" and citation["volume"] == "2171" and citation["treaty_number"] == "27531"
    assert Document.objects.count() == 0 and SourceFile.objects.count() == 0


def test_text_output_and_a_clear_error_for_a_file_that_is_not_a_resolution(capsys, tmp_path):
    call_command("parse", str(seed_path("003")))
    out = capsys.readouterr().out
    assert "Russia [Russian Federation]" in out and "(d) Employment, educational and training opportunities;" in out
    junk = tmp_path / "notes.txt"
    junk.write_text("Shopping list: bread, milk.\n")
    with pytest.raises(CommandError, match="does not look like a resolution"):
        call_command("parse", str(junk))
