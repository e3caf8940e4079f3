"""Which of the UN's languages a text is in, and the enacting formula in each of them.

Read: the text of a document (any format's extraction).  Write: an ISO 639-1 code ("en", "fr", "es", "ru", "ar",
"zh"; "de" for the German translations the Security Council also publishes), or None.

The evidence, strongest first:
1. the job number printed on every UN document, whose letter is the language of this version: '06-57590 (E)',
   '25-15106 (F)' (A Arabic, C Chinese, E English, F French, R Russian, S Spanish, G German);
2. the enacting formula that opens the preamble: 'The General Assembly,', "L'Assemblée générale,", 'La Asamblea
   General,', 'Генеральная Ассамблея,', 'إن الجمعية العامة،', '大会,' (and each organ's name);
3. the script: Cyrillic, Arabic or Chinese characters, else the commonest short words of English, French, Spanish.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.un.bodies import TRANSLATED_FORMULAS

JOB_NUMBER = re.compile(r"\b\d{2}-\d{5}\s?\(([EFSRACG])\)")
JOB_LETTERS = {"E": "en", "F": "fr", "S": "es", "R": "ru", "A": "ar", "C": "zh", "G": "de"}


@dataclass(frozen=True)
class Formula:
    organ: str          # the organ's English name, the archive's value for `body`
    language: str       # ISO 639-1


# The formula's words as printed, per organ and language (resolutions.un.bodies); the line may close with the
# language's comma and carry markdown italics.  English is read by pipeline.SUBJECT, which also knows the
# commissions and conferences.
FORMULAS: list[tuple[re.Pattern, Formula]] = [
    (re.compile(pattern), Formula(organ, language)) for pattern, organ, language in TRANSLATED_FORMULAS
]
FORMULA_LINE = re.compile(r"\s*\*?\s*(?P<words>.{2,60}?)\s*\*?\s*(?P<comma>[,،，]?)\s*\*?\s*")
# Without its comma, a formula with an article ("L'Assemblée générale" before a one-paragraph resolution's
# 'Adopte ...') is still the formula; one without ('Генеральная Ассамблея', '大会') is the masthead above the symbol.
WITH_ARTICLE = re.compile(r"(?:L[’']|Le |La |El |إن |Der |Die )")


def match_formula(line: str, loose: bool = False) -> tuple[str, Formula] | None:
    """A line that is a non-English enacting formula ('La Asamblea General,'): the formula as printed, without its
    comma, and what it says; else None.  ``loose``: a formula without article need not have its comma (the caller
    then tells it from the masthead by its place)."""
    if len(line) > 80:
        return None
    whole = FORMULA_LINE.fullmatch(line)
    if not whole:
        return None
    words = whole.group("words").strip()
    if not whole.group("comma") and not WITH_ARTICLE.match(words) and not loose:
        return None
    for pattern, formula in FORMULAS:
        if pattern.fullmatch(words):
            return words, formula
    return None


SCRIPTS = (("ru", re.compile(r"[\u0400-\u04ff]")), ("ar", re.compile(r"[\u0600-\u06ff]")),
           ("zh", re.compile(r"[\u4e00-\u9fff]")))
COMMON_WORDS = {
    "en": {"the", "of", "and", "to", "in", "its", "that", "for"},
    "fr": {"de", "la", "le", "les", "des", "et", "du", "en", "à", "sa"},
    "es": {"de", "la", "el", "los", "las", "y", "del", "en", "su", "que"},
    "de": {"der", "die", "und", "des", "den", "zu", "im", "von"},
}


def detect_language(text: str, formula: Formula | None = None) -> str | None:
    """Read: a document's text and its enacting formula if found.  Write: ISO 639-1 code or None."""
    job = JOB_NUMBER.search(text)
    if job:
        return JOB_LETTERS[job.group(1)]
    if formula is not None:
        return formula.language
    sample = text[:20000]
    letters = len(re.findall(r"[^\W\d_]", sample)) or 1
    for code, script in SCRIPTS:
        if len(script.findall(sample)) / letters > 0.3:
            return code
    words = re.findall(r"[a-zà-ÿ]+", sample.lower())
    if not words:
        return None
    scores = {code: sum(w in common for w in words) for code, common in COMMON_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 5 else None


MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"],
    # 'أيلول/سبتمبر': the Levantine name, a slash, the Egyptian one; the second is read
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيه", "يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
           "ديسمبر"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
}
MONTH_ALIASES = {"setiembre": 9, "يونيو": 6, "يوليو": 7}


def _date_pattern(language: str) -> re.Pattern:
    if language == "zh":   # '2025年9月19日'
        return re.compile(r"(?P<year>\d{4})\s?年\s?(?P<month>\d{1,2})\s?月\s?(?P<day>\d{1,2})\s?日")
    names = "|".join(MONTHS[language] + [a for a in MONTH_ALIASES if language in ("es", "ar")])
    # '19 septembre 2025', '1er janvier', '19 de septiembre de 2025', '19 сентября 2025 года',
    # '19 أيلول/سبتمبر 2025', '1 كانون الأول/ديسمبر 2025', '13. Juli 2022'
    return re.compile(rf"(?P<day>\d{{1,2}})(?:er|\.)?\s+(?:de\s+)?(?:[^/\d\n]{{1,20}}/)?(?P<month>{names})\s+(?:de\s+)?"
                      rf"(?P<year>\d{{4}})", re.IGNORECASE)


def read_dates(text: str, language: str | None) -> list[str]:
    """The dates printed in a text of that language, in order, as ISO dates ('19 septembre 2025' ->
    '2025-09-19'); [] for English (read by the header stage) or a language without a table."""
    if language not in MONTHS and language != "zh":
        return []
    from datetime import date

    # A day the marker stage took for a footnote marker ('el<sup>1</sup> de diciembre': the document has a note 1)
    text = re.sub(r"\s*<sup>(\d{1,2})</sup>", r" \1", text)
    found = []
    for match in _date_pattern(language).finditer(text):
        month = match.group("month")
        if not month.isdigit():
            lowered = month.lower()
            names = [m.lower() for m in MONTHS[language]]
            month = names.index(lowered) + 1 if lowered in names else MONTH_ALIASES.get(lowered)
        try:
            found.append(date(int(match.group("year")), int(month), int(match.group("day"))).isoformat())
        except (TypeError, ValueError):
            continue
    return found
