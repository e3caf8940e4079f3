"""UN document symbols: how one looks, its normal form, the symbol of a resolution and the organ a symbol names.

A symbol is a series code and '/'-separated parts: A/C.3/61/L.7/Rev.1 (a Third Committee draft),
A/RES/61/180 (a General Assembly resolution), S/RES/2720 (2023), E/CN.6/2024/L.3.
"""
from __future__ import annotations

import re

from .bodies import ORGANS, RESOLUTION_SERIES

# The series codes, longest first so that 'A/HRC' is tried before 'A'.
SERIES_CODES = tuple(sorted({organ.series for organ in ORGANS}, key=len, reverse=True))
SERIES = "|".join(re.escape(code) for code in SERIES_CODES)
# The series of the organs whose resolutions have symbols of their own (A, S, E, A/HRC), as a pattern: the
# symbols a resolution or its draft is printed under.
RESOLUTION_SERIES_PATTERN = "|".join(re.escape(code) for code in sorted(RESOLUTION_SERIES, key=len, reverse=True))
# Their one-letter series ('[AES]'): the letter printed large at the head of a symbol, the logo letters of old
# cover pages ('UNITED NATIONS A').
SERIES_LETTER = "[" + "".join(sorted(code for code in RESOLUTION_SERIES if len(code) == 1)) + "]"
# A symbol as printed at the top of a document: a series, then parts (the Security Council's year after a space).
SYMBOL = rf"(?:{SERIES})/[A-Z0-9][A-Za-z0-9./\-]{{2,50}}(?:\s\(\d{{4}}\))?"
# A symbol in its normal form (normalise_symbol): upper case, no spaces.
NORMAL_SYMBOL = re.compile(rf"(?:{SERIES})/[A-Z0-9./()\-]{{2,60}}")
RESOLUTION_INFIX = "/RES/"
# The General Assembly numbers its resolutions within a session, a special session ('S-27') or an emergency special
# session ('ES-10'): 80/13, S-27/2, ES-10/21 (printed above the title, and after A/RES/).
ASSEMBLY_SESSION = r"(?:ES-|S-)?\d{1,2}"
ASSEMBLY_NUMBER = rf"{ASSEMBLY_SESSION}/\d{{1,4}}"
SPECIAL_SESSIONS = (("ES-", "emergency special"), ("S-", "special"))   # the session's prefix, its kind as printed
# A revised draft: its symbol and '/Rev.N' (normalised: '/REV.N').
REVISION_INFIX = "/REV"
_REVISION = re.compile(rf"^(?P<base>.+?){re.escape(REVISION_INFIX)}\.?(?P<number>\d+)$")
# The UN's Official Document System answers a symbol at this address with the document in English (the form the
# UN's own pages link to, e.g. https://docs.un.org/en/A/RES/70/1 and https://docs.un.org/en/S/RES/2720(2023)).
ODS_ADDRESS = "https://docs.un.org/en/"
# The UN's short links to a symbol's document, as DGACM's Akoma Ntoso files write them (<a href="https://undocs.org/
# en/A/RES/70/1">).
UNDOCS_ADDRESS = "https://undocs.org/en/"
# A symbol as a page prints it on a line of its own (the running symbol at the top of later pages, or beside the
# page's job number): a series of an organ with resolutions, '/'-separated parts, the Council's year after a space.
RUNNING_SYMBOL = (rf"(?:{RESOLUTION_SERIES_PATTERN})/(?:[A-Z0-9][A-Za-z0-9.\-]{{0,20}}/){{1,6}}[A-Za-z0-9.\-]{{1,20}}"
                  r"(?: \(\d{4}\))?")


def normalise_symbol(symbol: str) -> str:
    """Upper case, no spaces: 'a/c.3/61/l.7/rev. 1' -> 'A/C.3/61/L.7/REV.1'."""
    return re.sub(r"\s+", "", symbol).upper()


def resolution_symbol(series: str, number: str) -> str:
    """The symbol of an organ's resolution: ('A', '61/180') -> 'A/RES/61/180'."""
    return f"{series}{RESOLUTION_INFIX}{number}"


def resolution_number(symbol_key: str) -> tuple[str, str] | None:
    """(series, number) of a resolution's normalised symbol: 'A/HRC/RES/52/1' -> ('A/HRC', '52/1'); None for
    any other document."""
    for series in sorted(RESOLUTION_SERIES, key=len, reverse=True):
        prefix = resolution_symbol(series, "")
        if symbol_key.startswith(prefix) and len(symbol_key) > len(prefix):
            return series, symbol_key[len(prefix):]
    return None


def organ_of_symbol(symbol: str) -> str | None:
    """The organ a symbol's series names, among those with resolutions of their own: 'A/C.3/61/L.7' -> 'General
    Assembly', 'A/HRC/RES/52/1' -> 'Human Rights Council', 'E/CN.6/2024/L.3' -> 'Economic and Social Council'."""
    series = next((code for code in sorted(RESOLUTION_SERIES, key=len, reverse=True)
                   if symbol.startswith(code + "/")), None)
    return RESOLUTION_SERIES.get(series) if series else None


def akn_number(symbol_key: str) -> str | None:
    """The number AKN4UN gives a resolution in its FRBR URIs, as DGACM's files write it: 'A/RES/78/110' -> '78-110',
    'A/RES/ES-10/24' -> 'ES-10-24', 'S/RES/2722(2024)' -> '2722-2024', for the resolutions of the one-letter
    series; None for any other symbol (a draft, 'A/HRC/RES/52/1')."""
    found = resolution_number(symbol_key)
    if found is None or len(found[0]) != 1:
        return None
    match = re.fullmatch(r"([0-9A-Z-]+)/(\d+)|(\d+)\((\d{4})\)", found[1])
    if match is None:
        return None
    return "-".join(part for part in match.groups() if part)


def revision_parts(symbol_key: str | None) -> tuple[str, int] | None:
    """('A/C.3/61/L.7', 1) for 'A/C.3/61/L.7/REV.1'; ('A/C.3/61/L.7', 0) for the base symbol; None for none."""
    if not symbol_key:
        return None
    match = _REVISION.match(symbol_key)
    if match:
        return match["base"], int(match["number"])
    return symbol_key, 0


def special_session(symbol: str | None) -> str:
    """The kind of special session an Assembly symbol's number says: 'emergency special' for A/RES/ES-10/21,
    'special' for A/RES/S-27/2, '' otherwise."""
    return next((kind for prefix, kind in SPECIAL_SESSIONS if f"/{prefix}" in (symbol or "")), "")


def ods_url(symbol: str) -> str:
    """The UN's public copy of a symbol's document: 'S/RES/186 (1964)' -> 'https://docs.un.org/en/S/RES/186(1964)'
    (the Council's year joined to the number, as the UN's links write it); other spaces are kept, encoded
    ('NPT/CONF.2000/28 (Parts I and II)')."""
    from urllib.parse import quote

    written = re.sub(r"\s+\((\d{4})\)$", r"(\1)", " ".join(symbol.split()))
    return ODS_ADDRESS + quote(written, safe="/().-")


# The General Assembly's emergency special sessions number their documents apart (A/RES/ES-11/1, A/ES-10/L.22):
# their session 11 is not the eleventh regular session.  A regular expression over ``symbol_key``.
EMERGENCY_SESSION_SYMBOL = r"^A/(RES/)?ES-[0-9]+/"
