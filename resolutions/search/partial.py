"""Documents matching some of the words: what continues a page that fewer documents fill than a page holds.

A query matches the documents holding every word, so a relevant text that says "transparency" without
"armaments", or "the Syrian Golan" for "Golan Heights", is not found. When fewer documents than a page match every
word, the page goes on with the documents matching any of them (``PartialQuery``: the words and quoted phrases of
the query OR-ed, what it excludes still excluded), ranked by how many of the words they hold, then by relevance,
below the full matches and said so (notice ``partial_matches``). A query that says OR itself, or has one word,
has nothing to relax. At most ``MAX_UNITS`` words count (each is tested on every ranked candidate).

A ``PartialQuery`` answers what the statement and the snippets ask of a query (``ParsedQuery``'s
``tsquery``, ``q_sql``, ``rank_sql``, ``headline_sql``), so the same bounded statement runs it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery
from django.db.models import FloatField
from django.db.models.expressions import RawSQL

from resolutions.search.query import ParsedQuery
from resolutions.search.scoring import rank_sql
from resolutions.search_config import SEARCH_CONFIG

MAX_UNITS = 10
# A quoted phrase (closed or not), a word; either may carry the exclusion's '-'.
UNIT = re.compile(r'-?"[^"]*"?|[^\s"]+')
TSQUERY = "websearch_to_tsquery(%s::regconfig, %s)"


@dataclass(frozen=True)
class PartialQuery:
    text: str                      # the query as typed (what the snippets mark too)
    units: tuple[str, ...]         # its words and quoted phrases, as searched (compounds joined)
    excluded: tuple[str, ...]      # what it excludes ('-word', '-"a phrase"'), still excluded
    config: str = SEARCH_CONFIG    # the query's text search configuration (a language version's, or the main one)
    language: str = ""             # the language version searched ('' for the main text)

    is_empty = False

    def tsquery(self) -> SearchQuery:
        found = reduce(or_, (SearchQuery(u, search_type="websearch", config=self.config) for u in self.units))
        for unit in self.excluded:
            found &= SearchQuery(unit, search_type="websearch", config=self.config)
        return found

    def _any_sql(self) -> tuple[str, list]:
        sql = "(" + " || ".join([TSQUERY] * len(self.units)) + ")"
        params = [value for unit in self.units for value in (self.config, unit)]
        for unit in self.excluded:
            sql += f" && {TSQUERY}"
            params += [self.config, unit]
        return sql, params

    def q_sql(self) -> tuple[str, list]:
        """``query`` (any of the words, none excluded) and ``u0``, ``u1``... (each word alone) for ``rank_sql``."""
        any_sql, params = self._any_sql()
        columns = [f"{any_sql} AS query"] + [f"{TSQUERY} AS u{i}" for i in range(len(self.units))]
        params += [value for unit in self.units for value in (self.config, unit)]
        return ", ".join(columns), params

    def rank_sql(self, vector: str) -> str:
        """The number of the words held, then the relevance to any of them (a fraction below one). The vector is
        read (decompressed) once for all the tests: a concatenation holds it in memory."""
        held = " + ".join(f"(v @@ q.u{i})::int" for i in range(len(self.units)))
        rank = rank_sql("v", "q.query")
        return f"(SELECT {held} + {rank} / (1 + {rank}) FROM (SELECT {vector} || ''::tsvector AS v) held)"

    def rank_expression(self, vector: str) -> RawSQL:
        """``rank_sql`` standing alone (the words' tsqueries inline), for a queryset's annotation."""
        held = " + ".join(f"(v @@ {TSQUERY})::int" for _ in self.units)
        any_sql, params = self._any_sql()
        rank = rank_sql("v", any_sql)
        sql = f"(SELECT {held} + {rank} / (1 + {rank}) FROM (SELECT {vector} || ''::tsvector AS v) held)"
        units = [value for unit in self.units for value in (self.config, unit)]
        return RawSQL(sql, units + params + params, output_field=FloatField())

    def headline_sql(self) -> tuple[str, list]:
        any_sql, params = self._any_sql()
        return f"({any_sql} || {TSQUERY})", params + [self.config, self.text]


def partial_query(query: ParsedQuery) -> PartialQuery | None:
    """The query relaxed to any of its words, or None when there is nothing to relax."""
    if query.is_empty:
        return None
    units, excluded = [], []
    for unit in UNIT.findall(query.searched):
        if unit.lower() == "or":
            return None                       # the query chose its own alternatives
        if unit.startswith("-") and len(unit) > 1:
            excluded.append(unit)
        elif unit.strip('"-'):
            units.append(unit)
    units = list(dict.fromkeys(units))[:MAX_UNITS]
    if len(units) < 2:
        return None
    return PartialQuery(query.search_text, tuple(units), tuple(excluded), query.config, query.language)


def partial_paragraphs(relaxed: PartialQuery, paragraphs, shown_ids, room: int, limits):
    """Paragraph mode's continuation: the latest ``limits.rank_candidates`` paragraphs matching some of the words
    (none already shown), ranked as documents are, the first ``room`` of them."""
    matching = paragraphs.filter(search_vector=relaxed.tsquery()).exclude(pk__in=shown_ids)
    latest = matching.order_by("-pk").values("pk")[:limits.rank_candidates]
    table = paragraphs.model._meta.db_table
    return (paragraphs.model.objects.filter(pk__in=latest)
            .annotate(rank=relaxed.rank_expression(f"{table}.search_vector"))
            .order_by("-rank", "-pk").select_related("document")[:room])
