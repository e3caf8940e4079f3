"""What the API returns.  Read-only serializers over model rows and the selectors' dataclasses.

Every serializer declares its fields explicitly so that the OpenAPI schema (drf-spectacular) says
exactly what a client gets.
"""
from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resolutions.api.citation_serializers import CitationSerializer, CitedBySerializer
from resolutions.languages.api import LanguageSerializer, language_links
from resolutions.api.summaries import DocumentSummarySerializer, absolute_url
from resolutions.models import MemberState
from resolutions.templatetags.search_text import marked, notices_text
from votes.serializers import VotesSerializer


class StateSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.SlugField()
    iso3 = serializers.CharField(allow_null=True)
    kind = serializers.ChoiceField(choices=MemberState.Kind.choices)


class MemberStateSerializer(StateSerializer):
    aliases = serializers.ListField(child=serializers.CharField())
    documents_sponsored = serializers.IntegerField(source="n", required=False)
    url = serializers.SerializerMethodField()

    def get_url(self, state) -> str:
        return absolute_url(self.context, reverse("api:memberstate-detail", args=[state.slug]))


class SponsorSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    name_as_printed = serializers.CharField()
    state = StateSerializer(allow_null=True, help_text="Empty when the printed name is not a known state.")


class AgendaItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    body = serializers.CharField()
    session = serializers.IntegerField(allow_null=True)
    number = serializers.CharField()
    title = serializers.CharField()
    documents = serializers.IntegerField(source="n", required=False, help_text="How many documents list it.")
    url = serializers.SerializerMethodField()

    def get_url(self, item) -> str:
        return absolute_url(self.context, reverse("api:agendaitem-detail", args=[item.pk]))


class SeriesSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, series) -> str:
        return absolute_url(self.context, reverse("api:series-detail", args=[series.slug]))


class AddresseeSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="The value of the addressee= filter: 'Secretary-General', "
                                  "'state:Israel', 'organ:Human Rights Council'.")
    name = serializers.CharField(help_text="As shown: 'Israel', 'Human Rights Council'.")


class AddressingFields(serializers.Serializer):
    """What an operative paragraph or sub-paragraph does and whom it asks to act (addressees/, read from the main
    text); '' and [] for the others."""

    action = serializers.SerializerMethodField(help_text="From its lead: requests, urges, calls upon, decides, ... "
                                               "(the action= filter's values); '' when it has none.")
    addressees = serializers.SerializerMethodField(help_text="Whom it asks to act (or commends or condemns by "
                                                   "name); a sub-paragraph's include its parent's.")

    def get_action(self, view) -> str:
        addressing = getattr(view, "addressing", None)
        return addressing.action if addressing is not None else ""

    @extend_schema_field(AddresseeSerializer(many=True))
    def get_addressees(self, view):
        addressing = getattr(view, "addressing", None)
        return addressing.as_data()["addressees"] if addressing is not None else []


class SubparagraphSerializer(AddressingFields):
    id = serializers.IntegerField(source="paragraph.pk")
    anchor = serializers.CharField(help_text="Permalink anchor on the document page: op4-a, pp7-f.")
    label = serializers.CharField(source="paragraph.label")
    text = serializers.CharField(source="paragraph.text")
    footnote_refs = serializers.ListField(source="paragraph.footnote_refs", child=serializers.CharField())


class ParagraphSerializer(AddressingFields):
    id = serializers.IntegerField(source="paragraph.pk")
    anchor = serializers.CharField(help_text="Permalink anchor on the document page: pp3, op4.")
    kind = serializers.CharField(source="paragraph.kind")
    number = serializers.CharField(source="paragraph.number", help_text="Operative number as printed.")
    lead = serializers.CharField(source="paragraph.lead", help_text="Opening phrase: 'Recalling', 'Urges'.")
    text = serializers.CharField(source="paragraph.text", help_text="Whole text, lead included, footnote "
                                 "markers removed (see footnote_refs).")
    footnote_refs = serializers.ListField(source="paragraph.footnote_refs", child=serializers.CharField())
    subparagraphs = SubparagraphSerializer(many=True)


class FootnoteSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    marker = serializers.CharField()
    text = serializers.CharField()


