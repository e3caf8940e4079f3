#!/usr/bin/env python
"""Relevance on the UN's own labels: the archive's search beside tantivy's BM25 (issue 19, item 9).

    python scripts/measure_relevance.py [--corpus PATH] [--fewest 2] [--most 20] [--fresh] [--queries]

The General Assembly resolutions of the corpus (resolutions.measure.relevance.ga_corpus_files: the UN's AKN XML,
else the markdown of A/RES/80/1-55) are ingested through the real ingestion into a database of their own
(``var/relevance-pgdata``, never the development database; ``DATABASE_URL`` overrides it); each UNBIS subject
term held by ``--fewest`` to ``--most`` of them is a query, typed as the librarians wrote it, and the resolutions
it labels are the relevant ones. The archive answers through its search's one input boundary (document mode,
relevance order); tantivy ranks the same stored texts with BM25. nDCG@10, P@5, recall@10 and MRR are printed
for the queries tuned on and those held back (by a hash of the term), and for all.

``--fresh`` empties the database first (needed after a change to how documents are indexed, unless the
migrations rebuilt the vectors); ``--queries`` prints each query with both systems' nDCG@10.
Also run by ``scripts/measure_accuracy.py`` (last, unless ``--no-relevance``).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_database() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("DEBUG", "1")
    if not os.environ.get("DATABASE_URL"):
        os.environ.setdefault("ARCHIVE_PGDATA", str(ROOT / "var" / "relevance-pgdata"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0, skip_checks=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    parser.add_argument("--fewest", type=int, default=2)
    parser.add_argument("--most", type=int, default=20)
    parser.add_argument("--fresh", action="store_true", help="empty the measurement's database first")
    parser.add_argument("--queries", action="store_true", help="print each query's nDCG@10 for both systems")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"relevance: no corpus at {args.corpus}; nothing measured")
        return 1
    setup_database()
    from bench.relevance import Bm25, archive_ranking, evaluate, ingest, render
    from resolutions.measure.relevance import ga_corpus_files, ndcg_at, subject_queries

    if args.fresh:
        from resolutions.models import AgendaItem, Document, SearchTerm, Series, SourceFile

        for model in (SourceFile, Document, Series, AgendaItem, SearchTerm):
            model.objects.all().delete()
    files = ga_corpus_files(args.corpus)
    ingested = ingest(files)
    queries = subject_queries(args.corpus, ingested, args.fewest, args.most)
    peer = Bm25()
    systems = {"archive": archive_ranking, "tantivy BM25": peer.ranking}
    print(f"Relevance on UNBIS subject terms: {len(ingested)} General Assembly resolutions, {len(queries)} terms "
          f"held by {args.fewest}-{args.most} of them ({sum(q.held_out for q in queries)} held out)")
    if args.queries:
        for q in queries:
            scores = [ndcg_at(rank(q.term), q.relevant) for rank in systems.values()]
            print(f"  {'H' if q.held_out else 'T'} {len(q.relevant):>2} "
                  + " ".join(f"{s:.2f}" for s in scores) + f"  {q.term}")
    for line in render(evaluate(queries, systems)):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
