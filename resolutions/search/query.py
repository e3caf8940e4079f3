"""What the user typed, made safe to search: control characters dropped, very long input cut, symbols spotted.

Queries go through ``websearch_to_tsquery`` (quoted phrases, ``OR``, ``-word``), which never raises on odd
input, so any cleaned text is a valid query. A query that looks like a document symbol can go straight to
that document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery

from resolutions.models import Document
from resolutions.search.notices import Notice
from resolutions.search.planner import read_cursor
from resolutions.search_config import SEARCH_CONFIG
from resolutions.un.symbols import NORMAL_SYMBOL, normalise_symbol

MAX_QUERY_CHARS = 1000           # longer input is cut here, with a notice (websearch queries longer are noise)
# Control characters, and the private-use characters that mark highlighted words in snippets.
UNSEARCHABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000\ue001]")


@dataclass
class ParsedQuery:
    text: str                       # what is searched (possibly shortened)
    notices: tuple[Notice, ...] = ()  # what the user is told about how the input was changed
    symbol: str | None = None       # the normalised symbol when the input looks like one

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    def tsquery(self) -> SearchQuery:
        return SearchQuery(self.text, search_type="websearch", config=SEARCH_CONFIG)


def parse_query(raw: str | None) -> ParsedQuery:
    """Clean user input: drop control characters, cut very long input, spot a document symbol."""
    text = UNSEARCHABLE.sub(" ", raw or "")
    text = re.sub(r"\s+", " ", text).strip()
    notices: tuple[Notice, ...] = ()
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
        notices = (Notice("query_cut", typed=len(raw), searched=len(text)),)
    candidate = normalise_symbol(text)
    symbol = candidate if NORMAL_SYMBOL.fullmatch(candidate) else None
    return ParsedQuery(text=text, notices=notices, symbol=symbol)


def find_by_symbol(query: ParsedQuery):
    """The document whose symbol the query is, with or without spaces, in any case."""
    if not query.symbol:
        return None
    return Document.objects.filter(symbol_key=query.symbol).first()


def has_terms(query: ParsedQuery) -> bool:
    """False when the query has no searchable word (only stop words or punctuation)."""
    if query.is_empty:
        return False
    with read_cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))", [SEARCH_CONFIG, query.text])
        return cursor.fetchone()[0] > 0


def without_terms(query: ParsedQuery) -> ParsedQuery:
    """The query emptied, because it has no indexable word: the filters alone decide, and the user is told."""
    return ParsedQuery(text="", notices=query.notices + (Notice("no_terms"),))
