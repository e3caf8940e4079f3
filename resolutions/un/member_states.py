"""Member states, observer states and former members, under the short names the UN uses today.

``data/member_states.json`` holds each state's name, ISO code, kind and the other names UN documents print
for it (``Turkey`` -> ``Türkiye``, ``the former Yugoslav Republic of Macedonia`` -> ``North Macedonia``); a
former name of a state that still exists ('Zaire') names its ``successor``.  ``lookup_state`` reads a printed
name (any case, accents, apostrophes, a leading 'the', a role such as '(on behalf of the Group of 77 and
China)', a close misprint) as today's name.  No Django: the table is read as JSON.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

STATES_FILE = Path(__file__).resolve().parent / "data" / "member_states.json"
# A misprinted name ('TÜRKÝYE', 'CHILEs', 'LIBYA ARAB JAMAHIRIYA') is matched to the closest known name only
# when it is this close (rapidfuzz ratio, 0-100) and clearly closer than the next candidate.
FUZZY_THRESHOLD = 85
FUZZY_MARGIN = 5
# Names with 'and' that are not states but are printed in lists of places or groups; they stay whole.
OTHER_NAMES_WITH_AND = frozenset({
    "heard island and mcdonald islands", "saint pierre and miquelon", "turks and caicos islands",
    "wallis and futuna", "wallis and futuna islands", "south georgia and the south sandwich islands",
    "svalbard and jan mayen", "bonaire, sint eustatius and saba", "group of 77 and china",
})


def _repair_mojibake(name: str) -> str:
    """'CÃ´te d'Ivoire' (UTF-8 read as Latin-1, as in some library records) -> 'Côte d'Ivoire'."""
    if "Ã" in name or "Â" in name:
        try:
            return name.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return name
    return name


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Case-, accent-, apostrophe- and leading-'the'-insensitive form of a name."""
    name = unicodedata.normalize("NFKD", _repair_mojibake(name))
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = name.replace("’", "'").replace("‘", "'").replace("`", "'").lower().strip().strip("*").strip()
    name = re.sub(r"^the\s+", "", name)
    # 'Bahamas (the)', 'Uganda (on behalf of the Group of 77 and China)', 'Romania (in its capacity as Chair of
    # ...)': the state is what comes first.
    name = re.sub(r"\s*[(\[]\s*(?:the|)\s*[)\]]$", "", name)
    name = _drop_role(name)
    name = re.sub(r"[.:;,]+$", "", name).strip()
    return re.sub(r"\s+", " ", name)


ROLE = re.compile(r"\s*[(\[]\s*(?:(?:on|of) behalf of|in (?:its|her|his) capacity as)\b|,? on behalf of\b")


def _drop_role(name: str) -> str:
    """'Nigeria (on behalf of the Group of African States (...))' -> 'Nigeria'; an unclosed role runs to the end."""
    match = ROLE.search(name)
    if not match:
        return name
    depth, index = 0, match.start()
    while index < len(name):
        if name[index] in "([":
            depth += 1
        elif name[index] in ")]":
            depth -= 1
            if depth == 0:
                return (name[:match.start()] + name[index + 1:]).strip()
        index += 1
    return name[:match.start()].strip()


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

    Case, accents, curly or straight apostrophes and a leading 'the' do not matter; a misprint close to
    one known name ('TÜRKÝYE', 'CHILEs') is read as that name.
    """
    found = _exact(name)
    if found or not name:
        return found
    key = name_key(name)
    if len(key) < 5:
        return None
    best = process.extract(key, state_table().keys(), scorer=fuzz.ratio, limit=2)
    if not best or best[0][1] < FUZZY_THRESHOLD:
        return None
    if len(best) > 1 and best[1][1] > best[0][1] - FUZZY_MARGIN and \
            state_table()[best[1][0]] != state_table()[best[0][0]]:
        return None
    return state_table()[best[0][0]]
