"""The HTML attributes of a text in one of the UN's languages: ``lang`` always, ``dir="rtl"`` for Arabic (the
directions are resolutions.un.languages'), so that screen readers, fonts and line breaking follow the language."""
from django import template
from django.utils.html import format_html

from resolutions.un import languages

register = template.Library()
PAGE_LANGUAGE = "en"     # templates/base.html


@register.filter
def lang_attrs(code):
    """' lang="ar" dir="rtl"' for a known language code; '' for English, the pages' own language (``<html
    lang="en">``), and for an unknown code."""
    language = languages.language(code)
    if language is None or language.code == PAGE_LANGUAGE:
        return ""
    return format_html(' lang="{}" dir="{}"', language.code, language.direction)


@register.filter
def language_name(code):
    language = languages.language(code)
    return language.name if language else code
