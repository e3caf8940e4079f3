"""Relevance on the UN's subject labels: the archive's search beside tantivy's BM25 over the same stored texts.

    ingest(files)              the General Assembly resolutions through the real ingestion (already there: skipped)
    Bm25()                     tantivy (BM25, English stemming, the words of the query OR-ed, as its parser does
                               by default) over exactly the text the archive indexes for each document
    archive_ranking(term)      the archive's document search, through its one input boundary (``read_search``)
    evaluate(queries)          every measure, per system and per split (tuned on / held out)
    render(figures)            the table printed by scripts/measure_relevance.py

The queries and the measures are ``resolutions.measure.relevance`` (pure Python).
"""
from __future__ import annotations

import re
import tempfile

import tantivy
from django.db import connection

from resolutions.measure.relevance import MEASURES, summarise

DEPTH = 10                      # every measure reads at most the first ten of a ranking


def ingest(files: dict) -> dict[str, int]:
    """Ingest each file (the same bytes again are a duplicate and cost one look-up); {symbol: document id}."""
    from resolutions.models import Document
    from resolutions.services.ingestion.ingest import ingest_file

    for symbol, path in files.items():
        outcome = ingest_file(path.read_bytes(), path.name)
        if outcome.status not in ("parsed", "duplicate"):
            raise RuntimeError(f"{path.name} ({symbol}) was not ingested: {outcome.status} {outcome.message}")
    keys = {symbol.upper(): symbol for symbol in files}
    return {keys[key]: pk for key, pk in Document.objects.filter(symbol_key__in=keys).values_list("symbol_key", "pk")}


# Everything of a document the archive's document vector is built from (services/indexing.index_document).
STORED_TEXTS = """
    SELECT d.id, coalesce(d.symbol, ''), concat_ws(' ', d.symbol, d.title, d.subject,
        (SELECT string_agg(p.lead || ' ' || p.text, ' ' ORDER BY p."order") FROM resolutions_paragraph p
          WHERE p.document_id = d.id),
        (SELECT string_agg(a.label || ' ' || a.title, ' ' ORDER BY a."order") FROM resolutions_annex a
          WHERE a.document_id = d.id),
        (SELECT string_agg(f.text, ' ' ORDER BY f."order") FROM resolutions_footnote f WHERE f.document_id = d.id),
        (SELECT string_agg(u.block, ' ') FROM jsonb_array_elements_text(d.unplaced) AS u(block)))
    FROM resolutions_document d ORDER BY d.id
"""


class Bm25:
    """tantivy's BM25 over the archive's stored texts, one tantivy document per archive document."""

    def __init__(self):
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("symbol", stored=True, tokenizer_name="raw")
        builder.add_text_field("text", tokenizer_name="en_stem")
        self.schema = builder.build()
        self.folder = tempfile.TemporaryDirectory(prefix="relevance-tantivy-")
        self.index = tantivy.Index(self.schema, path=self.folder.name)
        writer = self.index.writer(heap_size=50_000_000, num_threads=1)
        with connection.cursor() as cursor:
            cursor.execute(STORED_TEXTS)
            for _pk, symbol, text in cursor:
                writer.add_document(tantivy.Document(symbol=symbol, text=text))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def ranking(self, term: str, depth: int = DEPTH) -> list[str]:
        # tantivy's query parser has a syntax of its own (field:, brackets, quotes): only the words are given.
        words = " ".join(re.findall(r"\w+", term.lower()))   # upper-case AND, OR, IN are operators
        if not words:
            return []
        searcher = self.index.searcher()
        hits = searcher.search(self.index.parse_query(words, ["text"]), depth).hits
        return [searcher.doc(address)["symbol"][0] for _, address in hits]


def archive_ranking(term: str, depth: int = DEPTH) -> list[str]:
    """The archive's first ``depth`` documents for the term typed in the search box (document mode, relevance)."""
    from resolutions.search import read_search

    result = read_search({"q": term}).run()
    return [hit.document.symbol for hit in result.hits[:depth]]


def evaluate(queries, systems: dict) -> dict[tuple[str, str], dict]:
    """{(system, split): {measure: mean, 'queries': n}} with split 'tuned' / 'held out' / 'all'."""
    rankings = {name: [(rank(q.term), q) for q in queries] for name, rank in systems.items()}
    figures = {}
    for name, ranked in rankings.items():
        for split, keep in (("tuned", lambda q: not q.held_out), ("held out", lambda q: q.held_out),
                            ("all", lambda q: True)):
            chosen = [(r, q.relevant) for r, q in ranked if keep(q)]
            figures[(name, split)] = {**summarise(chosen), "queries": len(chosen)}
    return figures


def render(figures: dict) -> list[str]:
    names = list(dict.fromkeys(name for name, _ in figures))
    lines = [f"{'split':<9} {'system':<14} {'queries':>7} " + " ".join(f"{m:>9}" for m in MEASURES)]
    for split in ("tuned", "held out", "all"):
        for name in names:
            row = figures[(name, split)]
            lines.append(f"{split:<9} {name:<14} {row['queries']:>7} "
                         + " ".join(f"{row[m]:>9.3f}" for m in MEASURES))
    return lines
