"""The benchmark's fixed query mix (issue 7): rare and common terms, a phrase, an OR, a partial match (words some
documents hold, issue 19), facets, a browse and a symbol,
with facet values, the rare word and the symbol taken from the database; and the look-ups of issue 19: a
citation (the most cited General Assembly resolution, as 'resolution N/M': who cites it) and a symbol prefix
(the middle document's first three symbol parts and '*': its documents in the order of their numbers).  Read by
the benchmark (bench/run.py) and the load test (bench/load.py)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class QueryItem:
    name: str
    text: str = ""
    filters: dict = field(default_factory=dict)
    symbol: str | None = None      # normalised symbol key for the symbol lookup
    kind: str = "words"            # "words" | "citation" | "prefix" (issue 19's look-ups: no tantivy peer)

    def params(self) -> dict:
        out = dict(self.filters)
        if self.text:
            out["q"] = self.text
        if self.symbol:
            out["q"] = self.raw_symbol
        return out

    raw_symbol: str = ""


def query_mix() -> list[QueryItem]:
    """The fixed mix of issue 7, with facet values, the rare word and the symbol taken from the database."""
    from django.db import connection

    from resolutions.models import Document

    with connection.cursor() as cursor:
        cursor.execute("SELECT session, committee, count(*) FROM resolutions_document WHERE session IS NOT NULL "
                       "AND committee <> '' GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1")
        row = cursor.fetchone()
        session, committee = (row[0], row[1]) if row else (63, "Third Committee")
        rare = None
        try:
            # A word of the archive's own vocabulary found in a handful of documents (the 'did you mean' table).
            cursor.execute("SELECT word FROM resolutions_searchterm WHERE frequency BETWEEN 2 AND 5 "
                           "AND length(word) >= 8 ORDER BY frequency DESC, word LIMIT 1")
            found = cursor.fetchone()
            rare = found[0] if found else None
        except Exception:
            connection.rollback() if not connection.in_atomic_block else None
        middle = Document.objects.exclude(symbol__isnull=True).exclude(symbol="").order_by("pk")
        count = middle.count()
        target = middle[count // 2] if count else None
    items = [
        QueryItem("rare term", rare or "Ouagadougou"),
        QueryItem("common term: trafficking", "trafficking"),
        QueryItem("common term: States", "States"),
        QueryItem("quoted phrase", '"trafficking in persons"'),
        QueryItem("OR query", "trafficking OR terrorism"),
        # Fewer documents than a page hold all three words: the page goes on with those holding some of them
        # (issue 19: the words OR-ed over every match, the newest ranked by how many they hold).
        QueryItem("partial match", f"{rare or 'Ouagadougou'} trafficking armaments"),
        QueryItem("two facets", "development", {"session": str(session), "committee": committee}),
        QueryItem("facet-only browse", "", {"session": str(session)}),
    ]
    if target is not None:
        items.append(QueryItem("symbol lookup", symbol=target.symbol_key, raw_symbol=target.symbol.lower()))
    else:
        items.append(QueryItem("symbol lookup", symbol="A/C.3/63/L.1", raw_symbol="a/c.3/63/l.1"))
    items.append(QueryItem("citation lookup", f"resolution {_most_cited() or '61/180'}", kind="citation"))
    parts = (target.symbol_key if target is not None else "A/C.3/63/L.1").split("/")
    items.append(QueryItem("symbol prefix", "/".join(parts[:3]) + "/*", kind="prefix"))
    return items


def _most_cited() -> str | None:
    """The number of the General Assembly resolution the archive's documents cite most ('61/180')."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT target_key FROM resolutions_citation WHERE target_key ~ '^resolution:A:[0-9]+/[0-9]+$' "
                       "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
        row = cursor.fetchone()
    return row[0].split(":", 2)[2] if row else None
