"""What a typed query cites, when it is a citation: the search box reads citations the way the finder reads them.

Pure Python, no Django. ``read_cited(text)`` answers for a whole query written as people cite a text:

- a symbol: ``A/RES/61/180``, ``S/RES/1454 (2002)``, ``E/RES/2008/33``, ``A/C.3/61/L.7/Rev.1`` (any case, any spaces);
- a resolution or decision as the finder reads one: ``resolution 61/180``, ``General Assembly resolution 61/180``,
  ``Security Council resolution 1454``, ``decision 60/551``;
- a number alone in a shape that is only a resolution's: ``61/180``, ``1454 (2002)``, ``2008/33``, ``ES-10/15``.

The answer names the stored citation keys (``resolutions.citations.keys``) that designate the thing, so a
resolution's symbol and each of its short forms find the same citations: ``A/RES/61/180``, ``resolution
61/180`` and ``61/180`` all give ``resolution:A:61/180``, ``resolution:?:61/180`` (a citation whose organ the
finder could not tell, in the shape the Assembly numbers) and ``document:A/RES/61/180``. A Security Council
number typed without its year (``resolution 1454``, ``S/RES/1454``) is marked ``year_missing``: the archive
finds the year (``resolutions.search.citing``).

``symbol_prefix(text)`` reads ``A/RES/80/*``, ``A/C.3/78/L.*``, ``S/RES/24*``: a symbol's beginning;
``bare_resolution_number(text)`` reads ``1325``, a number the Security Council may have adopted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.un.bodies import RESOLUTION_SERIES, SECURITY_COUNCIL, SERIES_OF, names_pattern
from resolutions.un.symbols import NORMAL_SYMBOL, normalise_symbol, resolution_number, resolution_symbol

from .finder import NUMBER_CORE, PARTS, find_citations
from .keys import default_series, normalise_number

# 'General Assembly resolution 61/180', 'resolutions 61/180', 'the Security Council decision 60/551'.
PHRASE = re.compile(rf"(?:the\s+)?(?:(?:{names_pattern()})\s+)?(?P<word>resolutions?|decisions?)\s+(?P<rest>.+)",
                    re.IGNORECASE)
NUMBER_ONLY = re.compile(rf"{NUMBER_CORE}{PARTS}")
SC_NUMBER = re.compile(r"\d{1,4}")          # a Security Council number without its year: 'resolution 1454'
SC_WITHOUT_YEAR = re.compile(rf"{re.escape(resolution_symbol(SERIES_OF[SECURITY_COUNCIL], ''))}(?P<number>\d{{1,4}})")
PREFIX = re.compile(r"(?P<prefix>.+?)/?\*")
BARE = re.compile(r"\d{1,4}")


@dataclass(frozen=True)
class Cited:
    """A thing a query cites: a resolution, a decision or a document."""

    kind: str                                   # "resolution" | "decision" | "document"
    label: str                                  # as the UN writes it: 'A/RES/61/180', 'decision 60/551'
    keys: tuple[str, ...] = ()                  # the stored citations' target_keys that designate it
    symbol_key: str | None = None               # Document.symbol_key of the thing itself, if it has a symbol
    year_missing: str | None = None             # a Security Council number typed without its year: '1454'
    children_prefix: str | None = None          # a symbol typed whole may also begin other symbols: 'A/RES/80/'


def cited_resolution(kind: str, series: str | None, number: str) -> Cited:
    """The resolution (or decision) ``number`` of the organ whose series is ``series`` (None: the shape's)."""
    number = normalise_number(number)
    shape_series = default_series(number)
    series = series or shape_series
    keys = [f"{kind}:{series}:{number}"]
    if series == shape_series:
        keys.append(f"{kind}:?:{number}")       # the finder could not name the organ; the shape does
    symbol_key = None
    if kind == "resolution" and series in RESOLUTION_SERIES:
        symbol_key = normalise_symbol(resolution_symbol(series, number))
        keys.append(f"document:{symbol_key}")
    label = _symbol_label(symbol_key) if symbol_key else f"{kind} {number}"
    return Cited(kind, label, tuple(keys), symbol_key)


def _symbol_label(symbol_key: str) -> str:
    """'S/RES/1454(2002)' -> 'S/RES/1454 (2002)': the Council's year printed after a space."""
    return re.sub(r"(\S)\((\d{4})\)$", r"\1 (\2)", symbol_key)


def read_cited(text: str) -> Cited | None:
    """What the whole query cites, or None when it is not a citation (then it is searched as words)."""
    text = " ".join((text or "").split())
    if not text or len(text) > 120:
        return None
    symbol = normalise_symbol(text)
    if NORMAL_SYMBOL.fullmatch(symbol) and "*" not in symbol:
        return _cited_symbol(symbol)
    phrase = PHRASE.fullmatch(text)
    if phrase:
        kind = "decision" if phrase.group("word").lower().startswith("decision") else "resolution"
        rest = phrase.group("rest")
        if SC_NUMBER.fullmatch(rest):
            if kind == "resolution" and _names_other_organ(text):
                return None
            return _sc_without_year(rest) if kind == "resolution" else None
        return _cited_number(kind, text, rest)
    if NUMBER_ONLY.fullmatch(text) and not BARE.fullmatch(text):
        return _cited_number("resolution", f"resolution {text}", text)
    return None


def _names_other_organ(text: str) -> bool:
    """'General Assembly resolution 1454' names an organ other than the Council that numbers that way."""
    named = re.match(rf"(?:the\s+)?(?P<organ>{names_pattern()})\s", text, re.IGNORECASE)
    return bool(named) and named.group("organ").lower() != SECURITY_COUNCIL.lower()


def _cited_number(kind: str, text: str, number_text: str) -> Cited | None:
    """A resolution or decision number read by the citation finder, with the organ the query names, if any."""
    if not NUMBER_ONLY.fullmatch(number_text):
        return None
    found = [c for c in find_citations(text) if c.kind == kind and c.number]
    if len(found) != 1:
        return None
    citation = found[0]
    series = SERIES_OF.get(citation.body or "") if citation.body else None
    return cited_resolution(kind, series, citation.number)


def _sc_without_year(number: str) -> Cited:
    number = str(int(number))
    return Cited("resolution", f"resolution {number}", (f"resolution:S:{number}",), year_missing=number)


def _cited_symbol(symbol: str) -> Cited:
    """A symbol typed whole: a resolution's designates the resolution as cited by number too."""
    without_year = SC_WITHOUT_YEAR.fullmatch(symbol)
    if without_year:
        return _sc_without_year(without_year.group("number"))
    children = symbol.rstrip("/") + "/"
    resolution = resolution_number(symbol)
    if resolution:
        series, number = resolution
        cited = cited_resolution("resolution", series, number)
        if cited.symbol_key == symbol:
            return Cited(cited.kind, cited.label, cited.keys, symbol, children_prefix=children)
    return Cited("document", _symbol_label(symbol), (f"document:{symbol}",), symbol, children_prefix=children)


def with_year(cited: Cited, year: str) -> Cited:
    """A Security Council number typed without its year, once the archive knows the year."""
    found = cited_resolution("resolution", "S", f"{cited.year_missing} ({year})")
    return Cited(found.kind, found.label, tuple(dict.fromkeys(found.keys + cited.keys)), found.symbol_key)


def symbol_prefix(text: str) -> str | None:
    """The beginning of symbols a query asks for: 'A/RES/80/*' -> 'A/RES/80/', 'A/C.3/78/L.*' -> 'A/C.3/78/L.',
    'S/RES/24*' -> 'S/RES/24'; None for anything else."""
    typed = normalise_symbol(text or "")
    match = PREFIX.fullmatch(typed)
    if not match:
        return None
    prefix = match.group("prefix") + ("/" if typed.endswith("/*") else "")
    if "*" in prefix or not NORMAL_SYMBOL.fullmatch(prefix):
        return None
    return prefix


def bare_resolution_number(text: str) -> str | None:
    """'1325' -> '1325': a number alone that may be a Security Council resolution (offered, never imposed)."""
    text = (text or "").strip()
    return str(int(text)) if BARE.fullmatch(text) and int(text) > 0 else None
