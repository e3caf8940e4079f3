"""API views.  Thin: they read the request, call resolutions.search, the selectors or the exports, and
hand the result to a serializer.  Every view answers conditional GETs (ETag / Last-Modified)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db.models import Count, F, Max
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.decorators.http import condition
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from addressees.selectors import addressing_at
from resolutions import search
from resolutions.exports import akn, json_export, search_export, text_export
from resolutions.filters import DocumentFilter, ParagraphFilter
from resolutions.languages import selectors as languages
from resolutions.lineage import selectors as lineage
from resolutions.lineage.api import ComparisonSerializer
from resolutions.lineage.compare import ComparisonTooLarge
from resolutions.models import Citation, Document, MemberState, Series
from resolutions.selectors import browse, documents as document_selectors
from resolutions.un.languages import CODES as LANGUAGE_CODES, OTHER as OTHER_LANGUAGES
from resolutions.un.symbols import normalise_symbol

from votes.selectors import document_vote

from . import serializers as s
from .throttling import HEAVY_THROTTLES

# ---------------------------------------------------------------------------
# Conditional GET: the archive changes only when a document is stored, edited or deleted, so one
# aggregate over Document.updated_at (and the count, for deletions) validates every API response.


def _archive_state(request) -> tuple:
    state = getattr(request, "_archive_state", None)
    if state is None:
        row = Document.objects.aggregate(latest=Max("updated_at"), count=Count("pk"))
        state = (row["latest"], row["count"])
        request._archive_state = state
    return state


def _etag(request, *args, **kwargs) -> str:
    latest, count = _archive_state(request)
    # The same URL gives different bytes for another Accept header (JSON error versus CSV, say).
    key = f"{latest.isoformat() if latest else '-'}|{count}|{request.META.get('HTTP_ACCEPT', '')}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _last_modified(request, *args, **kwargs):
    return _archive_state(request)[0]


conditional = method_decorator(condition(etag_func=_etag, last_modified_func=_last_modified), name="dispatch")


# ---------------------------------------------------------------------------
# Renderers for the exports (the view builds the bytes; a renderer only names the media type, and renders
# an error as JSON text when the client asked for that type only)


class _PassThroughRenderer(BaseRenderer):
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, (bytes, str)):
            return data
        return JSONRenderer().render(data)


class AknRenderer(_PassThroughRenderer):
    media_type = "application/akn+xml"
    format = "akn"


class PlainTextRenderer(_PassThroughRenderer):
    media_type = "text/plain"
    format = "txt"


class CsvRenderer(_PassThroughRenderer):
    media_type = "text/csv"
    format = "csv"


def _download(content, media_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# ---------------------------------------------------------------------------
# Documents


class APIDocumentFilter(DocumentFilter):
    """The search page's document filters, plus a lookup by symbol (any case, with or without spaces)."""

    symbol = filters.CharFilter(method="filter_symbol", help_text="Document symbol, e.g. A/C.3/61/L.7/Rev.1.")
    # A year the database's date functions can hold (year=0 would be a server error, found by schemathesis).
    year = filters.NumberFilter(field_name="date__year", min_value=1, max_value=9999)

    def filter_symbol(self, queryset, name, value):
        return queryset.filter(symbol_key=normalise_symbol(value))


@dataclass
class DetailData:
    document: Document
    sponsors: list
    agenda_items: list
    preambular: list
    operative: list
    footnotes: list
    citations: list
    cited_by: list
    versions: object
    source_files: list
    annexes: list
    votes: object       # votes.selectors.DocumentVote or None
    language: str = ""  # the language of the text given (the main text's, or the version's asked for)
    languages: list = None   # every language the archive has the document in (resolutions.un.languages.Language)
    cited_by_total: int = 0


class NotInLanguage(LookupError):
    """The document is not in the archive in the language asked for."""


