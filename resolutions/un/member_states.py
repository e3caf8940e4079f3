"""Member states, observer states and former members, under the short names the UN uses today.

``data/member_states.json`` holds each state's name, ISO code, kind and the other names UN documents print
for it (``Turkey`` -> ``Türkiye``, ``the former Yugoslav Republic of Macedonia`` -> ``North Macedonia``); a
former name of a state that still exists ('Zaire') names its ``successor``.  ``lookup_state`` reads a printed
name (any case, accents, apostrophes, a leading 'the', a role such as '(on behalf of the Group of 77 and
China)', a close misprint) as today's name, by the one reading of printed names (resolutions.un.state_names).
No Django: the table is read as JSON.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .state_names import closest, name_key

STATES_FILE = Path(__file__).resolve().parent / "data" / "member_states.json"
# Names with 'and' that are not states but are printed in lists of places or groups; they stay whole.
OTHER_NAMES_WITH_AND = frozenset({
    "heard island and mcdonald islands", "saint pierre and miquelon", "turks and caicos islands",
    "wallis and futuna", "wallis and futuna islands", "south georgia and the south sandwich islands",
    "svalbard and jan mayen", "bonaire, sint eustatius and saba", "group of 77 and china",
})


@lru_cache(maxsize=1)
def states() -> list[dict]:
    """Every row of the data file: name, iso3, kind ('member', 'observer', 'former'), aliases, successor."""
    return json.loads(STATES_FILE.read_text(encoding="utf-8"))["states"]


@lru_cache(maxsize=1)
def state_table() -> dict[str, str]:
    """Every known name and alias (as a key) to the name a sponsor is recorded under.

    That is the state's official short name; a state that was only renamed ('Zaire') records its
    successor's name ('Democratic Republic of the Congo').
    """
    table: dict[str, str] = {}
    for state in states():
        recorded = state.get("successor") or state["name"]
        table[name_key(state["name"])] = recorded
        for alias in state["aliases"]:
            table.setdefault(name_key(alias), recorded)
    return table


def _exact(name: str) -> str | None:
    return state_table().get(name_key(name))


def is_one_name(name: str) -> bool:
    """A name known to be one name: a state, or a place or group whose name has 'and' in it."""
    return bool(_exact(name)) or name_key(name) in OTHER_NAMES_WITH_AND


@lru_cache(maxsize=8192)
def lookup_state(name: str) -> str | None:
    """Today's official UN short name for a printed name, or None when unknown.

    Case, accents, curly or straight apostrophes and a leading 'the' do not matter; a misprint clearly closest
    to one known state's name ('TÜRKÝYE', 'CHILEs') is read as that name (state_names.closest).
    """
    found = _exact(name)
    if found or not name:
        return found
    best = closest(name_key(name), state_table())
    return state_table()[best[0]] if best else None
