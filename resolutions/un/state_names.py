"""How a state's name as printed is read, once for every reader (sponsor lists, vote lists, the admin): folded into
a key, then matched to a table of keys exactly, joined with the next entry when a list cut one name in two, or by
spelling when it is misspelt.  No Django, no data: the tables are the caller's (resolutions.un.member_states reads
the JSON file; the services index the MemberState rows).

Sponsor lists print names as the UN writes them ('Côte d’Ivoire', 'the Niger', 'Nigeria (on behalf of the Group
of African States)'); the UN's vote lists print them in capitals (``TÜRKİYE``, ``COTE D'IVOIRE``), under former
names (``LIBYAN ARAB JAMAHIRIYA``), and now and then misspelt or split across two entries (``TÜRKÝYE``;
``CÔTE.``, ``D'IVOIRE``).  Every such match says how it was made, so that a reader can check it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, TypeVar

from rapidfuzz import fuzz, process

T = TypeVar("T")

# A misspelt name ('TÜRKÝYE', 'CHILEs', 'LIBYA ARAB JAMAHIRIYA') is matched to the closest known name only when it
# is this close (rapidfuzz ratio, 0-100) and clearly closer (by the margin) than any name of another state: a name
# halfway between two states stays unmatched.  Keys shorter than MIN_FUZZY are never matched by spelling (one
# letter changes a short name into another state's: 'Mali', 'Oman').
FUZZY_THRESHOLD = 85
FUZZY_MARGIN = 5
MIN_FUZZY = 5
SPLIT_NOTE = "one name printed as two entries"
UNMATCHED_NOTE = "no member state, observer or former state of this name"
ROLE = re.compile(r"\s*[(\[]\s*(?:(?:on|of) behalf of|in (?:its|her|his) capacity as)\b|,? on behalf of\b")


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
    """Case-, accent-, apostrophe- and leading-'the'-insensitive form of a name, its role left out."""
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


def _drop_role(name: str) -> str:
    """'nigeria (on behalf of the group of african states (...))' -> 'nigeria'; an unclosed role runs to the end."""
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


def name_index(pairs: Iterable[tuple[str, T]]) -> dict[str, T]:
    """Every (name or alias, state) pair by its key; the first state given a key keeps it."""
    index: dict[str, T] = {}
    for name, state in pairs:
        index.setdefault(name_key(name), state)
    return index


def closest(key: str, index: dict[str, T]) -> tuple[str, float] | None:
    """The one known key this spelling is clearly closest to, with its score; aliases of the same state do not
    compete.  None when none is close enough, or two states are nearly as close."""
    if len(key) < MIN_FUZZY:
        return None
    found = process.extract(key, list(index), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD - FUZZY_MARGIN,
                            limit=10)
    if not found or found[0][1] < FUZZY_THRESHOLD:
        return None
    best, score, _ = found[0]
    rivals = [other_score for other, other_score, _ in found[1:] if index[other] != index[best]]
    if rivals and score - max(rivals) < FUZZY_MARGIN:
        return None
    return best, score


def match_name(name: str, index: dict[str, T]) -> tuple[T | None, str]:
    """(state, how) for one printed name: exact (how is ''), by spelling (how says to what and how close), or
    (None, why not)."""
    key = name_key(name)
    if key in index:
        return index[key], ""
    best = closest(key, index)
    if best is None:
        return None, UNMATCHED_NOTE
    return index[best[0]], f"misspelt; matched by spelling to '{best[0]}' ({best[1]:.0f}%)"


def match_names(printed: list[str], index: dict[str, T]) -> list[tuple[str, T | None, str]]:
    """For each printed name of a list, in order: (name as printed, its state or None, how it was matched or why
    not).  A name split over two entries, neither a name alone, is returned once, joined ("CÔTE. D'IVOIRE" ->
    "CÔTE D'IVOIRE"), for the two entries it came from."""
    results: list[tuple[str, T | None, str]] = []
    i = 0
    while i < len(printed):
        name = printed[i]
        if name_key(name) not in index and i + 1 < len(printed) and name_key(printed[i + 1]) not in index:
            joined = f"{name.rstrip('.').strip()} {printed[i + 1].strip()}"
            if name_key(joined) in index:
                results.append((joined, index[name_key(joined)], SPLIT_NOTE))
                i += 2
                continue
        state, note = match_name(name, index)
        results.append((name, state, note))
        i += 1
    return results
