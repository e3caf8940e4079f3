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
from resolutions.search.scoring import rank_sql
from resolutions.search_config import SEARCH_CONFIG, config_for, indexed_compounds, joined_compounds
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

    @property
    def searched(self) -> str:
        """What the index is asked: in the main text, the text with its compound words joined ('South-East' ->
        'SouthEast'), which the index holds for both spellings (resolutions/search_config.py)."""
        return self.search_text if self.language else joined_compounds(self.search_text)

    @property
    def forms(self) -> list[str]:
        """The texts asked for, either matching: joined compounds, and (when it has compounds) compounds as the
        index writes them, for phrases where the joined form is not at the compound's place. A language version's
        text is indexed as printed."""
        indexed = self.search_text if self.language else indexed_compounds(self.search_text)
        return [self.searched] if indexed == self.search_text else [self.searched, indexed]

    def tsquery(self) -> SearchQuery:
        forms = [SearchQuery(form, search_type="websearch", config=self.config) for form in self.forms]
        return forms[0] if len(forms) == 1 else forms[0] | forms[1]

    def tsquery_sql(self) -> tuple[str, list]:
        forms = self.forms
        sql = " || ".join(["websearch_to_tsquery(%s::regconfig, %s)"] * len(forms))
        return f"({sql})", [value for form in forms for value in (self.config, form)]

    def q_sql(self) -> tuple[str, list]:
        """The select list of a statement's ``q`` row: ``query``, the tsquery matched and ranked (``rank_sql``)."""
        sql, params = self.tsquery_sql()
        return f"{sql} AS query", params

    def rank_sql(self, vector: str) -> str:
        """The relevance of ``vector`` to the query of the ``q`` row (resolutions/search/scoring.py)."""
        return rank_sql(vector, "q.query")

    def headline_sql(self) -> tuple[str, list]:
        """The tsquery whose words snippets mark: as searched, and as typed (a compound is marked as printed)."""
        sql, params = self.tsquery_sql()
        return f"({sql} || websearch_to_tsquery(%s::regconfig, %s))", params + [self.config, self.search_text]


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
        cursor.execute("SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))", [query.config, query.searched])
        return cursor.fetchone()[0] > 0


def without_terms(query: ParsedQuery) -> ParsedQuery:
    """The query emptied, because it has no indexable word: the filters alone decide, and the user is told."""
    return ParsedQuery(text="", notices=query.notices + (Notice("no_terms"),), language=query.language)
