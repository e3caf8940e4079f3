"""What the API returns about citations: a document's own citations and the documents citing it."""
from __future__ import annotations

from rest_framework import serializers

from resolutions.api.summaries import DocumentSummarySerializer
from resolutions.models import Citation


class CitationSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    kind = serializers.ChoiceField(choices=Citation.Kind.choices)
    raw_text = serializers.CharField(help_text="The citation as written in the document.")
    cited_body = serializers.CharField()
    number = serializers.CharField()
    symbol = serializers.CharField()
    volume = serializers.CharField()
    treaty_number = serializers.CharField()
    target_key = serializers.CharField(help_text="Normalised identifier, e.g. 'resolution:A:61/180'.")
    pinpoint = serializers.CharField(help_text="Paragraphs of the cited resolution it names: '12', '3,6,7', '12(g)'.")
    status = serializers.ChoiceField(choices=Citation.Status.choices)
    paragraph = serializers.IntegerField(source="paragraph_id", allow_null=True)
    footnote = serializers.SerializerMethodField(help_text="Marker of the footnote holding the citation.")
    target_document = DocumentSummarySerializer(allow_null=True, help_text="The cited document if it is in the archive.")

    def get_footnote(self, citation) -> str | None:
        return citation.footnote.marker if citation.footnote_id else None


class CitedBySerializer(serializers.Serializer):
    document = DocumentSummarySerializer()
    paragraph = serializers.IntegerField(source="paragraph_id", allow_null=True)
    footnote = serializers.SerializerMethodField()
    raw_text = serializers.CharField()

    def get_footnote(self, citation) -> str | None:
        return citation.footnote.marker if citation.footnote_id else None
