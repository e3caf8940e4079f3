"""Normalised identifiers for cited things, shared by the parser and the archive.

A key names what is cited, whatever way it was written: 'resolution:A:61/180',
'resolution:S:2720(2023)', 'decision:E:1980/127', 'document:E/CN.4/2006/62',
'treaty:2171:27531'.  The archive resolves a key against documents' symbols
(resolutions.services.citations).
"""
from __future__ import annotations

import re

from resolutions.un.bodies import RESOLUTION_SERIES, SERIES_OF
from resolutions.un.symbols import normalise_symbol, resolution_symbol


def normalise_number(number: str) -> str:
    """'61/180' as is; '2720 (2023)' -> '2720(2023)'; parts '57/284 A and B' -> '57/284A-B', '75/254 A to C' -> '75/254A-C'."""
    number = re.sub("[\u2010\u2011\u2012\u2013]", "-", number).strip()
    parts = re.search(r"\s([A-Z])((?:(?:\s(?:and|to)\s|\s?-\s?|,\s)[A-Z])+)$", number)
    if parts:
        number = f"{number[:parts.start()]}{parts.group(1)}-{parts.group(2)[-1]}"
    return re.sub(r"\s+", "", number)


# A number with its parts as normalise_number writes them: '57/284A-B' (A and B), '75/254A-C' (A to C).
_PARTS = re.compile(r"(?P<base>.*\d)(?P<first>[A-Z])-(?P<last>[A-Z])")
# A number with one part: '57/284B', '217A(III)' is not one (the old style's part comes before the session).
_ONE_PART = re.compile(r"(?P<base>.*\d)(?P<part>[A-Z])")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def part_numbers(number: str) -> list[str]:
    """The number of each part a citation of several names: '57/270A-B' -> ['57/270A', '57/270B'], '75/254A-C' ->
    A, B and C; [] for a number without parts. ('A, B and D' was written 'A-D' by normalise_number: C comes too.)"""
    match = _PARTS.fullmatch(number)
    if not match or match.group("first") >= match.group("last"):
        return []
    letters = _LETTERS[_LETTERS.index(match.group("first")):_LETTERS.index(match.group("last")) + 1]
    return [match.group("base") + letter for letter in letters]


def numbers_naming_part(number: str) -> list[str]:
    """Every normalised number of several parts that names this one part: '57/270B' -> '57/270A-B', '57/270A-C',
    ..., '57/270B-C', ... (at most 182, for the middle letters); [] for a number without one part."""
    match = _ONE_PART.fullmatch(number)
    if not match:
        return []
    base, index = match.group("base"), _LETTERS.index(match.group("part"))
    return [f"{base}{first}-{last}" for i, first in enumerate(_LETTERS[:index + 1])
            for last in _LETTERS[max(index, i + 1):]]


def citation_key(citation) -> str:
    """'resolution:A:61/180', 'document:E/CN.4/2006/62', 'treaty:2171:27531'."""
    if citation.kind == "treaty":
        return f"treaty:{citation.volume or ''}:{citation.treaty_number or ''}"
    if citation.kind == "document" or (citation.symbol and not citation.number):
        return f"document:{normalise_symbol(citation.symbol or citation.text)}"
    body = SERIES_OF.get(citation.body or "", citation.body or "?")
    return f"{citation.kind}:{body}:{normalise_number(citation.number or '')}"


def default_series(number: str) -> str:
    """The organ a resolution number's shape names when the text names none: 'N(YYYY)' is the Security Council's,
    'YYYY/N' the Economic and Social Council's (numbered by year since 1978), any other the General Assembly's
    ('61/180', 'ES-10/15', '217A(III)')."""
    number = re.sub(r"\s+", "", number)
    if re.fullmatch(r"\d{1,4}\(\d{4}\)", number):
        return "S"
    if re.fullmatch(r"(?:19[4-9]\d|2\d{3})/\d{1,4}", number):
        return "E"
    return "A"


def symbol_of_key(target_key: str) -> str | None:
    """The symbol a citation key's document is published under, or None (decisions and treaties have none):
    'document:NPT/CONF.2000/28(PARTSIANDII)' -> itself, 'resolution:S:186(1964)' -> 'S/RES/186(1964)',
    'resolution:?:61/180' -> 'A/RES/61/180' (the organ the number's shape names)."""
    kind, _, rest = target_key.partition(":")
    if kind == "document" and rest:
        return rest
    if kind == "resolution":
        series, _, number = rest.partition(":")
        series = default_series(number) if series == "?" else series
        if series in RESOLUTION_SERIES and number:
            # the UN publishes each part under its own symbol: a citation of parts has the first part's
            return normalise_symbol(resolution_symbol(series, (part_numbers(number) or [number])[0]))
    return None
