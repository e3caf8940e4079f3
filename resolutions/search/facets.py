"""Facets: one list (``FACETS``) says each facet's URL parameter, title and how its values are counted; the
SQL of every facet count is generated from it.

Counts are read over a bounded set of matches (the newest ``limits.facet_rows``): document facets over the
CTE ``f`` (id, date, session, committee, body, document_type of the counted documents), paragraph facets
over ``pf`` (id, kind, lead, document_id of the counted paragraphs). Many-to-many facets group the link
tables joined to ``f`` (one row per document: a state is printed once per sponsor list, an agenda item once
per document), never a DISTINCT over a join.
"""
from __future__ import annotations

from dataclasses import dataclass

from resolutions.un import languages

ROWS_PER_FACET = 200             # values read per facet, the most frequent
FACET_LIMIT = 15                 # values shown per facet (and every selected one)


@dataclass(frozen=True)
class FacetDefinition:
    name: str                    # the URL parameter, the same as the filter's (resolutions/filters.py)
    title: str
    level: str                   # "document" | "paragraph": which matches it counts
    rows_sql: str                # (value[, label columns], n) rows, most frequent first
    columns: str                 # the row's columns, in order, for json_build_array
    sort_by_value: bool = False  # shown newest first (sessions, years), not most frequent first
    labelled: bool = False       # rows carry a label besides the value

    @property
    def sql(self) -> str:
        """One json array of the facet's rows (NULL when there are none)."""
        return f"(SELECT json_agg(json_build_array({self.columns})) FROM ({self.rows_sql}) x)"


def _column(name: str, title: str, expression: str, present: str, *, table: str = "f",
            sort_by_value: bool = False) -> FacetDefinition:
    """A facet on a column of the counted rows: one GROUP BY over them."""
    rows = (f"SELECT {expression} AS value, count(*) AS n FROM {table} WHERE {present} "
            f"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {ROWS_PER_FACET}")
    return FacetDefinition(name, title, "paragraph" if table == "pf" else "document", rows, "value, n",
                           sort_by_value=sort_by_value)


