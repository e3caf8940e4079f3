"""Search results as CSV or JSON, streamed: rows come from the database in chunks (``.iterator()``) and are
written out one at a time, so an export of the whole archive never sits in memory.

The matching and the order are resolutions.search's (match_documents / order_documents and the paragraph
pair), over querysets already filtered by resolutions.filters; snippets are not computed (ts_headline is
only ever run for the rows of one page).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator


from resolutions import search
from resolutions.search import citing

CHUNK = 500

DOCUMENT_COLUMNS = ["id", "symbol", "title", "body", "session", "committee", "date", "document_type", "rank",
                    "url"]
PARAGRAPH_COLUMNS = ["id", "document_id", "symbol", "anchor", "kind", "number", "label", "lead", "text", "rank",
                     "url"]


def matching_rows(query: search.ParsedQuery, documents, paragraphs, *, mode: str, sort: str) -> Iterator[dict]:
    """Every match, in the search's order, as flat dicts (one query, read in chunks)."""
    lookup = citing.read_lookup(query)
    if lookup is not None:
        # A citation or a symbol prefix, as on the search page: who cites it (or the prefix's documents), every one.
        listing = search.ParsedQuery(text="")
        if lookup.kind == "citation" and mode == "paragraphs":
            paragraphs = citing.citing_paragraphs(paragraphs, lookup)
        elif lookup.kind == "citation":
            documents = citing.citing_documents(documents, lookup)
        elif mode == "paragraphs":
            paragraphs = paragraphs.filter(document__symbol_key__startswith=lookup.prefix)
        else:
            documents = citing.prefix_documents(documents, lookup)
        query = listing
    elif not query.is_empty and not search.has_terms(query):
        query = search.ParsedQuery(text="")  # as the search page does: only stop words, so filters only
    if mode == "paragraphs":
        matched = search.order_paragraphs(search.match_paragraphs(paragraphs, query), query, sort)
        rows = matched.select_related("document")
        language = f"?lang={query.language}" if query.language else ""   # a language version's rows: its page
        return (_paragraph_row(p, language) for p in rows.iterator(chunk_size=CHUNK))
    matched = search.order_documents(search.match_documents(documents, query), query, sort)
    return (_document_row(d) for d in matched.iterator(chunk_size=CHUNK))


def _document_row(document) -> dict:
    return {
        "id": document.pk, "symbol": document.symbol or "", "title": document.title, "body": document.body,
        "session": document.session, "committee": document.committee,
        "date": document.date.isoformat() if document.date else None, "document_type": document.document_type,
        "rank": getattr(document, "rank", None), "url": document.get_absolute_url(),
    }


def _paragraph_row(paragraph, language: str = "") -> dict:
    anchor = paragraph.anchor
    return {
        "id": paragraph.pk, "document_id": paragraph.document_id, "symbol": paragraph.document.symbol or "",
        "anchor": anchor, "kind": paragraph.kind, "number": paragraph.number, "label": paragraph.label,
        "lead": paragraph.lead, "text": paragraph.text, "rank": getattr(paragraph, "rank", None),
        "url": f"{paragraph.document.get_absolute_url()}{language}#{anchor}",
    }


def csv_lines(rows: Iterable[dict], mode: str) -> Iterator[str]:
    """A header line, then one CSV line per row (RFC 4180 quoting by the csv module)."""
    columns = PARAGRAPH_COLUMNS if mode == "paragraphs" else DOCUMENT_COLUMNS
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writeheader()
    yield flush()
    for row in rows:
        writer.writerow({k: "" if row[k] is None else row[k] for k in columns})
        yield flush()


def json_chunks(rows: Iterable[dict], mode: str, query: search.ParsedQuery) -> Iterator[str]:
    """``{"query": ..., "mode": ..., "results": [row, row, ...], "count": n}`` written row by row."""
    yield '{"query": ' + json.dumps(query.text) + ', "mode": ' + json.dumps(mode) + ', "results": ['
    count = 0
    for row in rows:
        yield ("," if count else "") + "\n" + json.dumps(row, ensure_ascii=False)
        count += 1
    yield f'\n], "count": {count}}}\n'
