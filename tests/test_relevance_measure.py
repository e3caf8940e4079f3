"""Relevance on the UN's own labels (resolutions/measure/relevance.py, bench/relevance.py): the measures compute
what their definitions say on a ranking made by hand, and the queries are the UNBIS terms of the corpus."""
import math

import pytest

from resolutions.measure.relevance import (ga_corpus_files, ndcg_at, precision_at, recall_at, reciprocal_rank,
                                           subject_queries, summarise)


def test_the_measures_of_a_hand_made_ranking():
    # Relevant: a, b, c. Returned: a (relevant), x, b (relevant), y.
    ranked, relevant = ["a", "x", "b", "y"], {"a", "b", "c"}
    gain = 1 / math.log2(2) + 1 / math.log2(4)                       # places 1 and 3
    ideal = 1 / math.log2(2) + 1 / math.log2(3) + 1 / math.log2(4)  # three relevant, all first
    assert ndcg_at(ranked, relevant) == pytest.approx(gain / ideal)
    assert ndcg_at(ranked, relevant) == pytest.approx(1.5 / 2.1309, abs=1e-4)
    assert precision_at(ranked, relevant) == pytest.approx(2 / 5)   # an empty place is not relevant
    assert recall_at(ranked, relevant) == pytest.approx(2 / 3)
    assert reciprocal_rank(ranked, relevant) == 1.0
    assert reciprocal_rank(["x", "y", "b"], relevant) == pytest.approx(1 / 3)


def test_a_perfect_ranking_scores_one_and_an_empty_one_zero():
    assert ndcg_at(["a", "b"], {"a", "b"}) == 1.0 and recall_at(["a", "b"], {"a", "b"}) == 1.0
    assert ndcg_at([], {"a"}) == 0.0 and reciprocal_rank([], {"a"}) == 0.0 and precision_at([], {"a"}) == 0.0
    # Only the first ten count: a relevant item at place 11 adds nothing.
    assert ndcg_at(["x"] * 10 + ["a"], {"a"}) == 0.0 and reciprocal_rank(["x"] * 10 + ["a"], {"a"}) == 1 / 11


def test_the_summary_is_the_mean_over_queries():
    figures = summarise([(["a"], {"a"}), (["x"], {"a"})])
    assert figures["nDCG@10"] == 0.5 and figures["MRR"] == 0.5 and figures["P@5"] == pytest.approx(0.1)


def test_the_queries_are_the_unbis_terms_a_few_resolutions_hold(corpus_dir):
    files = ga_corpus_files(corpus_dir)
    # The UN's XML where there is one, else the markdown of the PDF: A/RES/80/24 has both, A/RES/80/2 only the latter.
    assert files["A/RES/80/24"].suffix == ".xml" and files["A/RES/80/2"].suffix == ".md"
    queries = {q.term: q for q in subject_queries(corpus_dir, files)}
    # data_extract/75.json and 76.json file A/RES/75/99 and A/RES/76/82 under "GOLAN HEIGHTS" (UNBIS Thesaurus).
    assert queries["GOLAN HEIGHTS"].relevant == {"A/RES/75/99", "A/RES/76/82"}
    assert all(2 <= len(q.relevant) <= 20 for q in queries.values())
    held = sum(q.held_out for q in queries.values())
    assert 0 < held < len(queries)


@pytest.fixture(scope="module")
def ga_archive(corpus_dir, django_db_setup, django_db_blocker):
    """The corpus's General Assembly resolutions (117) ingested once for the module, removed after it."""
    from bench.relevance import ingest
    from tests.seeded_archive import clear_archive

    with django_db_blocker.unblock():
        clear_archive()
        ingested = ingest(ga_corpus_files(corpus_dir))
    yield ingested
    with django_db_blocker.unblock():
        clear_archive()


def test_the_archives_ranking_of_the_subject_terms_is_at_least_as_good_as_bm25(ga_archive, corpus_dir, db):
    from bench.relevance import Bm25, archive_ranking, evaluate

    queries = subject_queries(corpus_dir, ga_archive)
    assert len(queries) >= 50
    figures = evaluate(queries, {"archive": archive_ranking, "bm25": Bm25().ranking})
    archive, bm25 = figures[("archive", "all")], figures[("bm25", "all")]
    assert archive["nDCG@10"] >= bm25["nDCG@10"], (archive, bm25)
    # Neither system is near useless: the librarians' terms are words of the texts they label.
    assert archive["nDCG@10"] > 0.5 and bm25["nDCG@10"] > 0.5
    # The held-out terms (never looked at when choosing the ranking) are not far behind either.
    assert figures[("archive", "held out")]["nDCG@10"] >= figures[("bm25", "held out")]["nDCG@10"] - 0.02