def document_detail_data(pk: int, language: str | None = None) -> DetailData:
    """The document's record; with ``language``, the text (paragraphs, footnotes, annexes) of that language version."""
    page = document_selectors.document_page(pk)
    available = languages.available_languages(page.document)
    if language and language not in {lang.code for lang in available}:
        raise NotInLanguage(language)
    version = languages.version_of(page.document, language)
    if version is not None:
        page = languages.version_page(page, version)
    panel = lineage.document_panel(page.document)
    for link in panel.links_out:
        link.document = link.target
    for link in panel.links_in:
        link.document = link.source
    citations = list(Citation.objects.filter(document=page.document)
                     .select_related("target_document", "footnote").order_by("order"))
    return DetailData(page.document, page.sponsorships, page.agenda_items, page.preambular, page.operative,
                      page.footnotes, citations, page.cited_by, panel, page.source_files, page.annexes,
                      document_vote(page.document), version.language if version else page.document.language,
                      available, page.cited_by_total)


def _document_or_404(pk) -> Document:
    return get_object_or_404(Document, pk=pk)


def _export_name(document: Document, extension: str) -> str:
    base = document.symbol or f"document-{document.pk}"
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in base)[:120] + "." + extension


@conditional
@extend_schema_view(
    list=extend_schema(summary="Documents", description="All documents, newest first (date, then symbol, then id: "
                       "a stable order), with the search page's filters."),
    retrieve=extend_schema(summary="One document", description="Everything about a document: metadata, sponsors, "
                           "agenda items, paragraphs with sub-paragraphs, footnotes, citations, cited by, versions "
                           "and series, source files."),
)
class DocumentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    lookup_value_regex = r"\d+"
    queryset = Document.objects.order_by(F("date").desc(nulls_last=True), "symbol", "pk")
    serializer_class = s.DocumentSummarySerializer
    filterset_class = APIDocumentFilter

    @extend_schema(responses={200: s.DocumentDetailSerializer,
                              404: OpenApiResponse(description="No such document, or not in that language.")},
                   parameters=[OpenApiParameter("language", str, enum=list(LANGUAGE_CODES) + [
                       lang.code for lang in OTHER_LANGUAGES], description="The text in this language (ISO 639-1; "
                       "one of the document's `languages`); the main text without it.")])
    def retrieve(self, request, pk=None):
        language = request.query_params.get("language") or None
        try:
            data = document_detail_data(int(pk), language)
        except (Document.DoesNotExist, ValueError):
            return Response({"detail": "No such document in the archive."}, status=404)
        except NotInLanguage:
            return Response({"detail": "The archive does not have this document in that language."}, status=404)
        return Response(s.DocumentDetailSerializer(data, context={"request": request}).data)

    @extend_schema(summary="Document as JSON (download)", description="The complete record of one document, as "
                   "the bulk dump writes it, without the source files' bytes.",
                   responses={(200, "application/json"): OpenApiTypes.OBJECT,
                              404: OpenApiResponse(description="No such document.")})
    @action(detail=True, methods=["get"], url_path="json", url_name="json", throttle_classes=HEAVY_THROTTLES)
    def export_json(self, request, pk=None):
        document = _document_or_404(pk)
        return _download(json_export.document_json(document), "application/json",
                         _export_name(document, "json"))

    @extend_schema(summary="Document as plain text", responses={(200, "text/plain"): OpenApiTypes.STR,
                                                               404: OpenApiResponse(description="No such document.")})
    @action(detail=True, methods=["get"], url_path="text", url_name="text",
            renderer_classes=[JSONRenderer, PlainTextRenderer], throttle_classes=HEAVY_THROTTLES)
    def export_text(self, request, pk=None):
        document = _document_or_404(pk)
        return _download(text_export.document_text(document), "text/plain; charset=utf-8",
                         _export_name(document, "txt"))

    @extend_schema(summary="Document as Akoma Ntoso XML", description="Akoma Ntoso 3.0 following the UN's AKN4UN "
                   "conventions for resolutions; valid against the OASIS schema.",
                   responses={(200, "application/akn+xml"): OpenApiTypes.STR,
                              404: OpenApiResponse(description="No such document.")})
    @action(detail=True, methods=["get"], url_path="akn", url_name="akn", renderer_classes=[JSONRenderer, AknRenderer],
            throttle_classes=HEAVY_THROTTLES)
    def export_akn(self, request, pk=None):
        document = _document_or_404(pk)
        return _download(akn.document_akn(document), "application/akn+xml", _export_name(document, "xml"))


