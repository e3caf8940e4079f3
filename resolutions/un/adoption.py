"""What makes a document an adopted resolution rather than a draft.

The rule reads two things the archive stores for every document, its normalised symbol and its type as
printed, so that it can also be written as a database filter (``lineage.selectors`` builds that filter from
the constants below).
"""
from __future__ import annotations

import re

from .symbols import RESOLUTION_INFIX

# A symbol with this part is a draft, whatever its type says: a committee's 'L.' document (A/C.3/61/L.7/Rev.1).
DRAFT_INFIX = "/L."
# A type naming a resolution ('resolution adopted by the General Assembly') is an adopted one, unless it also says
# it is a draft or a committee's.
RESOLUTION_WORD = "resolution"
NOT_ADOPTED_WORDS = ("draft", "committee")


def is_adopted(symbol_key: str | None, document_type: str | None) -> bool:
    """An adopted resolution: a /RES/ symbol, or a type naming a resolution that is not a draft.

    A committee's L. document stays a draft whatever its type says: seed 002,
    A/C.3/61/L.7/Rev.1, is a "resolution adopted by the Third Committee", a
    recommendation that the General Assembly adopted later as resolution 61/180.
    """
    symbol = symbol_key or ""
    kind = (document_type or "").lower()
    if RESOLUTION_INFIX in symbol:
        return True
    if DRAFT_INFIX in symbol or any(word in kind for word in NOT_ADOPTED_WORDS):
        return False
    return RESOLUTION_WORD in kind


# How a resolution was adopted, in the archive's four words (votes.models.AdoptionType), from the phrase the UN's
# records print: the Assembly's tables ('By a recorded vote', 'Without a vote'), the Council's records and AKN
# workflow steps ('Adopted unanimously, 4088th meeting', 'Adopted 13-0-2; voting by mail', 'Adopted by acclamation').
RECORDED_VOTE, WITHOUT_A_VOTE, CONSENSUS, UNANIMOUS = "recorded vote", "without a vote", "consensus", "unanimous"
_RECORDED_PHRASE = re.compile(r"\d+-\d+-\d+|recorded vote|negative vote|votes")


def adoption_type_of(printed: str | None, counts: tuple = ()) -> str | None:
    """The adoption type a printed phrase (and the vote's counts, when known) says; None when it says none.

    'Without a vote' before 'unanimous' (an Assembly phrase never says both), 'non-unanimous' is not unanimous, and
    a phrase with figures ('13-0-2') or any count is a recorded vote."""
    text = (printed or "").lower()
    if "without a vote" in text or "without vote" in text:
        return WITHOUT_A_VOTE
    if "consensus" in text or "acclamation" in text:
        return CONSENSUS
    if "unanim" in text and "non-unanim" not in text:
        return UNANIMOUS
    if _RECORDED_PHRASE.search(text) or any(count is not None for count in counts):
        return RECORDED_VOTE
    return None
