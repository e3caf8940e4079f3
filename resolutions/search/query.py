"""What the user typed, made safe to search: control characters dropped, very long input cut, symbols spotted.

Queries go through ``websearch_to_tsquery`` (quoted phrases, ``OR``, ``-word``), which never raises on odd
input, so any cleaned text is a valid query. A query that looks like a document symbol can go straight to
that document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery

from resolutions.languages.segmentation import query_text
from resolutions.models import Document
from resolutions.search.notices import Notice
from resolutions.search.planner import read_cursor
from resolutions.search_config import SEARCH_CONFIG, config_for
from resolutions.un.symbols import NORMAL_SYMBOL, normalise_symbol

MAX_QUERY_CHARS = 1000           # longer input is cut here, with a notice (websearch queries longer are noise)
# Control characters, and the private-use characters that mark highlighted words in snippets.
UNSEARCHABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000\ue001]")


@dataclass
class ParsedQuery:
    text: str                       # what is searched (possibly shortened)
    notices: tuple[Notice, ...] = ()  # what the user is told about how the input was changed
    symbol: str | None = None       # the normalised symbol when the input looks like one
    # A language version's ISO 639-1 code when the search is in that language (``language=fr``): the query is read
    # with its configuration and matched against that language's rows (resolutions.languages); '' for the main text.
    language: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    @property
    def config(self) -> str:
        """The text search configuration the query is read with: the language's, else the main text's."""
        return config_for(self.language) if self.language else SEARCH_CONFIG

    @property
    def search_text(self) -> str:
        """What goes to websearch_to_tsquery: the text, with Chinese cut into words (resolutions.languages)."""
        return query_text(self.text, self.language)

    def tsquery(self) -> SearchQuery:
        return SearchQuery(self.search_text, search_type="websearch", config=self.config)


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
        cursor.execute("SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))", [query.config, query.search_text])
        return cursor.fetchone()[0] > 0


def without_terms(query: ParsedQuery) -> ParsedQuery:
    """The query emptied, because it has no indexable word: the filters alone decide, and the user is told."""
    return ParsedQuery(text="", notices=query.notices + (Notice("no_terms"),), language=query.language)
