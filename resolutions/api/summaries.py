"""A document as the API lists it everywhere (search hits, links, citations): its summary and absolute URLs."""
from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers


def absolute_url(context, url: str) -> str:
    request = context.get("request") if context else None
    return request.build_absolute_uri(url) if request is not None else url


class DocumentSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    symbol = serializers.CharField(allow_null=True)
    title = serializers.CharField()
    body = serializers.CharField()
    session = serializers.IntegerField(allow_null=True)
    committee = serializers.CharField()
    date = serializers.DateField(allow_null=True)
    document_type = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="This document in the API.")
    html_url = serializers.SerializerMethodField(help_text="The document's page on the web site.")

    def get_url(self, document) -> str:
        return absolute_url(self.context, reverse("api:document-detail", args=[document.pk]))

    def get_html_url(self, document) -> str:
        return absolute_url(self.context, document.get_absolute_url())
