"""Sponsor lists: split the printed list and name each state by today's official UN short name.

'Angola, Belarus, ..., Uzbekistan and Viet Nam' gives one SponsorRef per
state; names that contain commas or 'and' ('Bolivia (Plurinational State of)',
'Bosnia and Herzegovina', 'the former Yugoslav Republic of Macedonia') stay
whole because the table of states in resolutions/data/member_states.json
knows them.  No Django: the table is read as JSON.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .document import SponsorRef

STATES_FILE = Path(__file__).resolve().parent.parent / "data" / "member_states.json"


def _key(name: str) -> str:
    """Case-, accent-, apostrophe- and leading-'the'-insensitive form of a name."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = name.replace("’", "'").replace("‘", "'").lower().strip()
    name = re.sub(r"^the\s+", "", name)
    # 'Bahamas (the)', 'Uganda (on behalf of the Group of 77 and China)': the state is what comes first.
    name = re.sub(r"\s*\((?:the|on behalf of [^)]*)\)$|,? on behalf of .*$", "", name)
    return re.sub(r"\s+", " ", name)


@lru_cache(maxsize=1)
def state_table() -> dict[str, str]:
    """Every known name and alias (as a key) to the official short name."""
    data = json.loads(STATES_FILE.read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for state in data["states"]:
        table[_key(state["name"])] = state["name"]
        for alias in state["aliases"]:
            table.setdefault(_key(alias), state["name"])
    return table


def lookup_state(name: str) -> str | None:
    """Today's official UN short name for a printed name, or None when unknown."""
    return state_table().get(_key(name))


def split_sponsors(text: str) -> list[SponsorRef]:
    """Split a printed sponsor list on commas and the final 'and', keeping known names whole."""
    text = re.sub(r"\s+", " ", text.replace("*", "")).strip().rstrip(":").strip()
    parts = [p.strip() for p in re.split(r",\s*", text) if p.strip()]
    names: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        # 'Bolivia (Plurinational State of)' never splits on commas; rejoin names split on a comma.
        if index + 1 < len(parts) and lookup_state(f"{part}, {parts[index + 1]}"):
            names.append(f"{part}, {parts[index + 1]}")
            index += 2
            continue
        names.extend(_split_and(part))
        index += 1
    return [SponsorRef(name=name, state=lookup_state(name)) for name in names if name]


def _split_and(part: str) -> list[str]:
    """'Uzbekistan and Viet Nam' -> two names, 'Bosnia and Herzegovina' -> one, by the table of states."""
    if " and " not in part or lookup_state(part):
        return [part]
    pieces = part.split(" and ")
    # Try every split point; prefer the one where both sides are known states.
    for cut in range(1, len(pieces)):
        left, right = " and ".join(pieces[:cut]), " and ".join(pieces[cut:])
        if lookup_state(left) and (lookup_state(right) or len(_split_and(right)) > 1):
            return [left] + _split_and(right)
    for cut in range(len(pieces) - 1, 0, -1):
        left, right = " and ".join(pieces[:cut]), " and ".join(pieces[cut:])
        if lookup_state(left) or lookup_state(right):
            return [left, right]
    return [" and ".join(pieces[:-1]), pieces[-1]]
