"""How relevant a stored vector is to a tsquery: the one expression every ranked search uses.

Documents and paragraphs are ordered by ``rank_sql`` (document mode's statement, paragraph mode, the exports,
snippets); the measure it was chosen by is README.md, "Relevance".
"""
from __future__ import annotations

RANK_NORMALISATION = 1           # ts_rank_cd: divide by 1 + log(document length)


def rank_sql(vector: str, query: str) -> str:
    """SQL of the relevance of the tsvector ``vector`` to the tsquery ``query`` (both SQL expressions)."""
    return f"ts_rank_cd({vector}, {query}, {RANK_NORMALISATION})"
