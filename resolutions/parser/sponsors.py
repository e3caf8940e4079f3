"""Sponsor lists: split the printed list and name each state by today's official UN short name.

'Angola, Belarus, ..., Uzbekistan and Viet Nam' gives one SponsorRef per
state; names that contain commas or 'and' ('Bolivia (Plurinational State of)',
'Bosnia and Herzegovina', 'the former Yugoslav Republic of Macedonia') stay
whole because the table of states in resolutions/data/member_states.json
knows them, and nothing inside parentheses is ever split ('Nigeria (on behalf
of the Group of 77 and China)').  No Django: the table is read as JSON.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from .document import SponsorRef

STATES_FILE = Path(__file__).resolve().parent.parent / "data" / "member_states.json"
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
def _key(name: str) -> str:
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
def _states() -> list[dict]:
    return json.loads(STATES_FILE.read_text(encoding="utf-8"))["states"]


@lru_cache(maxsize=1)
def state_table() -> dict[str, str]:
    """Every known name and alias (as a key) to the name a sponsor is recorded under.

    That is the state's official short name; a state that was only renamed ('Zaire') records its
    successor's name ('Democratic Republic of the Congo').
    """
    table: dict[str, str] = {}
    for state in _states():
        recorded = state.get("successor") or state["name"]
        table[_key(state["name"])] = recorded
        for alias in state["aliases"]:
            table.setdefault(_key(alias), recorded)
    return table


def _exact(name: str) -> str | None:
    return state_table().get(_key(name))


def _whole(name: str) -> bool:
    """A name known to be one name: a state, or a place or group whose name has 'and' in it."""
    return bool(_exact(name)) or _key(name) in OTHER_NAMES_WITH_AND


@lru_cache(maxsize=8192)
def lookup_state(name: str) -> str | None:
    """Today's official UN short name for a printed name, or None when unknown.

    Case, accents, curly or straight apostrophes and a leading 'the' do not matter; a misprint close to
    one known name ('TÜRKÝYE', 'CHILEs') is read as that name.
    """
    found = _exact(name)
    if found or not name:
        return found
    key = _key(name)
    if len(key) < 5:
        return None
    best = process.extract(key, state_table().keys(), scorer=fuzz.ratio, limit=2)
    if not best or best[0][1] < FUZZY_THRESHOLD:
        return None
    if len(best) > 1 and best[1][1] > best[0][1] - FUZZY_MARGIN and \
            state_table()[best[1][0]] != state_table()[best[0][0]]:
        return None
    return state_table()[best[0][0]]


def _spans_outside_parentheses(text: str, separator: str) -> list[tuple[int, int]]:
    """Where the pieces are when text is split on a separator (',' or ' and ', in any case) outside brackets."""
    spans, depth, start, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and text[index:index + len(separator)].lower() == separator:
            spans.append((start, index))
            index += len(separator)
            start = index
            continue
        index += 1
    spans.append((start, len(text)))
    return spans


def _split_outside_parentheses(text: str, separator: str) -> list[str]:
    return [text[a:b] for a, b in _spans_outside_parentheses(text, separator)]


def split_sponsors(text: str) -> list[SponsorRef]:
    """Split a printed sponsor list on commas and the final 'and', keeping known names whole."""
    text = re.sub(r"\s+", " ", text.replace("*", "")).strip().rstrip(":").strip()
    parts = [p.strip() for p in _split_outside_parentheses(text, ",") if p.strip()]
    names: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        # ISO-style names such as 'Korea, Republic of' never split on their comma.
        if index + 1 < len(parts) and _whole(f"{part}, {parts[index + 1]}"):
            names.append(f"{part}, {parts[index + 1]}")
            index += 2
            continue
        names.extend(_split_and(re.sub(r"^and\s+", "", part, flags=re.IGNORECASE)))
        index += 1
    return [SponsorRef(name=name, state=lookup_state(name)) for name in names if name]


LONGEST_NAME_IN_PIECES = 4  # 'Bonaire, Sint Eustatius and Saba' has two; no known name has more than four


def _split_and(part: str) -> list[str]:
    """'Uzbekistan and Viet Nam' -> two names, 'Bosnia and Herzegovina' -> one, by the table of states.

    The pieces between ' and 's are grouped so that as many groups as possible are known names; a piece
    that no known name covers stands alone (the list's final 'and' separates two names).  Dynamic
    programming over the pieces, so the time is linear in their number.
    """
    spans = _spans_outside_parentheses(part, " and ")
    if len(spans) == 1 or _whole(part):
        return [part]

    def joined(first: int, last: int) -> str:  # pieces first..last-1 as printed, their 'and's included
        return part[spans[first][0]:spans[last - 1][1]].strip()

    count = len(spans)
    # best[i]: (unknown groups, groups) for pieces i..count-1, and where the first group ends.
    best: list[tuple[tuple[int, int], int]] = [((0, 0), count)] * (count + 1)
    for first in range(count - 1, -1, -1):
        options = []
        for last in range(first + 1, min(count, first + LONGEST_NAME_IN_PIECES) + 1):
            whole = _whole(joined(first, last))
            if last - first > 1 and not whole:
                continue
            unknown = 0 if whole else 1
            (rest_unknown, rest_groups), _ = best[last]
            options.append(((unknown + rest_unknown, 1 + rest_groups), last))
        best[first] = min(options)
    names, first = [], 0
    while first < count:
        last = best[first][1]
        names.append(joined(first, last))
        first = last
    return names
