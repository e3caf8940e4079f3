"""What makes a document an adopted resolution rather than a draft.

The rule reads two things the archive stores for every document, its normalised symbol and its type as
printed, so that it can also be written as a database filter (``lineage.selectors`` builds that filter from
the constants below).
"""
from __future__ import annotations

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
