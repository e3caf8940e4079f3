"""Compare two versions of a text: paragraphs aligned, word-level changes inside changed paragraphs.

Pure Python (no Django).  Paragraphs are anything with ``text`` and ``kind``
attributes (model rows or parser dataclasses); their numbers are never compared,
so renumbering is not a change.

Alignment: a similarity matrix of every paragraph of A against every paragraph of
B (word-level Indel ratio of the normalised words, see resolutions.lineage.similarity),
an optimal one-to-one assignment on it (Hungarian method, scipy's
``linear_sum_assignment``), pairs under ``MATCH_THRESHOLD`` dropped.  Pairs
whose relative order is kept (the longest increasing run of B positions in A
order) are *kept* or *changed*; the others are *moved*.  Paragraphs of A left
over were *removed*, of B *added*.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from resolutions.lineage.similarity import words

MATCH_THRESHOLD = 0.5

KEPT, CHANGED, MOVED, ADDED, REMOVED = "kept", "changed", "moved", "added", "removed"



@dataclass
class Change:
    """One piece of a word diff: op is 'equal', 'insert' or 'delete'; text keeps its original spacing."""

    op: str
    text: str


@dataclass
class AlignedPair:
    """One row of a comparison: a paragraph of A, of B, or both.

    ``status``: kept (same words), changed, moved (kept or changed, but its order
    against the others changed), added (only in B), removed (only in A).
    ``changed`` is True when the words differ (also for a moved paragraph).
    """

    status: str
    a: object | None = None
    b: object | None = None
    similarity: float | None = None
    changed: bool = False
    diff: list[Change] = field(default_factory=list)


def _tokens(text: str) -> list[str]:
    """Words and punctuation with their trailing spaces, so that ''.join(tokens) == text."""
    return re.findall(r"[^\W_]+(?:['\u2019][^\W_]+)*\s*|[^\w\s]\s*|_+\s*|\s+", text or "")


def _key(token: str) -> str:
    stripped = token.strip()
    key = words(stripped)
    return key[0] if key else stripped


def word_diff(a_text: str, b_text: str) -> list[Change]:
    """Word-level insertions and deletions turning ``a_text`` into ``b_text`` (difflib on word tokens).

    Tokens compare case-insensitively, footnote markers ignored; the text shown is B's for equal runs.
    """
    ta, tb = _tokens(a_text), _tokens(b_text)
    matcher = difflib.SequenceMatcher(None, [_key(t) for t in ta], [_key(t) for t in tb], autojunk=False)
    changes: list[Change] = []

    def add(op, text):
        if not text:
            return
        if changes and changes[-1].op == op:
            changes[-1].text += text
        else:
            changes.append(Change(op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", "".join(tb[j1:j2]))
        else:
            add("delete", "".join(ta[i1:i2]))
            add("insert", "".join(tb[j1:j2]))
    return changes


def similarity_matrix(a_items, b_items) -> list[list[float]]:
    """text_similarity of every paragraph of A against every paragraph of B (each text tokenised once)."""
    a_words = [words(x.text) for x in a_items]
    b_words = [words(y.text) for y in b_items]
    return [[Indel.normalized_similarity(wa, wb) if (wa or wb) else 1.0 for wb in b_words] for wa in a_words]


def _assign(matrix: list[list[float]], threshold: float) -> list[tuple[int, int, float]]:
    """Optimal one-to-one pairs (i, j, similarity) with similarity >= threshold."""
    if not matrix or not matrix[0]:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    scores = np.array(matrix)
    # Among equally similar pairs (repeated text), prefer those at the same relative position: no false moves.
    n, m = scores.shape
    offset = np.abs(np.arange(n)[:, None] / n - np.arange(m)[None, :] / m)
    rows, cols = linear_sum_assignment(scores - 1e-3 * offset, maximize=True)
    return sorted((int(i), int(j), float(scores[i, j])) for i, j in zip(rows, cols) if scores[i, j] >= threshold)


def _in_order(pairs: list[tuple[int, int, float]], weights: list[float]) -> set[int]:
    """Indexes (into ``pairs``, sorted by A position) of the heaviest run increasing in B position; the rest moved.

    A pair weighs its similarity times its length in words, so that one long
    paragraph kept in place outweighs a few short ones (a stray footnote line).
    """
    n = len(pairs)
    best = list(weights)
    back = [-1] * n
    for k in range(n):
        for m in range(k):
            if pairs[m][1] < pairs[k][1]:
                candidate = best[m] + weights[k]
                if candidate > best[k]:
                    best[k], back[k] = candidate, m
    if not n:
        return set()
    k = max(range(n), key=lambda i: best[i])
    keep = set()
    while k != -1:
        keep.add(k)
        k = back[k]
    return keep


def align(a_items: list, b_items: list, threshold: float = MATCH_THRESHOLD) -> list[AlignedPair]:
    """Align the paragraphs of A with those of B; rows in B's order, removed paragraphs where they stood in A."""
    pairs = _assign(similarity_matrix(a_items, b_items), threshold)
    weights = [score * max(1, min(len(words(a_items[i].text)), len(words(b_items[j].text))))
               for i, j, score in pairs]
    ordered = _in_order(pairs, weights)
    by_b: dict[int, AlignedPair] = {}
    a_position_of_b: dict[int, int] = {}
    for index, (i, j, score) in enumerate(pairs):
        a, b = a_items[i], b_items[j]
        same = words(a.text) == words(b.text)
        if index in ordered:
            status = KEPT if same else CHANGED
        else:
            status = MOVED
        by_b[j] = AlignedPair(status, a, b, round(score, 3), changed=not same,
                              diff=[] if same else word_diff(a.text, b.text))
        if index in ordered:
            a_position_of_b[j] = i
    matched_a = {i for i, _, _ in pairs}
    removed = [i for i in range(len(a_items)) if i not in matched_a]

    rows: list[AlignedPair] = []
    next_removed = 0
    for j in range(len(b_items)):
        if j in a_position_of_b:
            # A's unmatched paragraphs that stood before this one go first, where they were.
            while next_removed < len(removed) and removed[next_removed] < a_position_of_b[j]:
                rows.append(AlignedPair(REMOVED, a_items[removed[next_removed]], None))
                next_removed += 1
        rows.append(by_b.get(j) or AlignedPair(ADDED, None, b_items[j]))
    rows.extend(AlignedPair(REMOVED, a_items[i], None) for i in removed[next_removed:])
    return rows


def summary(rows: list[AlignedPair]) -> dict[str, int]:
    counts = {KEPT: 0, CHANGED: 0, MOVED: 0, ADDED: 0, REMOVED: 0}
    for row in rows:
        counts[row.status] += 1
    return counts


def highlight_match(query: str, text: str) -> list[Change]:
    """``text`` split for display against a pasted ``query``.

    Inside the stretch of ``text`` that matches the query (from its first to its
    last word in common): 'equal' words, 'insert' for the paragraph's words the
    query lacks, 'delete' for the query's words the paragraph lacks.  Outside it:
    'context'.  Used by the agreed-language page.
    """
    changes = word_diff(query, text)
    equal = [i for i, c in enumerate(changes) if c.op == "equal"]
    if not equal:
        return [Change("context", text)]
    first, last = equal[0], equal[-1]
    result = []
    for index, change in enumerate(changes):
        if index < first or index > last:
            if change.op != "delete":
                result.append(Change("context", change.text))
        else:
            result.append(change)
    return result
