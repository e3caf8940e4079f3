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
