"""Text similarity for paragraphs: normalised words, shingles, MinHash LSH band hashes, exact scores.

Pure Python (no Django).  The database keeps each paragraph's band hashes in
``Paragraph.lsh_bands`` (a ``bigint[]`` with a GIN index); a lookup asks for the
rows whose bands overlap the query's (``lsh_bands && %s``) and re-ranks those
few candidates exactly with :func:`text_similarity`.

How the bands were chosen (``measure_bands`` on the seeds as the parser reads
them: 129 paragraphs, 5,886 pairs of paragraphs of different documents, of
which 12 have exact similarity >= 0.8, 20 >= 0.7 -- the provenance threshold --
and 30 >= 0.6; rows marked * come from an earlier run on a rougher split of the
same seeds, 144 paragraphs):

* Shingles: word 2-grams.  The near-duplicate pairs (exact >= 0.8) have
  2-gram Jaccard >= 0.61 but 3-gram Jaccard down to 0.48 (one changed word
  every few words breaks most 3-grams); unrelated pairs (exact < 0.4) stay
  under 0.14 (99th percentile) with 2-grams.
* Layout, recall at exact >= 0.8 / 0.7 / 0.6, and candidate pairs to re-rank:

  ============  ==================  ==========
  bands x rows  recall .8/.7/.6     candidates
  ============  ==================  ==========
  64 x 2 *      1.0 / 1.0 / 0.97    693
  21 x 3        1.0 / 1.0 / 0.93    54
  16 x 3        1.0 / 0.95 / 0.87   42
  32 x 4 *      1.0 / 0.91 / 0.78   48
  16 x 4        1.0 / 0.90 / 0.73   27
  12 x 5        0.92 / 0.70 / 0.50  18
  16 x 8 *      0.8 / 0.43 / 0.28   9
  ============  ==================  ==========

  With 3-grams, 16 x 4 found only 0.8 of the >= 0.8 pairs and 8 x 8 0.4.
  Chosen: 21 bands of 3 rows (63 permutations): every pair at the provenance
  threshold found, under 1 % of the (same-topic) pairs as candidates; an
  S-curve 1 - (1 - J^3)^21 that is 0.5 near J = 0.3 and 0.99 at J = 0.6.
* Cost: 0.12-0.3 ms per paragraph signature (datasketch, shared permutations,
  2 cores); 21 bigints per paragraph in the GIN-indexed ``lsh_bands``.  Lookup
  speed at 100,000 paragraphs: see resolutions/lineage/selectors.py.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from rapidfuzz.distance import Indel

SHINGLE_SIZE = 2
NUM_PERM = 63
BANDS = 21
ROWS = NUM_PERM // BANDS

# Exact similarity at or above which two paragraphs are "nearly the same text".
NEAR_DUPLICATE = 0.8

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# Footnote markers left glued to a word by plain-text extraction ("Crime1", "Women,2").
_GLUED_MARKER = re.compile(r"\b([^\W\d_]{2,})\d{1,2}\b|(?<=[,;:)])(\d{1,2})\b")
_SUPERSCRIPTS = str.maketrans("", "", "\u00b9\u00b2\u00b3\u2070\u2071\u2074\u2075\u2076\u2077\u2078\u2079")


def words(text: str) -> list[str]:
    """The text's words, lower-cased, punctuation and footnote markers dropped (numbers such as 2008/33 kept)."""
    return list(_words(text or ""))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    cleaned = _GLUED_MARKER.sub(lambda m: m.group(1) or "", text.translate(_SUPERSCRIPTS)).lower().replace("\u2019", "'")
    return tuple(_WORD.findall(cleaned))


def normalised(text: str) -> str:
    """One comparable string: the words joined by single spaces."""
    return " ".join(words(text))


def shingles(tokens: list[str], size: int = SHINGLE_SIZE) -> set[str]:
    """Word n-grams; a text shorter than ``size`` words is one shingle."""
    if not tokens:
        return set()
    if len(tokens) < size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


