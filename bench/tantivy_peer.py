"""The peer: the same paragraphs in tantivy (the Rust search engine's Python binding), BM25, top 20.

One tantivy document per archive document (its symbol, title and every paragraph), as the archive's
document search ranks documents; session and committee are fast fields so that the two-facet query, the
facet-only browse and the facet counts (a terms aggregation) are answered by the index, as in PostgreSQL. The
sponsors (state slugs), agenda items and languages of a document are fields too, for the filtered queries of issue
17; votes and paragraph mode have no peer (``supports``).
"""
from __future__ import annotations

import tempfile

import tantivy
from django.db import connection


class Peer:
    def __init__(self):
        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("id", stored=True, indexed=True, fast=True)
        builder.add_text_field("symbol", tokenizer_name="raw", stored=False)
        builder.add_text_field("text", tokenizer_name="en_stem", stored=False)
        builder.add_integer_field("session", indexed=True, fast=True)
        builder.add_text_field("committee", tokenizer_name="raw", fast=True)
        builder.add_text_field("sponsor", tokenizer_name="raw", stored=False)
        builder.add_integer_field("agenda", indexed=True)
        builder.add_text_field("language", tokenizer_name="raw", stored=False)
        self.schema = builder.build()
        self.folder = tempfile.TemporaryDirectory(prefix="bench-tantivy-")
        self.index = tantivy.Index(self.schema, path=self.folder.name)
        self.documents = 0

    def build(self) -> float:
        """Index every stored document; returns the seconds it took."""
        import time

        start = time.perf_counter()
        writer = self.index.writer(heap_size=200_000_000, num_threads=2)
        with connection.cursor() as cursor:
            cursor.execute("""
                SELECT d.id, coalesce(d.symbol_key, ''), coalesce(d.session, 0), d.committee,
                       d.title || ' ' || coalesce(string_agg(p.text, ' ' ORDER BY p."order"), ''),
                       ARRAY(SELECT ms.slug FROM resolutions_sponsorship s JOIN resolutions_memberstate ms
                             ON ms.id = s.state_id WHERE s.document_id = d.id),
                       ARRAY(SELECT a.agenda_item_id FROM resolutions_documentagendaitem a WHERE a.document_id = d.id),
                       ARRAY(SELECT d.language UNION SELECT v.language FROM resolutions_languageversion v
                             WHERE v.document_id = d.id)
                FROM resolutions_document d LEFT JOIN resolutions_paragraph p ON p.document_id = d.id
                GROUP BY d.id""")
            for pk, symbol, session, committee, text, sponsors, agenda, languages in cursor:
                writer.add_document(tantivy.Document(id=pk, symbol=symbol, text=text, session=session,
                                                     committee=committee, sponsor=sponsors, agenda=agenda,
                                                     language=[l for l in languages if l]))
                self.documents += 1
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        return time.perf_counter() - start

    def supports(self, item) -> bool:
        """Words with the filters this index holds; not look-ups, votes or paragraph mode."""
        return item.kind == "words" and not set(item.filters) - {"session", "committee", "sponsor", "agenda",
                                                                     "language"}

    def query(self, item):
        if item.symbol:
            return tantivy.Query.term_query(self.schema, "symbol", item.symbol)
        parts = []
        if item.text:
            parts.append((tantivy.Occur.Must, self.index.parse_query(item.text, ["text"])))
        if "session" in item.filters:
            parts.append((tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "session",
                                                                       int(item.filters["session"]))))
        for name in ("committee", "sponsor", "language"):
            if name in item.filters:
                parts.append((tantivy.Occur.Must, tantivy.Query.term_query(self.schema, name, item.filters[name])))
        if "agenda" in item.filters:
            parts.append((tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "agenda",
                                                                       int(item.filters["agenda"]))))
        return tantivy.Query.boolean_query(parts) if parts else tantivy.Query.all_query()

    def run(self, item):
        searcher = self.index.searcher()
        query = self.query(item)
        hits = searcher.search(query, 20, count=True)
        ids = [searcher.doc(address)["id"][0] for _, address in hits.hits]
        facets = None
        if not item.symbol:
            facets = searcher.aggregate(query, {"session": {"terms": {"field": "session", "size": 200}},
                                                "committee": {"terms": {"field": "committee", "size": 50}}})
        return hits.count, ids, facets
