"""Match a state's name as a vote list prints it to the member-state table.  No Django.

The UN's vote lists print names in capitals (``TÜRKİYE``, ``COTE D'IVOIRE``), under former names
(``LIBYAN ARAB JAMAHIRIYA``, ``TURKEY``) and, now and then, misspelt or split across two entries (``CHILEs``;
``CÔTE.``, ``D'IVOIRE``). Names are compared folded (accents and case dropped, apostrophes unified); what still
matches nothing is tried joined with the next entry, then by spelling (rapidfuzz, a high bar), and each such
match says how it was made, so a reader can check it.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

# A misspelling is matched by spelling only when it is close (85% of its letters) and clearly closer to one name than
# to any other (5 points ahead): "TÜRKÝYE" is Türkiye, while a name halfway between two states stays unmatched.
FUZZY_BAR = 85
FUZZY_MARGIN = 5


def fold(name: str) -> str:
    """'TÜRKİYE' -> 'turkiye'; "Côte d’Ivoire" -> "cote d'ivoire"; a leading 'the' dropped."""
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'").replace("\u2018", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^\w'()\- ]+", " ", text)
    text = " ".join(text.split())
    return text.removeprefix("the ")


def name_index(names_to_keys: dict[str, object]) -> dict[str, object]:
    """Every name and alias folded, to whatever identifies the state (a primary key, a model row)."""
    return {fold(name): key for name, key in names_to_keys.items()}


def match_names(printed: list[str], index: dict[str, object]) -> list[tuple[str, object | None, str]]:
    """For each printed name, in order: (name as printed, the state's key or None, how it was matched or why not).

    A name split over two entries is returned once, joined ("CÔTE. D'IVOIRE"), for the two entries it came from.
    """
    results: list[tuple[str, object | None, str]] = []
    choices = list(index)
    i = 0
    while i < len(printed):
        name = printed[i]
        key = index.get(fold(name))
        if key is not None:
            results.append((name, key, ""))
            i += 1
            continue
        if i + 1 < len(printed) and index.get(fold(printed[i + 1])) is None:
            joined = f"{name.rstrip('.').strip()} {printed[i + 1].strip()}"
            key = index.get(fold(joined))
            if key is not None:
                results.append((joined, key, "one name printed as two entries"))
                i += 2
                continue
        best = _closest(fold(name), choices, index)
        if best is not None:
            results.append((name, index[best[0]], f"misspelt; matched by spelling to '{best[0]}' ({best[1]:.0f}%)"))
        else:
            results.append((name, None, "no member state, observer or former state of this name"))
        i += 1
    return results


def _closest(folded: str, choices: list[str], index: dict[str, object]) -> tuple[str, float] | None:
    """The one name this spelling is clearly closest to; aliases of the same state do not compete."""
    found = process.extract(folded, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_BAR - FUZZY_MARGIN, limit=10)
    if not found or found[0][1] < FUZZY_BAR:
        return None
    best_name, best_score, _ = found[0]
    rivals = [score for name, score, _ in found[1:] if index[name] != index[best_name]]
    if rivals and best_score - max(rivals) < FUZZY_MARGIN:
        return None
    return best_name, best_score