FACETS = [
    _column("body", "Body", "body", "body <> ''"),
    _column("session", "Session", "session", "session IS NOT NULL", sort_by_value=True),
    _column("year", "Year", "extract(year FROM date)::int", "date IS NOT NULL", sort_by_value=True),
    _column("committee", "Committee", "committee", "committee <> ''"),
    FacetDefinition("agenda", "Agenda item", "document", f"""
        SELECT ai.id, ai.number, ai.title, ai.session, count(*) AS n
        FROM resolutions_documentagendaitem a JOIN f ON f.id = a.document_id
             JOIN resolutions_agendaitem ai ON ai.id = a.agenda_item_id
        GROUP BY ai.id ORDER BY n DESC, ai.id LIMIT {ROWS_PER_FACET}""", "id, number, title, session, n",
                    labelled=True),
    # A state counts the documents naming it and the resolutions adopted from a draft naming it, each once (UNION),
    # as the sponsor filter and the state's page read them (resolutions.lineage.sponsors).
    FacetDefinition("sponsor", "Sponsor", "document", f"""
        SELECT ms.slug, ms.name, count(*) AS n
        FROM (SELECT s.state_id, s.document_id FROM resolutions_sponsorship s JOIN f ON f.id = s.document_id
              UNION SELECT s.state_id, l.source_id FROM resolutions_documentlink l JOIN f ON f.id = l.source_id
                    JOIN resolutions_sponsorship s ON s.document_id = l.target_id
               WHERE l.kind = 'adopted') x
             JOIN resolutions_memberstate ms ON ms.id = x.state_id
        GROUP BY ms.id ORDER BY n DESC, ms.slug LIMIT {ROWS_PER_FACET}""", "slug, name, n", labelled=True),
    _column("type", "Document type", "document_type", "document_type <> ''"),
    # How the document was adopted (votes/): one vote record per resolution.
    FacetDefinition("adoption", "Adoption", "document", f"""
        SELECT vr.adoption_type AS value, count(*) AS n
        FROM votes_voterecord vr JOIN f ON f.id = vr.document_id
        WHERE vr.adoption_type <> ''
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {ROWS_PER_FACET}""", "value, n"),
    # The languages each document is in: its main text's and its language versions' (resolutions.languages); a
    # language counted once per document (UNION), labelled with its English name.
    FacetDefinition("language", "Language", "document", f"""
        SELECT x.value, CASE x.value {" ".join(f"WHEN '{l.code}' THEN '{l.name}'" for l in languages.OFFICIAL + languages.OTHER)}
               ELSE x.value END AS label, count(*) AS n
        FROM (SELECT f.id, f.language AS value FROM f WHERE f.language <> ''
              UNION SELECT v.document_id, v.language FROM resolutions_languageversion v JOIN f ON f.id = v.document_id) x
        GROUP BY 1 ORDER BY n DESC, 1 LIMIT {ROWS_PER_FACET}""", "value, label, n", labelled=True),
    _column("kind", "Paragraph kind", "kind", "TRUE", table="pf"),
    _column("lead", "Lead phrase", "lead", "lead <> ''", table="pf"),
    # What an operative paragraph does and whom it addresses (addressees/): one row each per paragraph.
    FacetDefinition("action", "Action", "paragraph", f"""
        SELECT a.action AS value, count(*) AS n
        FROM addressees_paragraphaction a JOIN pf ON pf.id = a.paragraph_id
        WHERE a.action <> ''
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {ROWS_PER_FACET}""", "value, n"),
    FacetDefinition("addressee", "Addressed to", "paragraph", f"""
        SELECT ad.label AS value, regexp_replace(ad.label, '^(state|organ):', '') AS label, count(*) AS n
        FROM addressees_addressee ad JOIN pf ON pf.id = ad.paragraph_id
        GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT {ROWS_PER_FACET}""", "value, label, n", labelled=True),
]
DOCUMENT_FACETS = [f for f in FACETS if f.level == "document"]
PARAGRAPH_FACETS = [f for f in FACETS if f.level == "paragraph"]
# The columns of the counted documents the document facets read (``f``).
FACET_DOCUMENT_COLUMNS = "d.id, d.date, d.session, d.committee, d.body, d.document_type, d.language"


def facets_sql(definitions: list[FacetDefinition]) -> str:
    """The select list counting each facet of ``definitions``, in their order (one column each)."""
    return ",\n".join(d.sql for d in definitions)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str            # the URL parameter
    title: str
    values: list[FacetValue]


def facets_from_rows(definitions: list[FacetDefinition], facet_rows, params) -> list[Facet]:
    """The facets with values, from the rows the generated SQL gave (one list of rows per definition)."""
    facets = [_facet(d, [tuple(r) for r in rows or []], params) for d, rows in zip(definitions, facet_rows)]
    return [f for f in facets if f.values]


def _facet(definition: FacetDefinition, rows, params) -> Facet:
    name = definition.name
    selected = set(params.getlist(name)) if hasattr(params, "getlist") else {params.get(name)}
    values = []
    for row in rows:
        if name == "agenda":
            pk, number, title, session, n = row
            value, label = str(pk), f"{number}. {title}" + (f" ({session})" if session else "")
        elif definition.labelled:
            value, label, n = row
        else:
            value, n = row
            label = str(value)
        values.append(FacetValue(str(value), label, n, str(value) in selected))
    if definition.sort_by_value:
        values.sort(key=lambda v: v.value, reverse=True)
    else:
        values.sort(key=lambda v: (-v.count, v.label))
    chosen = [v for v in values if v.selected]
    shown = chosen + [v for v in values if not v.selected]
    return Facet(name, definition.title, shown[:max(FACET_LIMIT, len(chosen))])