# ---------------------------------------------------------------------------
# Member states, agenda items, series


@conditional
@extend_schema_view(
    list=extend_schema(summary="Member states", description="Member states, observer and historical states, by "
                       "name, with the number of documents each sponsored."),
    retrieve=extend_schema(summary="One state and the documents it sponsored",
                           responses={200: s.MemberStateDetailSerializer}),
)
class MemberStateViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = MemberState.objects.order_by("name", "pk")
    serializer_class = s.MemberStateSerializer
    lookup_field = "slug"
    filterset_class = None

    def list(self, request):    # each state's count as its page gives it, its drafts' resolutions included
        page = browse.with_sponsorship_counts(self.paginate_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, slug=None):
        state = get_object_or_404(self.get_queryset(), slug=slug)
        state.documents = browse.state_page(slug)["documents"]
        state.n = len(state.documents)
        return Response(s.MemberStateDetailSerializer(state, context={"request": request}).data)


@conditional
@extend_schema_view(
    list=extend_schema(summary="Agenda items", description="Agenda items listed by at least one document."),
    retrieve=extend_schema(summary="One agenda item and its documents", responses={200: s.AgendaItemDetailSerializer}),
)
class AgendaItemViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    lookup_value_regex = r"\d+"
    queryset = browse.agenda_items_with_counts().order_by("body", F("session").desc(nulls_last=True), "number", "pk")
    serializer_class = s.AgendaItemSerializer
    filterset_class = None

    def retrieve(self, request, pk=None):
        item = get_object_or_404(self.get_queryset(), pk=pk)
        item.document_list = list(item.documents.order_by(F("date").desc(nulls_last=True), "symbol", "pk"))
        return Response(s.AgendaItemDetailSerializer(item, context={"request": request}).data)


@conditional
@extend_schema_view(
    list=extend_schema(summary="Series", description="Documents on the same topic across sessions."),
    retrieve=extend_schema(summary="One series, its documents in time order",
                           responses={200: s.SeriesDetailSerializer}),
)
class SeriesViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = Series.objects.order_by("title", "pk")
    serializer_class = s.SeriesSerializer
    lookup_field = "slug"
    filterset_class = None

    def retrieve(self, request, slug=None):
        series = get_object_or_404(Series, slug=slug)
        series.document_list = lineage.series_documents(series)
        return Response(s.SeriesDetailSerializer(series, context={"request": request}).data)


# ---------------------------------------------------------------------------
# Search: the web page's query syntax, filters and facets (resolutions.search)

FILTER_DESCRIPTIONS = {
    "agenda": "Agenda item id.", "type": "Document type, e.g. 'draft resolution'.",
    "sponsor": "Member state slug (the resolutions adopted from a draft it sponsored included).",
    "date_from": "Documents dated on or after this day.", "date_to": "Documents dated on or before this day.",
    "kind": "Paragraph kind.", "lead": "Lead phrase, e.g. 'Urges'.",
    "adoption": "How the resolution was adopted.",
    "vote": "A state's vote, state:vote with the state's slug, e.g. 'france:no' (yes, no, abstain, non-voting).",
}


def _filter_parameter(name: str) -> OpenApiParameter:
    """The OpenAPI description of a search filter, typed after the FilterSet's own filter."""
    declared = DocumentFilter.base_filters.get(name) or ParagraphFilter.base_filters[name]
    kind = type(declared).__name__
    if kind == "ChoiceFilter":
        return OpenApiParameter(name, str, enum=[value for value, _ in declared.extra["choices"]],
                                description=FILTER_DESCRIPTIONS.get(name, ""))
    schema_type = {"NumberFilter": int, "DateFilter": OpenApiTypes.DATE}.get(kind, str)
    return OpenApiParameter(name, schema_type, description=FILTER_DESCRIPTIONS.get(name, ""))


