"""Sponsor lists: split the printed list and name each state by today's official UN short name.

'Angola, Belarus, ..., Uzbekistan and Viet Nam' gives one SponsorRef per
state; names that contain commas or 'and' ('Bolivia (Plurinational State of)',
'Bosnia and Herzegovina', 'the former Yugoslav Republic of Macedonia') stay
whole because the table of states (resolutions.un.member_states) knows
them, and nothing inside parentheses is ever split ('Nigeria (on behalf
of the Group of 77 and China)').  No Django: the table is read as JSON.
"""
from __future__ import annotations

import re

from resolutions.un.member_states import is_one_name, lookup_state

from .document import SponsorRef


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
        if index + 1 < len(parts) and is_one_name(f"{part}, {parts[index + 1]}"):
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
    if len(spans) == 1 or is_one_name(part):
        return [part]

    def joined(first: int, last: int) -> str:  # pieces first..last-1 as printed, their 'and's included
        return part[spans[first][0]:spans[last - 1][1]].strip()

    count = len(spans)
    # best[i]: (unknown groups, groups) for pieces i..count-1, and where the first group ends.
    best: list[tuple[tuple[int, int], int]] = [((0, 0), count)] * (count + 1)
    for first in range(count - 1, -1, -1):
        options = []
        for last in range(first + 1, min(count, first + LONGEST_NAME_IN_PIECES) + 1):
            whole = is_one_name(joined(first, last))
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
