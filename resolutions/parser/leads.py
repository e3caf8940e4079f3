"""The vocabulary of lead phrases ('Recalling also', 'Urges', 'Bearing in mind') and matching against it.

The list in data/leads.txt comes from the UN's own material: the italic leads
and ``<container name>`` attributes of the UN's AKN4UN XML and the phrase lists
derived from UN Terminology Bulletin No. 313.  Adverbial variants ('Also
decides', 'Further recalling', 'Recalling also') are recognised by rule.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "leads.txt"
ADVERBS = ("Also", "Further", "Once again", "Again", "Strongly", "Firmly", "Fully", "Deeply", "Further also",
           "Moreover", "Finally", "Lastly", "Similarly", "Likewise", "Hereby", "Urgently", "Emphatically", "Solemnly",
           "Earnestly", "Vigorously", "Resolutely", "Categorically", "Unreservedly", "Formally", "Warmly",
           "Respectfully", "Unequivocally", "Reluctantly", "Therefore", "Accordingly")
TRAILING_ADVERBS = ("also", "further", "once again", "again", "with appreciation", "with satisfaction",
                    "with concern", "with deep concern", "with grave concern", "with interest", "in particular",
                    "furthermore", "moreover")
MAX_LEAD_WORDS = 7


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    phrases = set()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            # 'Taking note of' and 'Takes note of' are written 'Taking note', 'Takes note' in the UN's markup.
            phrases.add(re.sub(r" (?:of|that|to|the)$", "", line))
    return frozenset(phrases)


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    return frozenset(p.split()[0] for p in vocabulary())


def _is_lead(phrase: str) -> bool:
    vocab = vocabulary()
    if phrase in vocab:
        return True
    for adverb in ADVERBS:
        if phrase.startswith(adverb + " "):
            rest = phrase[len(adverb) + 1:]
            if rest and (rest[0].upper() + rest[1:]) in vocab:
                return True
    for adverb in TRAILING_ADVERBS:
        if phrase.endswith(" " + adverb) and _is_lead(phrase[: -len(adverb) - 1]):
            return True
    return False


def match_lead(text: str) -> str | None:
    """The longest known lead phrase at the start of ``text``, or None.

    Words are compared up to the first punctuation; 'Recalling also its
    resolution' gives 'Recalling also', 'Urges Member States' gives 'Urges'.
    """
    head = re.match(r"[A-Za-z][A-Za-z' -]{0,120}", text)
    if not head:
        return None
    words = head.group(0).split()
    if not words:
        return None
    first = words[0]
    if first not in first_words() and first not in {a.split()[0] for a in ADVERBS}:
        return None
    for n in range(min(len(words), MAX_LEAD_WORDS), 0, -1):
        phrase = " ".join(words[:n])
        if _is_lead(phrase):
            return phrase
    return None


def starts_with_lead(text: str) -> bool:
    return match_lead(text) is not None
