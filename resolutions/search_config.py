"""The text search language configurations, in one place.

Imported by the models (generated tsvector columns), resolutions/search/, services/indexing.py and the language
versions (resolutions/languages/); changing one needs a migration that regenerates the columns (the main text's)
or a re-index of the versions.

``SEARCH_CONFIG`` indexes the main text (``Paragraph``, ``Document``).  ``LANGUAGE_CONFIGS``: each language
version's configuration: the embedded PostgreSQL's snowball stemmers (``SELECT cfgname FROM pg_ts_config``), and
``simple`` for Chinese, whose text is segmented into words before it reaches PostgreSQL
(``resolutions.languages.segmentation``): PostgreSQL has no Chinese parser.
"""
SEARCH_CONFIG = "english"

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
