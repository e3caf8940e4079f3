"""'Did you mean': close words from the archive's own vocabulary (the ``SearchTerm`` table, words not stems,
kept by ``services.indexing``), matched by edit distance with rapidfuzz."""
from __future__ import annotations

import re

from resolutions.models import SearchTerm
from resolutions.search.query import ParsedQuery


def suggest(query: ParsedQuery, limit: int = 5) -> list[str]:
    """Close words from the archive's vocabulary for each unknown word of the query ('trafficing' -> 'trafficking')."""
    from rapidfuzz import fuzz, process, utils

    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,40}", query.text)][:10]
    if not words:
        return []
    known = set(SearchTerm.objects.filter(word__in=words).values_list("word", flat=True))
    suggestions: list[str] = []
    replaced = []
    for word in words:
        if word in known:
            replaced.append(word)
            continue
        # Candidates share the first letter and have a similar length: an indexed, bounded read.
        candidates = list(SearchTerm.objects.filter(
            word__startswith=word[0], word__regex=rf"^.{{{max(3, len(word) - 2)},{len(word) + 2}}}$")
            .order_by("-frequency").values_list("word", flat=True)[:5000])
        best = process.extractOne(word, candidates, scorer=fuzz.ratio, processor=utils.default_process,
                                  score_cutoff=75)
        replaced.append(best[0] if best else word)
    suggestion = " ".join(replaced)
    if suggestion != " ".join(words):
        suggestions.append(suggestion)
    return suggestions[:limit]
