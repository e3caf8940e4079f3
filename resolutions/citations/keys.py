"""Normalised identifiers for cited things, shared by the parser and the archive.

A key names what is cited, whatever way it was written: 'resolution:A:61/180',
'resolution:S:2720(2023)', 'decision:E:1980/127', 'document:E/CN.4/2006/62',
'treaty:2171:27531'.  The archive resolves a key against documents' symbols
(resolutions.services.citations).
"""
from __future__ import annotations

import re

# The symbol series of each organ (a resolution of the General Assembly is A/RES/..., and so on).
BODY_CODES = {
    "General Assembly": "A",
    "Security Council": "S",
    "Economic and Social Council": "E",
    "Human Rights Council": "A/HRC",
    "Trusteeship Council": "T",
    "Commission on Human Rights": "E/CN.4",
    "Commission for Social Development": "E/CN.5",
    "Commission on the Status of Women": "E/CN.6",
    "Commission on Narcotic Drugs": "E/CN.7",
    "Commission on Population and Development": "E/CN.9",
    "Commission on Crime Prevention and Criminal Justice": "E/CN.15",
    "Commission on Science and Technology for Development": "E/CN.16",
    "Commission on Sustainable Development": "E/CN.17",
}


# The organs whose resolutions carry a symbol of their own series, code -> organ: A/RES/61/180, S/RES/2720 (2023),
# E/RES/2008/33, A/HRC/RES/52/1.
RESOLUTION_SERIES = {code: organ for organ, code in BODY_CODES.items() if code in ("A", "S", "E", "A/HRC")}


def normalise_symbol(symbol: str) -> str:
    """Upper case, no spaces: 'a/c.3/61/l.7/rev. 1' -> 'A/C.3/61/L.7/REV.1'."""
    return re.sub(r"\s+", "", symbol).upper()


def normalise_number(number: str) -> str:
    """'61/180' as is; '2720 (2023)' -> '2720(2023)'; parts '57/284 A and B' -> '57/284A-B', '75/254 A to C' -> '75/254A-C'."""
    number = re.sub("[\u2010\u2011\u2012\u2013]", "-", number).strip()
    parts = re.search(r"\s([A-Z])((?:(?:\s(?:and|to)\s|\s?-\s?|,\s)[A-Z])+)$", number)
    if parts:
        number = f"{number[:parts.start()]}{parts.group(1)}-{parts.group(2)[-1]}"
    return re.sub(r"\s+", "", number)


def citation_key(citation) -> str:
    """'resolution:A:61/180', 'document:E/CN.4/2006/62', 'treaty:2171:27531'."""
    if citation.kind == "treaty":
        return f"treaty:{citation.volume or ''}:{citation.treaty_number or ''}"
    if citation.kind == "document" or (citation.symbol and not citation.number):
        return f"document:{normalise_symbol(citation.symbol or citation.text)}"
    body = BODY_CODES.get(citation.body or "", citation.body or "?")
    return f"{citation.kind}:{body}:{normalise_number(citation.number or '')}"
