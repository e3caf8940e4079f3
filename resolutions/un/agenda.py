"""Agenda items as the UN numbers and names them: their order, and telling a whole item title from a cut one.

An item is a number with an optional sub-item letter in brackets: '7', '99', '99 (b)', '99 (bb)', '100 (b)'.
The UN's sub-items run (a) to (z), then (aa), (bb) ... ; so '99 (z)' comes before '99 (aa)', and '11' before '107'.

Item titles reach the archive cut: a document's masthead prints only as much as fits ('General and complete
disarmament: towards a nuclear-weapon-free world: accelerating the'), a text extraction loses the first line of a
two-line name ('to assure non-nuclear-weapon States against ...'), and some mastheads print no title at all
('Agenda item 129'). The UN's own metadata (the AKN cover page, the per-resolution tables) names the item whole.
"""
from __future__ import annotations

import re

_NUMBER = re.compile(r"^\s*(\d+)\s*(?:\(?\s*([^\W\d_]+)\s*\))?", re.UNICODE)
# A title cut at its end stops on a word that cannot end an item's name, or on punctuation that announces more.
_OPEN_ENDINGS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "including", "into", "of", "on", "or",
                 "the", "to", "towards", "with", "within"}
ITEM_PREFIX = re.compile(r"^\s*agenda\s+items?\s+", re.IGNORECASE)


def number_key(number: str) -> tuple:
    """Sort key in the UN's order: 11 before 107; 99 before 99 (a); 99 (z) before 99 (aa)."""
    match = _NUMBER.match(number or "")
    if not match:
        return (1, 0, 0, (number or "").casefold())
    letters = (match.group(2) or "").casefold()
    return (0, int(match.group(1)), len(letters), letters)


def parse_item(printed: str) -> str:
    """'Agenda item 99 (r)' -> '99 (r)'; an item number as the documents print it, without the words."""
    return " ".join(ITEM_PREFIX.sub("", printed or "").split())


def is_cut(title: str) -> bool:
    """True when the title is empty or visibly incomplete: it ends on ':' ',' ';' or on a word such as 'the'
    or 'of', or begins in lower case (its first line was lost)."""
    title = " ".join((title or "").split())
    if not title:
        return True
    if title[-1] in ":,;-–(":
        return True
    last_word = re.sub(r"\W+$", "", title).rsplit(" ", 1)[-1].casefold()
    if last_word in _OPEN_ENDINGS:
        return True
    first = title[0]
    return first.isalpha() and first.islower()


def _core(title: str) -> str:
    return re.sub(r"[\W_]+", " ", title.casefold()).strip()


def better_title(current: str, candidate: str) -> bool:
    """Whether ``candidate`` should replace ``current`` as an item's title: the current one is empty or cut and
    the candidate is whole, or the candidate holds all of the current one and more (the cut one's full form)."""
    current, candidate = " ".join((current or "").split()), " ".join((candidate or "").split())
    if not candidate or candidate == current:
        return False
    if not current:
        return True
    if is_cut(current) != is_cut(candidate):
        return is_cut(current)
    return len(candidate) > len(current) and _core(current) in _core(candidate)
