"""Numbers from a request, read strictly: ASCII digits only, within bounds, never an exception.

``int()`` accepts what no URL should carry ('²' passes ``str.isdigit``, '٣' and ' 3_0 ' are numbers to it)
and numbers no column holds (a 23-digit page number reached PostgreSQL as an OFFSET and was a server error).
"""
from __future__ import annotations

import re

# Document.id is a bigint (BigAutoField): a larger number names no document.
MAX_DOCUMENT_ID = 2**63 - 1
WHOLE_NUMBER = re.compile(r"([+-]?)0*([0-9]+)")     # [0-9], not \d: \d matches every script's digits


def parse_int(value, *, default: int, minimum: int, maximum: int) -> int:
    """The whole number ``value`` spells in ASCII digits, clamped to [minimum, maximum]; ``default`` if it
    spells none. A number past a bound is the bound (a page past the end is the last page)."""
    match = WHOLE_NUMBER.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return default
    sign, digits = match.groups()
    if len(digits) > len(str(maximum)) + len(str(minimum)):    # too long to read: beyond either bound
        return minimum if sign == "-" else maximum
    return min(max(int(sign + digits), minimum), maximum)
