"""The API's shape of a comparison (``resolutions.lineage.selectors.comparison_json``), served by
``resolutions.api.views.CompareView``: lineage's own serializers, beside the comparison they describe."""
from __future__ import annotations

from rest_framework import serializers


class ComparedDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    symbol = serializers.CharField(allow_null=True)
    title = serializers.CharField()
    body = serializers.CharField()
    session = serializers.IntegerField(allow_null=True)
    date = serializers.DateField(allow_null=True)
    document_type = serializers.CharField()


class ComparedParagraphSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    anchor = serializers.CharField()
    kind = serializers.CharField()
    number = serializers.CharField()
    label = serializers.CharField()
    lead = serializers.CharField()
    text = serializers.CharField()


class DiffPieceSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


class FirstAppearanceSerializer(serializers.Serializer):
    paragraph = serializers.IntegerField()
    anchor = serializers.CharField()
    document = ComparedDocumentSerializer()
    similarity = serializers.FloatField()


class ComparisonRowSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["kept", "changed", "moved", "added", "removed"])
    changed = serializers.BooleanField()
    similarity = serializers.FloatField(allow_null=True)
    a = ComparedParagraphSerializer(allow_null=True)
    b = ComparedParagraphSerializer(allow_null=True)
    diff = DiffPieceSerializer(many=True)
    first_appeared_in = FirstAppearanceSerializer(allow_null=True)


class ComparisonSerializer(serializers.Serializer):
    a = ComparedDocumentSerializer()
    b = ComparedDocumentSerializer()
    counts = serializers.DictField(child=serializers.IntegerField())
    notes = serializers.ListField(child=serializers.CharField(),
                                  help_text="What the comparison left out, in words (first appearances not looked up).")
    rows = ComparisonRowSerializer(many=True)
