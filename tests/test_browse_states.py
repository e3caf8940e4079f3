"""Browse by member state: every Member State and observer is listed, whether or not it sponsored anything, with
the documents it sponsored and the votes it cast.

The membership is the UN's list in resolutions/un/data/member_states.json; sponsors are read from seed 002's
masthead and votes from the UN's table row for A/RES/80/39, in the test.
"""
import json
import re
from pathlib import Path

import pytest

from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import seed_path
from votes.services import import_vote_tables

pytestmark = pytest.mark.django_db
STATES = Path(__file__).resolve().parent.parent / "resolutions/un/data/member_states.json"


def _row(html: str, name: str) -> list[str]:
    """The cells of the states table's row for ``name``: [sponsored, votes]."""
    row = re.search(rf">{re.escape(name)}</a></th>(.*?)</tr>", html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]


def test_every_member_state_and_observer_is_listed_even_without_sponsorships(client):
    states = json.loads(STATES.read_text(encoding="utf-8"))["states"]
    members = [s["name"] for s in states if s["kind"] == "member"]
    observers = [s["name"] for s in states if s["kind"] == "observer"]
    assert len(members) == 193 and set(observers) == {"Holy See", "State of Palestine"}
    html = client.get("/browse/states/").content.decode()
    assert "Member States (193)" in html and "Observer States (2)" in html
    for name in members + observers:
        assert _row(html.replace("&#x27;", "'"), name) == ["0", "0"], name   # an empty archive: nothing yet


def test_a_states_row_counts_its_sponsorships_and_its_votes(client, corpus_dir, tmp_path):
    draft = seed_path("002")
    masthead = draft.read_text(encoding="utf-8")
    assert "Angola, Belarus, Benin, Cuba" in masthead          # Belarus sponsored the 2006 draft
    ingest_file(draft.read_bytes(), draft.name)
    resolution = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_39.md"
    ingest_file(resolution.read_bytes(), resolution.name)
    table = corpus_dir / "unxml-ga-resolutions/data_extract/80.json"
    line = next(line for line in table.read_text(encoding="utf-8").splitlines()
                if line.strip() and json.loads(line)["symbol"] == "A/RES/80/39")
    row = json.loads(line)
    (tmp_path / "80.json").write_text(line + "\n", encoding="utf-8")
    import_vote_tables([tmp_path / "80.json"], progress=False)
    cast = {name for key in ("MS_in_favour", "MS_against", "MS_abstaining") for name in row[key]}
    assert "BELARUS" in cast and "FRANCE" in cast and "HOLY SEE" not in cast

    html = client.get("/browse/states/").content.decode()
    assert _row(html, "Belarus") == ["1", "1"]     # sponsored the draft, voted on the resolution
    assert _row(html, "France") == ["0", "1"]
    assert _row(html, "Holy See") == ["0", "0"]    # an observer casts no vote, and is listed all the same
    absent = [s["name"] for s in json.loads(STATES.read_text(encoding="utf-8"))["states"]
              if s["kind"] == "member" and s["name"].upper() not in cast]
    # A Member State in none of the three lists did not vote: that is no vote cast.
    for name in absent[:3]:
        assert _row(html.replace("&#x27;", "'"), name)[1] == "0", name
