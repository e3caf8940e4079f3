"""The benchmark's fixed query mix (issue 7): rare and common terms, a phrase, an OR, a partial match (words some
documents hold, issue 19), facets, a browse and a symbol,
with facet values, the rare word and the symbol taken from the database; and the look-ups of issue 19: a
citation (the most cited General Assembly resolution, as 'resolution N/M': who cites it) and a symbol prefix
(the middle document's first three symbol parts and '*': its documents in the order of their numbers).  Issue 17
adds the filters the other issues brought, each with a common word: the sponsor and the agenda item that the most
documents carry (the known slow case: a common word through a link table), a language and a state's vote (issue 13:
the state and vote the most documents have, when the database holds vote records linked to its documents), and
paragraph mode with its facets.  Read by the benchmark (bench/run.py) and the load test (bench/load.py)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class QueryItem:
    name: str
    text: str = ""
    filters: dict = field(default_factory=dict)
    symbol: str | None = None      # normalised symbol key for the symbol lookup
    kind: str = "words"            # "words" | "citation" | "prefix" (issue 19's look-ups: no tantivy peer)
    #                                "paragraphs" (paragraph mode: no floor, no peer)

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
    return items + filter_items()


def filter_items() -> list[QueryItem]:
    """Issue 17: a common word with each filter the other issues brought, the values the most documents carry."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT ms.slug FROM resolutions_sponsorship s JOIN resolutions_memberstate ms "
                       "ON ms.id = s.state_id GROUP BY ms.slug ORDER BY count(*) DESC, ms.slug LIMIT 1")
        sponsor = cursor.fetchone()
        cursor.execute("SELECT agenda_item_id FROM resolutions_documentagendaitem GROUP BY 1 "
                       "ORDER BY count(*) DESC, 1 LIMIT 1")
        agenda = cursor.fetchone()
        cursor.execute("SELECT language FROM resolutions_document WHERE language <> '' GROUP BY 1 "
                       "ORDER BY count(*) DESC, 1 LIMIT 1")
        language = cursor.fetchone()
        cursor.execute("SELECT ms.slug, sv.vote FROM votes_statevote sv JOIN votes_voterecord vr ON vr.id = sv.record_id "
                       "JOIN resolutions_memberstate ms ON ms.id = sv.state_id WHERE vr.document_id IS NOT NULL "
                       "GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1")
        vote = cursor.fetchone()
    items = []
    if sponsor:
        items.append(QueryItem("common word, sponsor", "States", {"sponsor": sponsor[0]}))
    if agenda:
        items.append(QueryItem("common word, agenda item", "States", {"agenda": str(agenda[0])}))
    items.append(QueryItem("common word, language", "trafficking", {"language": language[0] if language else "en"}))
    # Without vote records linked to the documents (the generated corpus has none) the filter finds nothing, and
    # measures what finding nothing through the vote tables costs.
    items.append(QueryItem("common word, vote", "States", {"vote": f"{vote[0]}:{vote[1]}" if vote else "france:yes"}))
    items.append(QueryItem("paragraph mode", "trafficking", {"mode": "paragraphs"}, kind="paragraphs"))
    return items


def _most_cited() -> str | None:
    """The number of the General Assembly resolution the archive's documents cite most ('61/180')."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT target_key FROM resolutions_citation WHERE target_key ~ '^resolution:A:[0-9]+/[0-9]+$' "
                       "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
        row = cursor.fetchone()
    return row[0].split(":", 2)[2] if row else None