@lru_cache(maxsize=4)
def _template(num_perm: int = NUM_PERM):
    """One MinHash whose permutations every signature shares (generating them is the costly part)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1)


def minhash(shingle_set: set[str]):
    from datasketch import MinHash

    template = _template()
    signature = MinHash(num_perm=NUM_PERM, seed=1, permutations=template.permutations, scheme=template.scheme)
    signature.update_batch([s.encode("utf-8") for s in shingle_set])
    return signature


def band_hashes(text: str, bands: int = BANDS, rows: int = ROWS) -> list[int]:
    """The text's LSH band hashes as signed 64-bit integers (PostgreSQL bigint); [] for a text with no words.

    Band ``i`` hashes its index with its ``rows`` MinHash values, so equal values
    in different bands never collide.
    """
    shingle_set = shingles(words(text))
    if not shingle_set:
        return []
    return _band_digests(minhash(shingle_set).hashvalues, bands, rows)


def _band_digests(values, bands: int, rows: int) -> list[int]:
    result = []
    for band in range(bands):
        chunk = values[band * rows:(band + 1) * rows]
        digest = hashlib.blake2b(band.to_bytes(2, "big") + chunk.tobytes(), digest_size=8).digest()
        result.append(int.from_bytes(digest, "big", signed=True))
    return result


def _signatures(shingle_lists: list[list[str]], num_perm: int = NUM_PERM):
    """MinHash values (one row per non-empty shingle list, and the indexes of those lists), vectorised.

    The distinct shingles of all lists are hashed once (SHA-1, as datasketch
    does), permuted in one numpy array operation and reduced per list with
    ``minimum.reduceat``, instead of one MinHash object per text; the values are
    datasketch's (same permutations and scheme; tests/test_lineage_similarity.py
    checks it).
    """
    import numpy as np
    from datasketch.hashfunc import sha1_hash32
    from datasketch.minhash import _SCHEME_WIDTHS, _fmix

    template = _template(num_perm)
    present = [i for i, shingle_list in enumerate(shingle_lists) if shingle_list]
    if not present:
        return None, present
    hashes: dict[str, int] = {}
    starts, hashed = [], []
    for i in present:
        starts.append(len(hashed))
        for shingle in shingle_lists[i]:
            value = hashes.get(shingle)
            if value is None:
                value = hashes[shingle] = sha1_hash32(shingle.encode("utf-8"))
            hashed.append(value)
    a, b = template.permutations
    hv = _fmix(template._hash_input_array(hashed).reshape(-1, 1), _SCHEME_WIDTHS[template.scheme])
    minima = np.minimum.reduceat(hv * a + b, np.asarray(starts), axis=0)
    return np.minimum(minima, template.hashvalues), present  # a fresh MinHash starts from hashvalues


# The whole text's fingerprint, to find the same document uploaded in another format: 12 bands of 5 rows
# of the MinHash of all its paragraphs' 2-grams (the minimum of the paragraphs' own MinHash values, so it
# costs nothing more).  Two extractions of one text (seeds 000 and 001) share nearly all 2-grams (Jaccard
# >= 0.9: found with probability 1 - (1 - 0.9^5)^12 > 0.9999), while documents of other topics (Jaccard
# < 0.1) share a band with probability < 0.0002: the candidates stay few at any scale.
DOCUMENT_BANDS = 12
DOCUMENT_ROWS = 5


def paragraph_and_document_bands(texts: list[str]) -> tuple[list[list[int]], list[int]]:
    """``([band_hashes(t) for t in texts], document_bands(texts))`` in one vectorised pass.

    Bulk ingestion hashes a document's paragraphs at once; [] for a text (or a
    document) with no words.
    """
    paragraph_bands: list[list[int]] = [[] for _ in texts]
    minima, present = _signatures([sorted(shingles(words(text))) for text in texts])
    if not present:
        return paragraph_bands, []
    for row, i in enumerate(present):
        paragraph_bands[i] = _band_digests(minima[row], BANDS, ROWS)
    return paragraph_bands, _band_digests(minima.min(axis=0), DOCUMENT_BANDS, DOCUMENT_ROWS)


def band_hashes_many(texts: list[str]) -> list[list[int]]:
    """``[band_hashes(t) for t in texts]`` in one vectorised pass."""
    return paragraph_and_document_bands(texts)[0]


def document_bands(texts: list[str]) -> list[int]:
    """The LSH band hashes of a whole document's text (its paragraphs); [] when it has no words."""
    return paragraph_and_document_bands(texts)[1]


