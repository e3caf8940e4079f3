"""Citable addresses of documents: what a reader can type, guess and cite.

* A document with a symbol lives at its symbol, as the symbol is written without spaces:
  ``/A/RES/80/39/``, ``/S/RES/1454(2002)/``, ``/A/C.3/61/L.7/Rev.1/``. Slashes stay path separators, brackets are
  valid in a path (RFC 3986 sub-delimiters), and the case and spaces a reader types do not matter: ``/a/res/80/39``
  and ``/S/RES/1454 (2002)/`` answer with a permanent redirect to the written form.
* A document without a symbol (a draft whose header was not kept, an old text) lives at ``/documents/<slug>/``,
  the slug made once from its body, year and title (``security-council-1969-cyprus-question``); when staff later
  give it a symbol, the symbol address becomes its address and the slug one redirects there.
* The archive's numbers (``/documents/37/``) redirect to either.
"""
from __future__ import annotations

from django.utils.text import slugify

from resolutions.un import anchors
from resolutions.un.symbols import normalise_symbol

SLUG_TITLE_WORDS = 8
SLUG_MAX = 110


def symbol_path(symbol: str) -> str:
    """The path of a document with this symbol, as printed without its spaces: '/A/C.3/61/L.7/Rev.1/',
    '/S/RES/1454(2002)/'."""
    return "/" + "".join(symbol.split()) + "/"


def address_key(typed: str) -> str:
    """What a typed address means as a symbol key: spaces (and their %20) dropped, upper case."""
    return normalise_symbol(typed).strip("/")


def slug_for(body: str, year: int | None, title: str) -> str:
    """A readable slug from the body, year and the first words of the title; never only digits."""
    words = " ".join((title or "").split()[:SLUG_TITLE_WORDS])
    parts = [slugify(body or "") or "document", str(year) if year else "undated", slugify(words)]
    return "-".join(part for part in parts if part)[:SLUG_MAX].strip("-")


_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def paragraph_citation(cited_as: str, anchor: str, annex_label: str | None = None) -> str:
    """A paragraph cited as the UN cites one: 'A/RES/80/39, para. 12', 'A/RES/80/39, para. 12 (a)',
    'A/RES/80/39, fourth preambular para.' is written 'preambular para. 4', 'A/RES/79/258, sect. II, para. 1',
    'S/RES/1454 (2002), annex B, para. 3'."""
    read = anchors.parse(anchor)
    if read is None or read.kind == "fn":
        return cited_as
    section, kind, number, label = read.section, read.kind, read.number, read.label
    parts = [cited_as]
    if annex_label:
        parts.append(annex_label[:1].lower() + annex_label[1:])
    if section:
        parts.append(f"sect. {_roman(int(section))}")
    sub = f" ({label})" if label else ""
    if kind == "pp":
        parts.append(f"preambular para. {number}{sub}")
    elif kind == "t":
        return ", ".join(parts)
    else:
        parts.append(f"para. {number}{sub}")
    return ", ".join(parts)
