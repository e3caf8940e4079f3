"""The text search language configurations, and how compound words are written before they become words, in one
place.

Imported by the models (generated tsvector columns), resolutions/search/, services/indexing.py and the language
versions (resolutions/languages/); changing one needs a migration that regenerates the columns (the main text's)
and rebuilds the document vectors, or a re-index of the versions.

``SEARCH_CONFIG`` indexes the main text (``Paragraph``, ``Document``).  ``LANGUAGE_CONFIGS``: each language
version's configuration: the embedded PostgreSQL's snowball stemmers (``SELECT cfgname FROM pg_ts_config``), and
``simple`` for Chinese, whose text is segmented into words before it reaches PostgreSQL
(``resolutions.languages.segmentation``): PostgreSQL has no Chinese parser.

Compound words (the main text): "South-East Asia" and "Southeast Asia", "non-proliferation" and "nonproliferation"
are the same words to a reader, but PostgreSQL's parser makes 'south-east', 'south' and 'east' of the first and
'southeast' of the second. So before a text becomes a vector, each compound of two or three letter-only parts gets
its joined form appended to it ("South-East" is indexed as "South-East-SouthEast": 'south', 'east' and 'southeast'
at consecutive positions, 'southeast' just before the next word, so the phrase "southeast asia" still matches), and
a query asks for its compounds written joined ("South-East" -> "SouthEast") or as the index writes them. Each form
then finds both spellings; the parts alone ('east', 'proliferation') still match too. Letters only: "2020-2021"
and "COVID-19" are left as they are.
"""
import re

SEARCH_CONFIG = "english"

# The same compounds in SQL (indexing) and Python (queries): ASCII letters, not preceded or followed by a letter,
# digit, underscore or hyphen, so a longer compound is never cut into pieces.
_PART = "[A-Za-z]+"
_ALONE_BEFORE, _ALONE_AFTER = "(?<![A-Za-z0-9_-])", "(?![A-Za-z0-9_-])"
COMPOUND_WORD = re.compile(rf"(?<![A-Za-z0-9_])(?<![A-Za-z0-9_]-)({_PART}(?:-{_PART}){{1,2}}){_ALONE_AFTER}")


# The UN's XML often prints the non-breaking hyphen (U+2011: "non‑proliferation", "COVID‑19"), which PostgreSQL's
# parser reads as a space; it is read as a hyphen, in texts and queries alike.
NON_BREAKING_HYPHEN = "\u2011"


def joined_compounds(text: str) -> str:
    """The query with its compounds written joined: 'South-East Asia' -> 'SouthEast Asia' (a hyphen before a word
    is the query's exclusion and stays)."""
    return COMPOUND_WORD.sub(lambda m: m.group(1).replace("-", ""), text.replace(NON_BREAKING_HYPHEN, "-"))


def indexed_compounds(text: str) -> str:
    """The query's compounds as the index writes them: 'South-East Asia' -> 'South-East-SouthEast Asia'. A phrase
    with a compound after another word ("the South-East Asia zone") matches the hyphenated text only in this form
    (the joined form sits after the compound's parts there), so a query with compounds asks for either form."""
    return COMPOUND_WORD.sub(lambda m: f"{m.group(1)}-{m.group(1).replace('-', '')}",
                             text.replace(NON_BREAKING_HYPHEN, "-"))


def compounds_sql(expression: str) -> str:
    """SQL of ``expression`` (a text) with each compound's joined form appended: 'South-East' -> 'South-East-SouthEast'.
    Three parts are done first, so that a two-part word's new form (three parts) is not read again."""
    expression = f"replace({expression}, U&'\\2011', '-')"
    three = (f"regexp_replace({expression}, '{_ALONE_BEFORE}({_PART})-({_PART})-({_PART}){_ALONE_AFTER}', "
             r"'\1-\2-\3-\1\2\3', 'g')")
    return f"regexp_replace({three}, '{_ALONE_BEFORE}({_PART})-({_PART}){_ALONE_AFTER}', " + r"'\1-\2-\1\2', 'g')"


def compounds_expression(field: str):
    """The same as a Django expression over a model field (for the paragraphs' generated vector column)."""
    from django.db.models import F, Func, TextField, Value

    hyphens = Func(F(field), Value(NON_BREAKING_HYPHEN), Value("-"), function="replace", output_field=TextField())
    three = Func(hyphens, Value(f"{_ALONE_BEFORE}({_PART})-({_PART})-({_PART}){_ALONE_AFTER}"),
                 Value(r"\1-\2-\3-\1\2\3"), Value("g"), function="regexp_replace", output_field=TextField())
    return Func(three, Value(f"{_ALONE_BEFORE}({_PART})-({_PART}){_ALONE_AFTER}"), Value(r"\1-\2-\1\2"),
                Value("g"), function="regexp_replace", output_field=TextField())


LANGUAGE_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
    "ar": "arabic",
    "zh": "simple",
    "de": "german",
}


def config_for(language: str | None) -> str:
    """The configuration of a language's text; the main one for an unknown or missing language."""
    return LANGUAGE_CONFIGS.get(language or "", SEARCH_CONFIG)
