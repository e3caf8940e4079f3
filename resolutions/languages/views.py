"""The document page's languages: which text it shows (``?lang=fr``) and two side by side (``&beside=ar``).

Called by the document views (``resolutions.views``) with the request's parameters; links only, so switching
works without JavaScript, and the anchors are the same in every language (``?lang=fr#op3`` is operative 3).
"""
from __future__ import annotations

from urllib.parse import urlencode

from resolutions.languages import selectors
from resolutions.un import languages as un_languages


def _code(params, name: str) -> str:
    value = params.get(name)
    return value.strip().lower()[:8] if isinstance(value, str) else ""


def language_variant(params) -> tuple[str, str]:
    """What of the request's parameters the page's text depends on (the page cache keys on it)."""
    return _code(params, "lang"), _code(params, "beside")


def language_context(params, page) -> dict:
    """What the page needs to show the document in the language asked for: the page's data (the version's text
    when ``lang`` names a version), the text's language, the switcher's links, and the side-by-side rows when
    ``beside`` names another language of the document.  An unknown or absent language shows the main text."""
    document = page.document
    available = selectors.available_languages(document)
    codes = [language.code for language in available]
    asked = _code(params, "lang")
    current = asked if asked in codes else (document.language or un_languages.PREFERRED)
    version = selectors.version_of(document, current)
    if version is not None:
        page = selectors.version_page(page, version)
    base = document.get_absolute_url()

    def url(language: str, beside: str = "") -> str:
        query = {}
        if language != document.language or beside:
            query["lang"] = language
        if beside:
            query["beside"] = beside
        return base + ("?" + urlencode(query) if query else "")

    beside = _code(params, "beside")
    aligned = selectors.side_by_side(document, current, beside) if beside else None
    return {
        "page": page,
        "version": version,
        "text_language": current,
        "languages": [{"language": language, "url": url(language.code, aligned and aligned.right.code or ""),
                       "current": language.code == current} for language in available],
        "beside_links": [{"language": language, "url": url(current, language.code),
                          "current": bool(aligned) and language.code == aligned.right.code}
                         for language in available if language.code != current],
        "single_url": url(current),
        "side_by_side": aligned,
        "language_asked_missing": bool(asked) and asked not in codes,
    }
