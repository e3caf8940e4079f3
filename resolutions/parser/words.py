"""Small readers for the words UN headers use: ordinal sessions and dates."""
from __future__ import annotations

import re
from datetime import date

UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
         "ninth": 9}
TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
         "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
TENS_ORDINAL = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                "seventieth": 70, "eightieth": 80, "ninetieth": 90}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], start=1)}

ORDINAL_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|second|third|fourth|fifth|"
                r"sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                r"twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)")
DATE_PATTERN = (r"(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|"
                r"December)\s+(\d{4})")


def ordinal_to_int(word: str) -> int | None:
    """'Sixty-first' -> 61, 'Eightieth' -> 80, 'tenth' -> 10; None when not an ordinal."""
    word = word.strip().lower()
    if word == "hundredth":
        return 100
    for table in (UNITS, TEENS, TENS_ORDINAL):
        if word in table:
            return table[word]
    tens, _, unit = word.partition("-")
    if tens in TENS and unit in UNITS:
        return TENS[tens] + UNITS[unit]
    return None


def parse_date(text: str) -> str | None:
    """The first 'D Month YYYY' in text as an ISO date, or None."""
    match = re.search(DATE_PATTERN, text, flags=re.IGNORECASE)
    if not match:
        return None
    day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
