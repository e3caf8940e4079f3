"""The search index's writes: the document's weighted vector and the words counted for 'did you mean'.

Called in the transaction that stores or changes a document (ingestion, the admin's corrections, loading a
dump); the read side is ``resolutions.search``. ``Paragraph.search_vector`` needs no call: it is a generated
column.
"""
from __future__ import annotations

from django.db import connection

from resolutions.search_config import SEARCH_CONFIG, compounds_sql


def _words(text_sql: str) -> str:
    """The vector of a text, its compound words written both ways (search_config.compounds_sql)."""
    return f"to_tsvector(%(cfg)s::regconfig, {compounds_sql(text_sql)})"


# One UPDATE writes the vectors; a WHERE clause chooses the documents (one, or all of them after the way texts
# become words has changed: migrations 0011, 0013).
_TITLE = "coalesce(d.symbol, '') || ' ' || d.title"
_OPERATIVE = """coalesce((SELECT string_agg(p.lead || ' ' || p.text, ' ' ORDER BY p."order")
    FROM resolutions_paragraph p WHERE p.document_id = d.id AND p.kind = 'operative'), '')"""
_PREAMBULAR = """coalesce((SELECT string_agg(p.lead || ' ' || p.text, ' ' ORDER BY p."order")
    FROM resolutions_paragraph p WHERE p.document_id = d.id AND p.kind IN ('preambular', 'text')), '')"""
_ANNEXES = """coalesce(d.subject, '') || ' ' || coalesce((SELECT string_agg(a.label || ' ' || a.title, ' ' ORDER BY a."order")
    FROM resolutions_annex a WHERE a.document_id = d.id), '')"""
_NOTES = """coalesce((SELECT string_agg(f.text, ' ' ORDER BY f."order") FROM resolutions_footnote f
    WHERE f.document_id = d.id), '') || ' '
    || coalesce((SELECT string_agg(u.block, ' ') FROM jsonb_array_elements_text(d.unplaced) AS u(block)), '')"""
DOCUMENT_VECTOR_SQL = (
    "UPDATE resolutions_document d SET search_vector = "
    f"setweight({_words(_TITLE)}, 'A') || setweight({_words(_OPERATIVE)}, 'B') "
    f"|| setweight({_words(_PREAMBULAR)}, 'C') || setweight({_words(_ANNEXES)}, 'C') || setweight({_words(_NOTES)}, 'D')"
    # Each language version's own vector, in its language's configuration (resolutions.languages), in the order of
    # the languages: the same vector whatever order the versions arrived in (a dump loaded gives the same).
    " || coalesce((SELECT archive_tsvector_agg(v.search_vector ORDER BY v.language)"
    " FROM resolutions_languageversion v WHERE v.document_id = d.id), ''::tsvector)")


def reindex_all_documents(cursor) -> None:
    """Rewrite every document's vector (the 'did you mean' words do not change: they are words, not vectors)."""
    cursor.execute(DOCUMENT_VECTOR_SQL, {"cfg": SEARCH_CONFIG})


def index_document(document) -> None:
    """Write the document-level weighted vector and count its words for suggestions.

    Symbol and title weight A, operative text B (an annex's numbered paragraphs too), preambular text and annexes'
    prose, labels and titles and the subject of an untitled document C, footnotes and the text the parser could not
    place D, and each language version's vector as its language's configuration made it: document results match and
    rank on this one vector, so a search touches one row per document, not one
    row per paragraph. Nothing kept of a document is left out of it.
    """
    with connection.cursor() as cursor:
        cursor.execute(DOCUMENT_VECTOR_SQL + " WHERE d.id = %(id)s", {"cfg": SEARCH_CONFIG, "id": document.pk})
        count_search_terms(cursor, document)


def index_documents(cursor, ids: list[int]) -> None:
    """``index_document``'s vector for many documents in one statement (the bulk load: services.deferred)."""
    cursor.execute(DOCUMENT_VECTOR_SQL + " WHERE d.id = ANY(%(ids)s)", {"cfg": SEARCH_CONFIG, "ids": ids})


def count_search_terms(cursor, document) -> None:
    """Add the words (not stems) of the document to the 'did you mean' vocabulary; ts_stat counts them in SQL."""
    count_search_terms_many(cursor, [document.pk])


def count_search_terms_many(cursor, ids: list[int], *, times: int = 1) -> None:
    """``count_search_terms`` for several documents at once, ``times`` over (each word's frequency is the number of
    paragraphs and titles holding it, summed over the documents: the same as one call per document)."""
    cursor.execute(
        """
        INSERT INTO resolutions_searchterm (word, frequency)
        SELECT word, ndoc * %(times)s FROM ts_stat(format(
            'SELECT to_tsvector(''simple'', p.text) FROM resolutions_paragraph p WHERE p.document_id = ANY(%%L::bigint[])'
            ' UNION ALL SELECT to_tsvector(''simple'', d.title) FROM resolutions_document d WHERE d.id = ANY(%%L::bigint[])',
            %(ids)s::bigint[], %(ids)s::bigint[]))
        WHERE length(word) BETWEEN 3 AND 40 AND word ~ '^[a-z][a-z-]*$'
        ORDER BY word  -- rows locked in one order by every process: concurrent ingestions cannot deadlock
        ON CONFLICT (word) DO UPDATE SET frequency = resolutions_searchterm.frequency + EXCLUDED.frequency
        """,
        {"ids": list(ids), "times": times},
    )