SEARCH_PARAMETERS = [
    OpenApiParameter("q", str, description="Words, \"quoted phrases\", OR, -word (websearch syntax); a citation "
                     "('A/RES/61/180', 'resolution 61/180', '1454 (2002)': the documents citing it, see lookup) or a "
                     "symbol prefix ('A/RES/80/*')."),
    OpenApiParameter("verbatim", str, enum=["1"], description="Search the words as typed, never a correction."),
    OpenApiParameter("mode", str, enum=list(search.MODES), description="Hits are documents (default) or "
                     "paragraphs."),
    OpenApiParameter("sort", str, enum=list(search.SORTS)),
] + [_filter_parameter(name) for name in search.FILTER_NAMES]
PAGE_PARAMETERS = [OpenApiParameter("page", int, description="A page past the last gives the last."),
                   OpenApiParameter("page_size", int, description=f"At most {search.MAX_PAGE_SIZE}.")]


@conditional
class SearchView(APIView):
    throttle_classes = HEAVY_THROTTLES

    @extend_schema(summary="Search", description="The search page as data: a page of hits with snippets, the total, "
                   "facet counts over all matches, and spelling suggestions.",
                   parameters=SEARCH_PARAMETERS + PAGE_PARAMETERS, responses={200: s.SearchResultSerializer})
    def get(self, request):
        limits = search.configured_limits()
        inputs = search.read_search(request.query_params, limits=limits, page_size=True)
        result = inputs.run(limits)
        result.documents = result.hits if result.mode == "documents" else []
        result.paragraphs = result.hits if result.mode == "paragraphs" else []
        addressing = addressing_at([(hit.paragraph.document_id, hit.anchor) for hit in result.paragraphs])
        for hit in result.paragraphs:
            hit.addressing = addressing.get((hit.paragraph.document_id, hit.anchor))
        result.invalid_filters = inputs.invalid
        result.symbol_match = search.find_by_symbol(inputs.query)
        return Response(s.SearchResultSerializer(result, context={"request": request}).data)


@conditional
class SearchExportView(APIView):
    """Every match of a search, streamed (the rows are read in chunks, never all at once)."""

    throttle_classes = HEAVY_THROTTLES
    renderer_classes = [JSONRenderer, CsvRenderer]

    @extend_schema(summary="Search results as CSV or JSON (all of them, streamed)",
                   description="The same query and filters as /api/search/; one row per matching document (or "
                   "paragraph in paragraphs mode), in the search's order. No snippets.",
                   parameters=SEARCH_PARAMETERS,
                   responses={(200, "text/csv"): OpenApiTypes.STR, (200, "application/json"): OpenApiTypes.OBJECT})
    def get(self, request, fmt: str):
        inputs = search.read_search(request.query_params)
        rows = search_export.matching_rows(inputs.query, inputs.documents, inputs.paragraphs, mode=inputs.mode,
                                           sort=inputs.sort)
        if fmt == "csv":
            response = StreamingHttpResponse(search_export.csv_lines(rows, inputs.mode),
                                             content_type="text/csv; charset=utf-8")
        else:
            response = StreamingHttpResponse(search_export.json_chunks(rows, inputs.mode, inputs.query),
                                             content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="search-{inputs.mode}.{fmt}"'
        return response


# ---------------------------------------------------------------------------
# Comparison


@conditional
class CompareView(APIView):
    throttle_classes = HEAVY_THROTTLES

    @extend_schema(summary="Compare two documents", description="A's paragraphs aligned with B's (kept, changed, "
                   "moved, added, removed) with word-level changes, and for each paragraph of B its first "
                   "appearance in the archive.",
                   responses={200: ComparisonSerializer, 404: OpenApiResponse(description="No such document."),
                              422: OpenApiResponse(description="A document has more paragraphs than a comparison "
                                                               "takes; `detail` says which and the limit.")})
    def get(self, request, a_id: int, b_id: int):
        a = _document_or_404(a_id)
        b = _document_or_404(b_id)
        try:
            comparison = lineage.compare_documents(a, b)
        except ComparisonTooLarge as refused:
            return Response({"detail": str(refused)}, status=422)
        return Response(lineage.comparison_json(comparison))
