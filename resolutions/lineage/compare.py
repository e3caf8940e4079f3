"""Compare two versions of a text: paragraphs aligned, word-level changes inside changed paragraphs.

Pure Python (no Django).  Paragraphs are anything with ``text`` and ``kind``
attributes (model rows or parser dataclasses); their numbers are never compared,
so renumbering is not a change.

Alignment scores only plausible pairs, never every paragraph of A against every
paragraph of B (a 10,001-paragraph document against itself was 10^8 scores,
7 GB and over a minute): for each paragraph of A, the paragraphs of B near the
same relative position, those with the same words and those sharing an LSH band
(the hashes stored in ``Paragraph.lsh_bands``, see resolutions.lineage.similarity), at
most ``MAX_CANDIDATES`` of them (:func:`candidate_pairs`).  Each pair is scored
with the word-level Indel ratio of the normalised words; an optimal one-to-one
assignment over the pairs at or above ``MATCH_THRESHOLD`` (scipy's sparse
``min_weight_full_bipartite_matching``, every paragraph of A also free to stay
unmatched).  Pairs whose relative order is kept (the heaviest run of B
positions increasing in A order) are *kept* or *changed*; the others are
*moved*.  Paragraphs of A left over were *removed*, of B *added*.  The work is
linear in the number of paragraphs; documents longer than
``MAX_COMPARE_PARAGRAPHS`` are refused with :class:`ComparisonTooLarge`.
"""
from __future__ import annotations

import bisect
import difflib
import heapq
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from resolutions.lineage.similarity import BANDS, band_hashes_many, words

MATCH_THRESHOLD = 0.5

KEPT, CHANGED, MOVED, ADDED, REMOVED = "kept", "changed", "moved", "added", "removed"

# Paragraphs of B on each side of the one at the same relative position that are always scored.
POSITION_WINDOW = 3
# Members of a crowded bucket (same words, or one LSH band) nearest in position scored, on each side.
BUCKET_NEIGHBOURS = 3
# A word in at most this many paragraphs of B is distinctive; the paragraphs of B sharing the most distinctive
# words with a paragraph of A are scored too (pairs under the LSH bands' reach, similarity 0.5-0.7).
DISTINCTIVE_WORD_PARAGRAPHS = 20
SHARED_WORD_CANDIDATES = 8
# The most paragraphs of B scored against one paragraph of A, whatever the texts.
MAX_CANDIDATES = (2 * POSITION_WINDOW + 1) + 2 * BUCKET_NEIGHBOURS * (BANDS + 1) + SHARED_WORD_CANDIDATES
# Above this many paragraphs in either document a comparison is refused: the work is linear, but the page is not
# worth building (the largest real resolutions have a few hundred; the budget resolutions about a thousand).
MAX_COMPARE_PARAGRAPHS = 12_000
# Word diffs of longer paragraphs (in tokens, each side) are shown as the whole text replaced: difflib is
# quadratic at worst.
MAX_DIFF_TOKENS = 5_000
# Pairs of paragraphs whose word counts multiply to more than this are scored on their bags of words (linear)
# instead of their word order (Indel: the product of the lengths / 64 word operations).
MAX_ORDERED_WORD_PAIRS = 4_000_000


class ComparisonTooLarge(ValueError):
    """A document has more paragraphs than a comparison takes; the message says which and the limit."""


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
    Paragraphs of more than ``MAX_DIFF_TOKENS`` tokens are shown as A's text replaced by B's.
    """
    ta, tb = _tokens(a_text), _tokens(b_text)
    changes: list[Change] = []

    def add(op, text):
        if not text:
            return
        if changes and changes[-1].op == op:
            changes[-1].text += text
        else:
            changes.append(Change(op, text))

    if len(ta) > MAX_DIFF_TOKENS or len(tb) > MAX_DIFF_TOKENS:
        add("delete", a_text or "")
        add("insert", b_text or "")
        return changes
    matcher = difflib.SequenceMatcher(None, [_key(t) for t in ta], [_key(t) for t in tb], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", "".join(tb[j1:j2]))
        else:
            add("delete", "".join(ta[i1:i2]))
            add("insert", "".join(tb[j1:j2]))
    return changes


def pair_similarity(wa: list[str], wb: list[str]) -> float:
    """text_similarity of two paragraphs' words: the Indel (LCS) ratio; for two very long ones, of their bags of words.

    The bag ratio (shared words counted with multiplicity) is an upper bound of
    the Indel ratio that costs time linear in the words.
    """
    if not wa and not wb:
        return 1.0
    if len(wa) * len(wb) <= MAX_ORDERED_WORD_PAIRS:
        return Indel.normalized_similarity(wa, wb)
    from collections import Counter

    shared = sum((Counter(wa) & Counter(wb)).values())
    return 2 * shared / (len(wa) + len(wb))


def _bands_of(items: list, word_lists: list[list[str]]) -> list[list[int]]:
    """Each paragraph's LSH band hashes: the stored ``lsh_bands`` of a model row, computed for anything else."""
    bands: list[list[int] | None] = []
    missing = []
    for index, (item, item_words) in enumerate(zip(items, word_lists)):
        stored = getattr(item, "lsh_bands", None)
        if stored or not item_words:
            bands.append(list(stored or []))
        else:  # a parser dataclass, or a row stored without its bands (a dump loaded without them)
            bands.append(None)
            missing.append(index)
    if missing:
        for index, computed in zip(missing, band_hashes_many([items[i].text for i in missing])):
            bands[index] = computed
    return bands


