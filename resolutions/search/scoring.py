"""How relevant a stored vector is to a tsquery: the one expression every ranked search uses.

Documents and paragraphs are ordered by ``rank_sql`` (document mode's statement, paragraph mode, the exports,
snippets). ``ts_rank_cd`` (cover density: the query's words close together count more, weighted by where they
are: title A, operative B, preambular C, notes D) divided by the number of distinct words of the text
(normalisation 8), chosen on the tuned half of the UN subject-term queries (README.md, "Relevance"): it gained
0.015 nDCG@10 there over dividing by 1 + the logarithm of the length (normalisation 1, used before), and tied on
the held-out half.
"""
from __future__ import annotations

RANK_NORMALISATION = 8           # ts_rank_cd: divide by the number of distinct words of the text


def rank_sql(vector: str, query: str) -> str:
    """SQL of the relevance of the tsvector ``vector`` to the tsquery ``query`` (both SQL expressions)."""
    return f"ts_rank_cd({vector}, {query}, {RANK_NORMALISATION})"
