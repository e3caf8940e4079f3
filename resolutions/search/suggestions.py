"""'Did you mean' and 'Showing results for': close words from the archive's own vocabulary (the ``SearchTerm``
table, words not stems with the number of paragraphs holding each, kept by ``services.indexing``), matched by edit
distance with rapidfuzz (no ``pg_trgm`` in the embedded server).

``suggest`` offers a close word for each word the archive does not have, and for a word it holds only once or
twice beside a close word it holds far more often (a misprint in one document: 'trafficing'). ``correction``
decides when a suggestion replaces the query: the query found few documents (``WEAK_BELOW``) and each corrected
word is held many times more often (``CORRECTION_FACTOR``) than the query's matches.
"""
from __future__ import annotations

import re

from resolutions.models import SearchTerm
from resolutions.search.query import ParsedQuery

WEAK_BELOW = 10          # a query with fewer documents than this may be shown its correction's results instead
CORRECTION_FACTOR = 5    # ... when every corrected word is in this many times more paragraphs than the query's hits
RARE = 2                 # a word the archive holds this often or less may be a misprint of a common close word
RARE_FACTOR = 50         # ... when the close word is this many times more frequent
WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,40}")


def _words(query: ParsedQuery) -> list[str]:
    return [w.lower() for w in WORD.findall(query.text)][:10]


def _closest(word: str, score_cutoff: int, more_than: int = 0) -> tuple[str, int] | None:
    """The archive's closest word (and its frequency): same first letter, a similar length, an indexed bounded read."""
    from rapidfuzz import fuzz, process, utils

    candidates = dict(SearchTerm.objects.filter(
        word__startswith=word[0], word__regex=rf"^.{{{max(3, len(word) - 2)},{len(word) + 2}}}$",
        frequency__gt=more_than).exclude(word=word)
        .order_by("-frequency").values_list("word", "frequency")[:5000])
    best = process.extractOne(word, list(candidates), scorer=fuzz.ratio, processor=utils.default_process,
                              score_cutoff=score_cutoff)
    return (best[0], candidates[best[0]]) if best else None


def _replacements(query: ParsedQuery) -> tuple[list[str], dict[str, int]]:
    """The query's words with each unknown or misprinted one replaced, and the frequency of each replacement."""
    words = _words(query)
    known = dict(SearchTerm.objects.filter(word__in=words).values_list("word", "frequency"))
    replaced, frequencies = [], {}
    for word in words:
        if word in known and known[word] > RARE:
            replaced.append(word)
            continue
        if word in known:
            best = _closest(word, 90, more_than=known[word] * RARE_FACTOR)
        else:
            best = _closest(word, 75)
        replaced.append(best[0] if best else word)
        if best:
            frequencies[best[0]] = best[1]
    return replaced, frequencies


def _rewritten(query: ParsedQuery, replaced: list[str]) -> str:
    """The query as typed with each replaced word swapped in place (its other words, numbers and operators kept)."""
    text = query.text
    for word, new in zip(_words(query), replaced):
        if new != word:
            text = re.sub(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", new, text, count=1, flags=re.IGNORECASE)
    return text


def suggest(query: ParsedQuery, limit: int = 5) -> list[str]:
    """Close words from the archive's vocabulary for each unknown word of the query ('trafficing' -> 'trafficking')."""
    words = _words(query)
    if not words:
        return []
    replaced, _ = _replacements(query)
    return [_rewritten(query, replaced)][:limit] if replaced != words else []


def correction(query: ParsedQuery, total: int) -> str | None:
    """The corrected query to show instead, when the query found few documents and its correction many more."""
    if query.is_empty or total >= WEAK_BELOW or not _words(query):
        return None
    replaced, frequencies = _replacements(query)
    if not frequencies or min(frequencies.values()) < CORRECTION_FACTOR * max(1, total):
        return None
    return _rewritten(query, replaced)