def jaccard(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' word shingles."""
    sa, sb = shingles(words(a)), shingles(words(b))
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def text_similarity(a: str, b: str) -> float:
    """Exact similarity in [0, 1] of two paragraphs: word-level Indel (LCS) ratio of their normalised words.

    Word order counts and renumbering, punctuation, case and footnote markers do not.
    """
    wa, wb = _words(a or ""), _words(b or "")
    if not wa and not wb:
        return 1.0
    return Indel.normalized_similarity(wa, wb)


# Windows of a long paragraph scored for one phrase at one level of the search (see phrase_similarity).
MAX_PHRASE_WINDOWS = 200


def phrase_similarity(query: str, text: str) -> float:
    """How well a pasted phrase or paragraph matches a paragraph's wording, in [0, 1].

    For a query as long as the paragraph this is :func:`text_similarity`; for a
    short phrase it is the best word-level match against any window of the
    paragraph of the phrase's length (so a phrase found inside a long paragraph
    scores high), lightly discounted so that a whole-paragraph match ranks first.
    A paragraph with more than ``MAX_PHRASE_WINDOWS`` windows is searched coarse
    to fine (windows ``step`` words apart and ``step`` words wider, then around
    the best of them with a step 16 times smaller, down to one word): a few
    hundred scores whatever the paragraph's length, where every window of a
    100,000-word paragraph was 100,000 scores per candidate.
    """
    wq, wt = words(query), words(text)
    if not wq or not wt:
        return 0.0
    whole = Indel.normalized_similarity(wq, wt)
    if len(wt) <= len(wq):
        return whole
    size = len(wq)
    last = len(wt) - size  # the last window's start
    low, high = 0, last
    step = max(1, -(-(last + 1) // MAX_PHRASE_WINDOWS))
    while True:
        level_best, level_start = -1.0, low
        for start in range(low, high + 1, step):
            window = wt[start:start + size + (step - 1)]
            score = Indel.normalized_similarity(wq, window)
            if score > level_best:
                level_best, level_start = score, start
                if score == 1.0:
                    break
        if step == 1:
            best = level_best
            break
        low, high = max(0, level_start - step), min(last, level_start + step)
        step = max(1, step // 16)
    return max(whole, best * 0.98)


def measure_bands(texts: list[tuple[str, str]], layouts=((32, 2), (16, 4), (8, 8)), thresholds=(NEAR_DUPLICATE, 0.6)):
    """Recall and candidate counts of LSH layouts (bands x rows over NUM_PERM values) on (group, text) pairs.

    Pairs are paragraphs of different groups (documents).  For each layout:
    recall of the pairs whose exact similarity is >= each threshold, and how
    many candidate pairs (sharing a band) the exact re-ranking would have to
    score.  Used to choose BANDS and ROWS; see the module docstring.
    """
    import itertools
    import time

    started = time.perf_counter()
    signatures = [minhash(shingles(words(text))).hashvalues for _, text in texts]
    per_signature = (time.perf_counter() - started) / max(len(texts), 1)
    pairs = [(i, j) for i, j in itertools.combinations(range(len(texts)), 2) if texts[i][0] != texts[j][0]]
    exact = {(i, j): text_similarity(texts[i][1], texts[j][1]) for i, j in pairs}
    report = {"paragraphs": len(texts), "pairs": len(pairs), "signature_ms": round(per_signature * 1000, 3),
              "truth": {t: sum(1 for s in exact.values() if s >= t) for t in thresholds}, "layouts": {}}
    for bands, rows in layouts:
        keys = [{(b, tuple(sig[b * rows:(b + 1) * rows])) for b in range(bands)} for sig in signatures]
        candidates = {(i, j) for i, j in pairs if not keys[i].isdisjoint(keys[j])}
        recall = {}
        for t in thresholds:
            relevant = [p for p in pairs if exact[p] >= t]
            recall[t] = round(sum(1 for p in relevant if p in candidates) / len(relevant), 3) if relevant else None
        report["layouts"][f"{bands}x{rows}"] = {"recall": recall, "candidates": len(candidates)}
    return report
