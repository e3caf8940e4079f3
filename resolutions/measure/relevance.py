"""Relevance measured on the UN's own labels: the UN librarians' subject terms as queries (pure Python).

    ga_corpus_files(corpus)          -> {symbol: path}: the General Assembly resolutions of the corpus, one file each
    subject_queries(corpus, symbols) -> [SubjectQuery]: each UNBIS term held by a few of those resolutions
    ndcg_at, precision_at, recall_at, reciprocal_rank, summarise: the measures of a ranking

The UN Digital Library files every General Assembly resolution under UNBIS Thesaurus terms (the ``subjects`` of
``unxml-ga-resolutions/data_extract/*.json``, tagged ``UNBIS Thesaurus``). A term held by a few of the resolutions
the archive holds (2 to 20 by default: a term on nearly every text, or on one, says little about ranking) is a
query typed as the librarians wrote it; the resolutions it labels are the relevant ones, all others not. Part of
the queries is held back (``held_out``, fixed by a hash of the term) so that what is tuned on the rest is
measured on queries it never saw.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

SUBJECT_TAG = "UNBIS Thesaurus"
FEWEST, MOST = 2, 20            # a term is a query when this many of the resolutions hold it
HELD_OUT_SHARE = 2              # one query in HELD_OUT_SHARE is held back (by hash of its term)


@dataclass(frozen=True)
class SubjectQuery:
    term: str                   # the UNBIS term as the librarians wrote it: the query typed
    relevant: frozenset         # the symbols of the resolutions it labels
    held_out: bool              # never looked at when tuning


def ga_corpus_files(corpus: Path) -> dict[str, Path]:
    """The General Assembly resolutions of the corpus in English, one file per symbol: the UN's own AKN XML where
    the corpus has it, else the markdown extracted from the UN's PDF (A/RES/80/1-55)."""
    files: dict[str, Path] = {}
    for path in sorted((corpus / "railcar-ga80-text" / "documents" / "ga-res-80").glob("A_RES_80_*.md")):
        files[f"A/RES/80/{path.stem.rsplit('_', 1)[1]}"] = path
    for path in sorted((corpus / "unxml-ga-resolutions").rglob("*.xml")):
        if "English" not in path.parts:
            continue
        found = (re.match(r"A_RES_(ES-\d+|\d+)_(\d+)", path.name) or re.match(r"(\d+)_(\d+)_E\.xml$", path.name))
        if found:
            files[f"A/RES/{found.group(1)}/{found.group(2)}"] = path
    return files


def _metadata_rows(corpus: Path):
    for path in sorted((corpus / "unxml-ga-resolutions" / "data_extract").glob("*.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def held_out(term: str) -> bool:
    return int(hashlib.sha1(term.encode("utf-8")).hexdigest(), 16) % HELD_OUT_SHARE == 0


def subject_queries(corpus: Path, symbols, fewest: int = FEWEST, most: int = MOST) -> list[SubjectQuery]:
    """Each UNBIS term held by ``fewest`` to ``most`` of the resolutions ``symbols``, with the ones it labels."""
    symbols = set(symbols)
    labelled: dict[str, set[str]] = {}
    for row in _metadata_rows(corpus):
        if row.get("symbol") not in symbols:
            continue
        for term, tag in row.get("subjects") or []:
            if tag == SUBJECT_TAG and re.search(r"[A-Za-z]{2}", term):
                labelled.setdefault(term, set()).add(row["symbol"])
    return [SubjectQuery(term, frozenset(found), held_out(term))
            for term, found in sorted(labelled.items()) if fewest <= len(found) <= most]


# --------------------------------------------------------------------------- measures of one ranking
# ``ranked``: the identifiers a system returned, best first; ``relevant``: the set of the relevant ones
# (binary relevance: the librarians' label is there or not).

def ndcg_at(ranked, relevant, k: int = 10) -> float:
    """Discounted cumulative gain of the first k over the best possible (all relevant ones first)."""
    gain = sum(1 / math.log2(i + 2) for i, item in enumerate(ranked[:k]) if item in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return gain / ideal if ideal else 0.0


def precision_at(ranked, relevant, k: int = 5) -> float:
    """Share of the first k places that hold a relevant item (an empty place counts as not relevant)."""
    return sum(1 for item in ranked[:k] if item in relevant) / k


def recall_at(ranked, relevant, k: int = 10) -> float:
    """Share of the relevant items found in the first k."""
    return len(set(ranked[:k]) & set(relevant)) / len(relevant) if relevant else 0.0


def reciprocal_rank(ranked, relevant) -> float:
    """1 / the place of the first relevant item (0 when none is returned)."""
    return next((1 / (i + 1) for i, item in enumerate(ranked) if item in relevant), 0.0)


MEASURES = {"nDCG@10": ndcg_at, "P@5": precision_at, "recall@10": recall_at, "MRR": reciprocal_rank}


def summarise(rankings) -> dict[str, float]:
    """The mean of each measure over ``rankings``, pairs of (ranked, relevant)."""
    rankings = list(rankings)
    if not rankings:
        return {name: 0.0 for name in MEASURES}
    return {name: sum(measure(ranked, relevant) for ranked, relevant in rankings) / len(rankings)
            for name, measure in MEASURES.items()}
