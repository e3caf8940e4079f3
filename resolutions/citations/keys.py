"""Normalised identifiers for cited things, shared by the parser and the archive.

A key names what is cited, whatever way it was written: 'resolution:A:61/180',
'resolution:S:2720(2023)', 'decision:E:1980/127', 'document:E/CN.4/2006/62',
'treaty:2171:27531'.  The archive resolves a key against documents' symbols
(resolutions.services.citations).
"""
from __future__ import annotations

import re

from resolutions.un.bodies import SERIES_OF
from resolutions.un.symbols import normalise_symbol


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
    body = SERIES_OF.get(citation.body or "", citation.body or "?")
    return f"{citation.kind}:{body}:{normalise_number(citation.number or '')}"