class AnnexSerializer(serializers.Serializer):
    order = serializers.IntegerField(source="annex.order", help_text="1 for the first annex.")
    anchor = serializers.CharField(help_text="Anchor on the document page: annex-1 (its paragraphs: annex-1-p3).")
    label = serializers.CharField(source="annex.label", help_text="As printed: 'Annex I', 'Appendix'.")
    title = serializers.CharField(source="annex.title")
    paragraphs = ParagraphSerializer(many=True, help_text="Kind 'text' for unnumbered prose of the annex.")
    footnotes = FootnoteSerializer(many=True, help_text="The annex's own notes, numbered apart.")


class DocumentLinkSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="revision or adopted")
    description = serializers.CharField(source="get_kind_display")
    method = serializers.CharField(help_text="How the link was found.")
    score = serializers.FloatField(allow_null=True)
    document = DocumentSummarySerializer(help_text="The other document of the link.")


class VersionsSerializer(serializers.Serializer):
    series = SeriesSerializer(allow_null=True)
    series_documents = DocumentSummarySerializer(many=True, help_text="The series in time order.")
    previous = DocumentSummarySerializer(allow_null=True)
    next = DocumentSummarySerializer(allow_null=True)
    links_out = DocumentLinkSerializer(many=True, help_text="This document is a revision of / was adopted from.")
    links_in = DocumentLinkSerializer(many=True, help_text="Documents that are revisions of / adopted from this.")


class SourceFileSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    original_name = serializers.CharField()
    format = serializers.CharField()
    media_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    uploaded_at = serializers.DateTimeField()
    download_url = serializers.SerializerMethodField(help_text="The original bytes, unchanged.")

    def get_download_url(self, source) -> str:
        return absolute_url(self.context, reverse("resolutions:source_download", args=[source.pk]))


class ExportLinksSerializer(serializers.Serializer):
    json = serializers.CharField()
    text = serializers.CharField()
    akn = serializers.CharField()


class DocumentDetailSerializer(DocumentSummarySerializer):
    language = serializers.CharField(help_text="ISO 639-1 of the text given here (see `languages`; ask for another "
                                               "with ?language=).")
    languages = LanguageSerializer(many=True, help_text="Every language the archive has this document in.")
    distribution = serializers.CharField()
    original_language = serializers.CharField()
    preamble_subject = serializers.CharField(help_text="'The General Assembly'")
    edited = serializers.BooleanField(help_text="Corrected by archive staff.")
    parse_warnings = serializers.ListField(child=serializers.CharField())
    subject = serializers.CharField(help_text="Where no title is printed: the subject the text gives.")
    draft_symbol = serializers.CharField(help_text="The draft it was adopted from, as the UN's markup names it; "
                                         "'' when not known. Linked under versions when the draft is in the archive.")
    unplaced = serializers.ListField(child=serializers.CharField(),
                                     help_text="Text of the source the parser could not place, word for word.")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    sponsors = SponsorSerializer(many=True)
    agenda_items = AgendaItemSerializer(many=True)
    preambular = ParagraphSerializer(many=True)
    operative = ParagraphSerializer(many=True)
    footnotes = FootnoteSerializer(many=True)
    annexes = AnnexSerializer(many=True)
    votes = VotesSerializer(allow_null=True, help_text="How it was adopted; absent (null) when unknown.")
    citations = CitationSerializer(many=True)
    cited_by = CitedBySerializer(many=True, help_text="The newest citations of it by other documents (at most 100); "
                                 "cited_by_total counts them all, the search lists them all.")
    cited_by_total = serializers.IntegerField(help_text="How many times other documents of the archive cite it.")
    versions = VersionsSerializer()
    source_files = SourceFileSerializer(many=True)
    exports = serializers.SerializerMethodField()

    def to_representation(self, page):
        """``page`` is a DetailData: the document plus what the selectors read about it."""
        data = dict(DocumentSummarySerializer(page.document, context=self.context).data)
        for name in ("distribution", "original_language", "preamble_subject", "edited", "parse_warnings",
                     "subject", "draft_symbol", "unplaced", "created_at", "updated_at"):
            data[name] = self.fields[name].to_representation(getattr(page.document, name))
        for name in ("sponsors", "agenda_items", "preambular", "operative", "footnotes", "annexes", "citations",
                     "cited_by", "versions", "source_files"):
            data[name] = self.fields[name].to_representation(getattr(page, name))
        data["cited_by_total"] = page.cited_by_total
        data["votes"] = VotesSerializer(page.votes).data if page.votes is not None else None
        data["language"] = page.language
        data["languages"] = [language_links(page.document, lang, lambda url: absolute_url(self.context, url))
                             for lang in page.languages or []]
        data["exports"] = self.get_exports(page.document)
        return data

    @extend_schema_field(ExportLinksSerializer)
    def get_exports(self, document):
        return {name: absolute_url(self.context, reverse(f"api:document-{name}", args=[document.pk]))
                for name in ("json", "text", "akn")}


