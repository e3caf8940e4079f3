"""Wrapped lines joined into a paragraph's text: end-of-line hyphenation repaired, in linear time.

Read: lines (and the document's own words, for hyphenated forms).  Write: one text.  Used by every stage that
assembles a paragraph or a note from the lines a page wrapped.
"""
from __future__ import annotations

import re

KEEP_HYPHEN_PREFIXES = {
    "anti", "non", "co", "inter", "intra", "multi", "self", "cross", "counter", "well", "high", "low", "long",
    "short", "follow", "post", "pre", "semi", "sub", "socio", "ex", "mid", "all", "cost", "gender", "age",
    "rights", "human", "child", "small", "medium", "large", "full", "part", "state", "country", "sector",
    "result", "evidence", "community", "people", "victim", "survivor", "north", "south", "e", "mine",
    "peace", "capacity", "decision", "policy", "land", "sea", "time", "trade", "risk", "data", "science",
}


def line_joint(left_tail: str, right: str, vocabulary: set[str] | None = None) -> tuple[bool, str]:
    """How two wrapped lines join: (drop the hyphen ending the left line, separator).

    ``devel-`` + ``opment`` gives ``development``; ``anti-`` + ``trafficking``
    stays ``anti-trafficking`` (a prefix that takes a hyphen, or a hyphenated
    form the document itself uses elsewhere and whose solid form it does not);
    before a capital the hyphen always stays (``UN-`` + ``Women``, ``Inter-`` + ``Agency``).
    Only the tail of the left line is read, so joining costs the same however
    long the paragraph already is.
    """
    hyphen = re.search(r"([A-Za-z]{1,30})-$", left_tail)
    if hyphen and right[:1].isupper():
        return False, ""          # a compound of names is never hyphenation: 'UN-' + 'Women', 'Inter-' + 'Agency'
    if hyphen and right[:1].islower():
        first = hyphen.group(1)
        rest = re.match(r"[A-Za-z]{1,40}", right)
        rest_word = rest.group(0) if rest else ""
        if first.lower() in KEEP_HYPHEN_PREFIXES:
            return False, ""
        if vocabulary is not None:
            if f"{first}-{rest_word}".lower() in vocabulary and f"{first}{rest_word}".lower() not in vocabulary:
                return False, ""
        return True, ""
    return False, " "


def join_lines(left: str, right: str, vocabulary: set[str] | None = None) -> str:
    """Join two wrapped lines, repairing end-of-line hyphenation (see line_joint)."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    drop, separator = line_joint(left[-64:], right, vocabulary)
    return (left[:-1] if drop else left) + separator + right


class TextBuilder:
    """A paragraph or footnote assembled from wrapped lines in linear time (no re-copying of the text so far)."""

    def __init__(self, text: str = ""):
        text = text.strip()
        self.parts: list[str] = [text] if text else []

    def add(self, line: str, vocabulary: set[str] | None = None) -> None:
        right = line.strip()
        if not right:
            return
        if not self.parts:
            self.parts.append(right)
            return
        drop, separator = line_joint(self.parts[-1][-64:], right, vocabulary)
        if drop:
            self.parts[-1] = self.parts[-1][:-1]
        self.parts.append(separator + right)

    def endswith(self, suffix: str) -> bool:
        return bool(self.parts) and self.parts[-1].endswith(suffix)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def word_vocabulary(lines: list[str]) -> set[str]:
    """All words (hyphenated ones included) that appear inside lines, lower-cased, for hyphenation repair."""
    words: set[str] = set()
    for line in lines:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", line[:-1] if line.endswith("-") else line))
    return words