def _nearest(sorted_positions: list[int], target: int, count: int) -> list[int]:
    """Up to ``2 * count`` values of ``sorted_positions`` nearest to ``target``: ``count`` on each side."""
    at = bisect.bisect_left(sorted_positions, target)
    return sorted_positions[max(0, at - count):at + count]


def candidate_pairs(a_words: list[list[str]], b_words: list[list[str]], a_bands: list[list[int]],
                    b_bands: list[list[int]]) -> dict[int, set[int]]:
    """For each paragraph of A, the paragraphs of B worth scoring: at most ``MAX_CANDIDATES`` of them.

    * by position: the ``POSITION_WINDOW`` paragraphs of B on each side of the
      one at the same relative place (an edit seldom moves text far);
    * by text: the paragraphs of B with exactly the same words, and those
      sharing an LSH band (a paragraph moved anywhere).  A crowded bucket --
      10,000 paragraphs "Decides to consider item N ..." share nearly every
      band -- gives only its ``BUCKET_NEIGHBOURS`` members nearest in relative
      position on each side, so no text, however repetitive, makes the
      candidates grow with the product of the lengths;
    * by distinctive words: the ``SHARED_WORD_CANDIDATES`` paragraphs of B
      sharing the most words found in at most ``DISTINCTIVE_WORD_PARAGRAPHS``
      paragraphs of B (a reworded paragraph the bands miss).
    """
    n, m = len(a_words), len(b_words)
    if not n or not m:
        return {}
    by_words: dict[tuple, list[int]] = {}
    by_band: dict[int, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    for j in range(m):  # j increasing: every bucket is sorted
        by_words.setdefault(tuple(b_words[j]), []).append(j)
        for band in b_bands[j]:
            by_band.setdefault(band, []).append(j)
        for word in set(b_words[j]):
            by_word.setdefault(word, []).append(j)
    candidates: dict[int, set[int]] = {}
    for i in range(n):
        expected = (i * m) // n if n > 1 else 0
        found = set(range(max(0, expected - POSITION_WINDOW), min(m, expected + POSITION_WINDOW + 1)))
        same = by_words.get(tuple(a_words[i]))
        if same:
            found.update(_nearest(same, expected, BUCKET_NEIGHBOURS))
        for band in a_bands[i]:
            bucket = by_band.get(band)
            if bucket:
                found.update(_nearest(bucket, expected, BUCKET_NEIGHBOURS))
        shared: dict[int, int] = {}
        for word in set(a_words[i]):
            bucket = by_word.get(word)
            if bucket and len(bucket) <= DISTINCTIVE_WORD_PARAGRAPHS:
                for j in bucket:
                    shared[j] = shared.get(j, 0) + 1
        if shared:
            found.update(heapq.nsmallest(SHARED_WORD_CANDIDATES, shared,
                                         key=lambda j: (-shared[j], abs(j - expected), j)))
        candidates[i] = found
    return candidates


def _assign(scored: dict[tuple[int, int], float], n: int, m: int) -> list[tuple[int, int, float]]:
    """Optimal one-to-one pairs (i, j, similarity) among the scored ones: the most total similarity.

    Each paragraph of A may also stay unmatched (a column of its own at no
    similarity), so a full matching always exists.  Among equally similar pairs
    (repeated text) those at the same relative position win: no false moves.
    """
    if not scored:
        return []
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    rows, cols, costs = [], [], []
    for (i, j), score in scored.items():
        offset = abs(i / n - j / m)
        rows.append(i)
        cols.append(j)
        costs.append(2.0 - score + 1e-3 * offset)  # positive: a stored zero would not be an edge
    rows.extend(range(n))
    cols.extend(range(m, m + n))
    costs.extend([2.0] * n)
    graph = csr_matrix((np.array(costs), (np.array(rows), np.array(cols))), shape=(n, m + n))
    a_side, b_side = min_weight_full_bipartite_matching(graph)
    return sorted((int(i), int(j), scored[int(i), int(j)]) for i, j in zip(a_side, b_side) if j < m)


def _in_order(pairs: list[tuple[int, int, float]], weights: list[float]) -> set[int]:
    """Indexes (into ``pairs``, sorted by A position) of the heaviest run increasing in B position; the rest moved.

    A pair weighs its similarity times its length in words, so that one long
    paragraph kept in place outweighs a few short ones (a stray footnote line).
    A Fenwick tree over B positions keeps the best run ending below each
    position: n log n, not the n^2 of trying every earlier pair.
    """
    if not pairs:
        return set()
    size = max(j for _, j, _ in pairs) + 1
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)

    def best_below(position: int) -> tuple[float, int]:  # best run ending at a B position < position
        best = (0.0, -1)
        while position > 0:
            if tree[position][0] > best[0]:
                best = tree[position]
            position -= position & -position
        return best

    def record(position: int, value: tuple[float, int]) -> None:
        position += 1
        while position <= size:
            if value[0] > tree[position][0]:
                tree[position] = value
            position += position & -position

    best = [0.0] * len(pairs)
    back = [-1] * len(pairs)
    for k, (_, j, _) in enumerate(pairs):
        previous, back[k] = best_below(j)
        best[k] = previous + weights[k]
        record(j, (best[k], k))
    k = max(range(len(pairs)), key=lambda index: best[index])
    keep = set()
    while k != -1:
        keep.add(k)
        k = back[k]
    return keep


