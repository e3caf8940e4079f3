"""Pinpoints: which paragraphs of a cited resolution a citation names ('paragraph 12 of resolution 61/180').

The UN names a cited paragraph before the resolution: 'paragraph 5 of its resolution 79/33', 'paragraphs 3, 6 and
7 of resolution 1591 (2005)', 'paragraph 12 (g) of resolution 1718', 'paragraphs 20 to 22 of resolution 1493'.
``pinpoint_before(text, start)`` reads the words just before a citation's anchor (where 'resolution' starts) and
returns the paragraphs named, in order ('12', '12(g)', a range spelt out), or ``()``.  Only the operative
paragraphs of a resolution are numbered, so the numbers are operative numbers.  Paragraphs of an annex ('paragraph
5 of the annex to resolution ...') are not the resolution's and give no pinpoint.

No Django; the window read is bounded (``WINDOW`` characters), so the time does not grow with the text.
"""
from __future__ import annotations

import re

from resolutions.un.bodies import ORGAN_NAMES, names_pattern

WINDOW = 160                     # characters read before the anchor
MAX_RANGE = 40                   # 'paragraphs 1 to 400' is read as its ends, never spelt out
ONE = r"\d{1,3}(?:\s?\([a-z]{1,4}\))?"
SEPARATOR = r"(?:,\s*and\s+|,\s*|\s+and\s+|\s+to\s+|\s?[-\u2013]\s?)"
# What may stand between 'of' and the word 'resolution': nothing, 'its', 'their', or the organ that issued it.
ISSUER = rf"(?:(?:its|their)\s+|(?:the\s+)?(?:{names_pattern(ORGAN_NAMES)}|Council|Assembly)(?:[’']s)?\s+)?"
PINPOINT = re.compile(rf"\b[Pp]aragraphs?\s+(?P<list>{ONE}(?:{SEPARATOR}{ONE})*)\s+of\s+{ISSUER}$")
ITEM = re.compile(rf"(?P<number>\d{{1,3}})(?:\s?\((?P<label>[a-z]{{1,4}})\))?(?P<to>\s+to\s+|\s?[-\u2013]\s?)?")


def pinpoint_before(text: str, start: int) -> tuple[str, ...]:
    """The paragraphs named just before ``start`` ('paragraph 12 of ' ... 'resolution'): ('12',), ('12(g)',),
    ('3', '6', '7'); a range 'N to M' is spelt out when short."""
    window = re.sub(r"\s+", " ", text[max(0, start - WINDOW):start])
    match = PINPOINT.search(window)
    if not match:
        return ()
    found: list[str] = []
    pending_range: int | None = None
    for item in ITEM.finditer(match.group("list")):
        number = int(item.group("number"))
        if pending_range is not None and 0 < number - pending_range <= MAX_RANGE:
            found.extend(str(n) for n in range(pending_range + 1, number))
        pending_range = None
        found.append(f"{number}({item.group('label')})" if item.group("label") else str(number))
        if item.group("to"):
            pending_range = number
    return tuple(dict.fromkeys(found))


def split_pinpoint(pinpoint: str) -> tuple[str, str]:
    """'12(g)' -> ('12', 'g'); '12' -> ('12', '')."""
    number, _, label = pinpoint.partition("(")
    return number, label.rstrip(")")