class MemberStateDetailSerializer(MemberStateSerializer):
    documents = DocumentSummarySerializer(many=True, help_text="Documents it sponsored, newest first.")


class AgendaItemDetailSerializer(AgendaItemSerializer):
    documents = DocumentSummarySerializer(many=True, source="document_list")


class SeriesDetailSerializer(SeriesSerializer):
    documents = DocumentSummarySerializer(many=True, source="document_list", help_text="In time order.")


# ---------------------------------------------------------------------------
# Search


class MarkedHtmlField(serializers.CharField):
    """A marked search text (resolutions.search.snippets) as escaped HTML with the matching words in <mark>."""

    def to_representation(self, value):
        return str(marked(value))


class SnippetSerializer(serializers.Serializer):
    paragraph = serializers.IntegerField(source="paragraph_id")
    anchor = serializers.CharField()
    html = MarkedHtmlField(source="text", help_text="Escaped text with the matching words in <mark>.")


class DocumentHitSerializer(serializers.Serializer):
    document = DocumentSummarySerializer()
    rank = serializers.FloatField(allow_null=True)
    partial = serializers.BooleanField(help_text="Matches some of the query's words, not all: shown after the "
                                                 "documents matching all of them when those fill less than a page.")
    snippets = SnippetSerializer(many=True)


class ParagraphHitSerializer(AddressingFields):
    id = serializers.IntegerField(source="paragraph.pk")
    anchor = serializers.CharField()
    language = serializers.CharField(help_text="The language version the paragraph is from ('' the main text): "
                                               "its page is the document's with ?lang=.")
    kind = serializers.CharField(source="paragraph.kind")
    lead = serializers.CharField(source="paragraph.lead")
    text = serializers.CharField(source="paragraph.text")
    html = MarkedHtmlField(source="text", help_text="Escaped text with the matching words in <mark>.")
    rank = serializers.FloatField(allow_null=True)
    partial = serializers.BooleanField(help_text="Matches some of the query's words, not all (as for documents).")
    document = DocumentSummarySerializer(source="paragraph.document")


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="Pass it back as the facet's parameter to filter on it.")
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The query parameter.")
    title = serializers.CharField()
    values = FacetValueSerializer(many=True)


class SearchResultSerializer(serializers.Serializer):
    query = serializers.CharField(source="query.text")
    notice = serializers.SerializerMethodField(help_text="What the search changed or bounded, in words.")
    mode = serializers.ChoiceField(choices=["documents", "paragraphs"])
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    page_size = serializers.IntegerField()
    documents = DocumentHitSerializer(many=True, help_text="The page of hits in documents mode (else empty).")
    paragraphs = ParagraphHitSerializer(many=True, help_text="The page of hits in paragraphs mode (else empty).")
    facets = FacetSerializer(many=True)
    suggestions = serializers.ListField(child=serializers.CharField())
    invalid_filters = serializers.ListField(child=serializers.CharField(), help_text="Parameters ignored "
                                            "because their value was not valid.")
    symbol_match = DocumentSummarySerializer(allow_null=True, help_text="The document whose symbol the query is.")
    lookup = serializers.SerializerMethodField(help_text="When the query is a citation ('A/RES/61/180', 'resolution "
                                               "61/180', '1454 (2002)') the hits are the documents or paragraphs "
                                               "citing it; when a symbol prefix ('A/RES/80/*'), its documents.")
    cited_document = DocumentSummarySerializer(source="lookup.document", allow_null=True, default=None,
                                               help_text="The cited document itself, when it is in the archive.")
    corrected_from = serializers.CharField(allow_null=True, help_text="The query as typed, when the results are "
                                           "those of its correction (pass verbatim=1 to search it as typed).")
    offers = serializers.ListField(child=serializers.CharField(), help_text="Symbols the query may mean "
                                   "('1325' -> 'S/RES/1325 (2000)'), to search for instead.")

    def get_notice(self, result) -> str:
        return notices_text(result.notices)

    def get_lookup(self, result) -> dict | None:
        lookup = result.lookup
        return {"kind": lookup.kind, "label": lookup.label} if lookup is not None else None