def align(a_items: list, b_items: list, threshold: float = MATCH_THRESHOLD, diffs: bool = True) -> list[AlignedPair]:
    """Align the paragraphs of A with those of B; rows in B's order, removed paragraphs where they stood in A.

    With ``diffs=False`` the changed rows' word diffs are left for :func:`add_diffs` (a page of a long comparison
    shows 200 rows: the others' diffs are not worth computing).
    Raises ComparisonTooLarge when either side has more than ``MAX_COMPARE_PARAGRAPHS`` paragraphs.
    """
    for name, items in (("The first document", a_items), ("The second document", b_items)):
        if len(items) > MAX_COMPARE_PARAGRAPHS:
            raise ComparisonTooLarge(
                f"{name} has {len(items):,} paragraphs; comparisons take documents of up to "
                f"{MAX_COMPARE_PARAGRAPHS:,} paragraphs.")
    a_words = [words(x.text) for x in a_items]
    b_words = [words(y.text) for y in b_items]
    candidates = candidate_pairs(a_words, b_words, _bands_of(a_items, a_words), _bands_of(b_items, b_words))
    scored = {}
    for i, found in candidates.items():
        for j in found:
            score = pair_similarity(a_words[i], b_words[j])
            if score >= threshold:
                scored[i, j] = score
    pairs = _assign(scored, len(a_items), len(b_items))
    weights = [score * max(1, min(len(a_words[i]), len(b_words[j]))) for i, j, score in pairs]
    ordered = _in_order(pairs, weights)
    by_b: dict[int, AlignedPair] = {}
    a_position_of_b: dict[int, int] = {}
    for index, (i, j, score) in enumerate(pairs):
        a, b = a_items[i], b_items[j]
        same = a_words[i] == b_words[j]
        if index in ordered:
            status = KEPT if same else CHANGED
        else:
            status = MOVED
        by_b[j] = AlignedPair(status, a, b, round(score, 3), changed=not same,
                              diff=word_diff(a.text, b.text) if diffs and not same else [])
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


def add_diffs(rows: list[AlignedPair]) -> list[AlignedPair]:
    """The word diff of every changed row among ``rows`` that has none yet (aligned with ``diffs=False``)."""
    for row in rows:
        if row.changed and not row.diff and row.a is not None and row.b is not None:
            row.diff = word_diff(row.a.text, row.b.text)
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
