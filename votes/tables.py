"""Read the UN's per-resolution metadata tables (JSON Lines) into plain vote rows.  No Django.

Two shapes, both from the UN's AKN repositories (``data_extract/*.json``, one object per line):

* General Assembly: ``symbol``, ``adoption_type`` ("By a recorded vote", "Without a vote"), ``adoption_meeting``
  ("14th plenary meeting"), ``pv`` (A/74/PV.14), ``adoption_date`` ("2019-10-10 00:00:00"),
  ``MS_in_favour_count``/``MS_against_count``/``MS_abstaining_count`` ("N.A." when no vote was taken) and the
  lists ``MS_in_favour``/``MS_against``/``MS_abstaining`` of upper-case state names.
* Security Council: the same count and list fields; ``adoption_type`` as the Council's records print it
  ("Adopted unanimously, 4088th meeting", "Adopted 13-0-2; voting by mail"), ``adoption_date`` "13 January 2000",
  ``outcome_letter`` (S/PV.4088).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

from resolutions.un.adoption import adoption_type_of

VOTE_LISTS = (("MS_in_favour", "yes"), ("MS_against", "no"), ("MS_abstaining", "abstain"))


@dataclass
class TableVote:
    symbol: str
    adoption_type: str                 # one of votes.models.AdoptionType's values, or "" when not said
    adoption_type_as_printed: str
    meeting: str
    meeting_record: str
    date: date | None
    in_favour: int | None
    against: int | None
    abstaining: int | None
    states: list[tuple[str, str]] = field(default_factory=list)   # (name as printed, yes|no|abstain)
    source: str = ""
    agenda_item: str = ""              # 'Agenda item 99 (r)' (General Assembly tables)
    agenda_item_name: str = ""         # the item's whole name, where a document's masthead may cut it


def adoption_type(printed: str, counts: tuple[int | None, int | None, int | None]) -> str:
    """The adoption type in the archive's four words, from the source's own phrase and counts (the UN's phrases
    are read in resolutions.un.adoption); "" when they say none."""
    return adoption_type_of(printed, counts) or ""


def _count(value) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdigit() else None


def _date(value) -> date | None:
    text = str(value or "").strip()
    for form in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def _meeting(row: dict) -> str:
    meeting = str(row.get("adoption_meeting") or "").strip()
    if meeting:
        return meeting
    match = re.search(r"(\d+(?:st|nd|rd|th))\s*meeting", str(row.get("adoption_type") or ""))
    return f"{match.group(1)} meeting" if match else ""


def read_row(row: dict, source: str = "") -> TableVote | None:
    """One table row as a TableVote; None for a row without a symbol."""
    symbol = " ".join(str(row.get("symbol") or "").split())
    if not symbol:
        return None
    counts = (_count(row.get("MS_in_favour_count")), _count(row.get("MS_against_count")),
              _count(row.get("MS_abstaining_count")))
    printed = " ".join(str(row.get("adoption_type") or "").split())
    if adoption_type(printed, (None, None, None)) in ("without a vote", "consensus") and not any(counts):
        counts = (None, None, None)   # the tables write 0 or "N.A." where no vote was taken: no count was given
    states = [(str(name), vote) for key, vote in VOTE_LISTS for name in (row.get(key) or []) if str(name).strip()]
    return TableVote(
        symbol=symbol, adoption_type=adoption_type(printed, counts), adoption_type_as_printed=printed[:200],
        meeting=_meeting(row)[:120], meeting_record=str(row.get("pv") or row.get("outcome_letter") or "").strip()[:40],
        date=_date(row.get("adoption_date")), in_favour=counts[0], against=counts[1], abstaining=counts[2],
        states=states, source=source, agenda_item=" ".join(str(row.get("agenda_item") or "").split()),
        agenda_item_name=" ".join(str(row.get("agenda_item_name") or "").split()),
    )


def read_table(path: Path) -> Iterator[tuple[int, TableVote | None, str]]:
    """(line number, row or None, why not) for each non-empty line of a JSON Lines metadata table."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                yield number, None, f"line {number}: not JSON ({exc})"
                continue
            if not isinstance(row, dict):
                yield number, None, f"line {number}: not an object"
                continue
            vote = read_row(row, source=f"{path.parent.parent.name}/{path.parent.name}/{path.name}")
            yield number, vote, "" if vote else f"line {number}: no symbol"
