"""The API's view of a document's languages (``languages`` in the document detail)."""
from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 639-1: ar, zh, en, fr, ru, es (de for the UN's German texts).")
    name = serializers.CharField(help_text="In English.")
    url = serializers.CharField(help_text="This document's text in that language, in the API.")
    html_url = serializers.CharField(help_text="The document's page in that language.")


def language_links(document, language, absolute) -> dict:
    """One entry of ``languages``: the language and where its text is (``absolute`` makes a URL absolute)."""
    api, page = reverse("api:document-detail", args=[document.pk]), document.get_absolute_url()
    if language.code != document.language:
        api, page = f"{api}?language={language.code}", f"{page}?lang={language.code}"
    return {"code": language.code, "name": language.name, "url": absolute(api), "html_url": absolute(page)}
