"""The six official languages of the United Nations (equally authentic texts of every resolution).

One place for what the archive shows and accepts: the ISO 639-1 code, the English name, the name in the language
itself (for the language switcher) and the direction the script is written in.  The parser's detection
(``resolutions.parser.language``) writes these codes; the search's text configurations are in
``resolutions.search_config``.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str            # ISO 639-1
    name: str            # in English
    native: str          # as the language writes its own name
    rtl: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


# In the UN's own order of the six (alphabetical in English).
OFFICIAL = (
    Language("ar", "Arabic", "العربية", rtl=True),
    Language("zh", "Chinese", "中文"),
    Language("en", "English", "English"),
    Language("fr", "French", "Français"),
    Language("ru", "Russian", "Русский"),
    Language("es", "Spanish", "Español"),
)
# Not official, but published by the UN: the German Translation Service's texts of Security Council resolutions
# (S/RES/2643 (2022) in the corpus).
OTHER = (Language("de", "German", "Deutsch"),)
BY_CODE = {language.code: language for language in OFFICIAL + OTHER}
CODES = tuple(BY_CODE)
# The language a document's main text is read in when several are in the archive: the archive's working language.
PREFERRED = "en"


def language(code: str | None) -> Language | None:
    return BY_CODE.get((code or "").strip().lower())


def ordered(codes) -> list[Language]:
    """The languages of ``codes`` in the UN's order (unknown codes left out)."""
    present = set(codes)
    return [lang for lang in OFFICIAL + OTHER if lang.code in present]
