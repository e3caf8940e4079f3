"""Normalised identifiers for cited things, shared by the parser and the archive."""
from __future__ import annotations

import re

BODY_CODES = {
    "General Assembly": "A",
    "Security Council": "S",
    "Economic and Social Council": "E",
    "Human Rights Council": "A/HRC",
}


def normalise_symbol(symbol: str) -> str:
    """Upper case, no spaces: 'a/c.3/61/l.7/rev. 1' -> 'A/C.3/61/L.7/REV.1'."""
    return re.sub(r"\s+", "", symbol).upper()


def citation_key(citation) -> str:
    """'resolution:A:61/180', 'document:E/CN.4/2006/62', 'treaty:2171:27531'."""
    if citation.kind == "treaty":
        return f"treaty:{citation.volume or ''}:{citation.treaty_number or ''}"
    if citation.kind == "document" or (citation.symbol and not citation.number):
        return f"document:{normalise_symbol(citation.symbol or citation.text)}"
    body = BODY_CODES.get(citation.body or "", citation.body or "?")
    number = re.sub(r"\s+", "", citation.number or "")
    return f"{citation.kind}:{body}:{number}"
