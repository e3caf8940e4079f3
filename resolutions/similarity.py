"""Text similarity for paragraphs: normalised words, shingles, MinHash LSH band hashes, exact scores.

Pure Python (no Django).  The database keeps each paragraph's band hashes in
``Paragraph.lsh_bands`` (a ``bigint[]`` with a GIN index); a lookup asks for the
rows whose bands overlap the query's (``lsh_bands && %s``) and re-ranks those
few candidates exactly with :func:`text_similarity`.

How the bands were chosen (measured by ``python -m resolutions.similarity`` style
runs on the seeds, see ``measure_bands``; figures on the five seeds, 2 cores):

* Word 3-shingles, MinHash with ``NUM_PERM = 64`` permutations cut into
  ``BANDS = 16`` bands of ``ROWS = 4`` rows.  Two paragraphs become candidates
  with probability 1 - (1 - J^4)^16 for shingle Jaccard J: 0.50 at J = 0.5,
  0.96 at J = 0.7, 1.0 from J = 0.8; ~0.02 at J = 0.2.
* On the seeds, every pair of paragraphs whose exact similarity is >= 0.8
  (the "nearly the same text" threshold) was found: recall 1.0, for each of the
  layouts tried (b x r = 32x2, 16x4, 8x8); 8x8 lost pairs with similarity
  0.6-0.8 (e.g. the 2006/2008 "Urges Member States ... ratify" paragraphs) and
  32x2 gave ~8x more false candidates to re-rank.  16x4 kept the recall of
  32x2 on those pairs with far fewer candidates.  Signature cost: about 0.2 ms
  per paragraph (datasketch, shared permutations).  See ``BAND_MEASUREMENTS``.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from rapidfuzz.distance import Indel

SHINGLE_SIZE = 3
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS

# Exact similarity at or above which two paragraphs are "nearly the same text".
NEAR_DUPLICATE = 0.8

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# Footnote markers left glued to a word by plain-text extraction ("Crime1", "Women,2").
_GLUED_MARKER = re.compile(r"^([^\W\d_]{2,})\d{1,2}$")
_SUPERSCRIPTS = str.maketrans("", "", "\u00b9\u00b2\u00b3\u2070\u2071\u2074\u2075\u2076\u2077\u2078\u2079")


def words(text: str) -> list[str]:
    """The text's words, lower-cased, punctuation and footnote markers dropped (numbers such as 2008/33 kept)."""
    result = []
    for token in _WORD.findall((text or "").translate(_SUPERSCRIPTS).lower()):
        glued = _GLUED_MARKER.match(token)
        result.append(glued.group(1) if glued else token.replace("\u2019", "'"))
    return result


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


@lru_cache(maxsize=1)
def _template():
    """One MinHash whose permutations every signature shares (generating them is the costly part)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1)


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
    values = minhash(shingle_set).hashvalues
    result = []
    for band in range(bands):
        chunk = values[band * rows:(band + 1) * rows]
        digest = hashlib.blake2b(band.to_bytes(2, "big") + chunk.tobytes(), digest_size=8).digest()
        result.append(int.from_bytes(digest, "big", signed=True))
    return result


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
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    return Indel.normalized_similarity(wa, wb)


def phrase_similarity(query: str, text: str) -> float:
    """How well a pasted phrase or paragraph matches a paragraph's wording, in [0, 1].

    For a query as long as the paragraph this is :func:`text_similarity`; for a
    short phrase it is the best word-level match against any window of the
    paragraph of the phrase's length (so a phrase found inside a long paragraph
    scores high), lightly discounted so that a whole-paragraph match ranks first.
    """
    wq, wt = words(query), words(text)
    if not wq or not wt:
        return 0.0
    whole = Indel.normalized_similarity(wq, wt)
    if len(wt) <= len(wq):
        return whole
    size = len(wq)
    best = 0.0
    for start in range(0, len(wt) - size + 1):
        score = Indel.normalized_similarity(wq, wt[start:start + size])
        if score > best:
            best = score
            if best == 1.0:
                break
    return max(whole, best * 0.98)
