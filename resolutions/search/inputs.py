"""The one input boundary of search: request parameters in, a validated search out.

The web page, the API and the API's export read a search with ``read_search``, so they accept the same
parameters: the query, the mode, the sort, ``verbatim=1`` (no correction), the page and every filter of
``resolutions/filters.py`` (dates included). A filter value the filters refuse is dropped and named in ``invalid``; numbers are read
strictly (``resolutions.parameters.parse_int``), so no parameter can reach the database as an error.

``language`` (ISO 639-1) is a filter and says more: in a language other than English the query is read with that
language's configuration and matched against its language versions' rows (``resolutions.languages``), so a French
query finds French paragraphs stemmed as French.
"""
from __future__ import annotations

from dataclasses import dataclass

from dataclasses import replace

from resolutions.filters import DocumentFilter, ParagraphFilter
from resolutions.languages.services import is_version_language
from resolutions.models import Document, Paragraph, VersionParagraph
from resolutions.parameters import parse_int
from resolutions.search.engine import SearchResult, search
from resolutions.search.limits import DEFAULT_LIMITS, SearchLimits
from resolutions.search.query import ParsedQuery, parse_query

MODES = ("documents", "paragraphs")             # the first is the default
SORTS = ("relevance", "date", "date_asc", "cited")   # cited: most cited by the archive's documents first
# A page past the end shows the last one; a page number past this is past the end of any archive.
MAX_PAGE = 1_000_000
MAX_PAGE_SIZE = 100
# Every filter either FilterSet knows, documents' first: the names the page and the API accept.
FILTER_NAMES = list(dict.fromkeys([*DocumentFilter.base_filters, *ParagraphFilter.base_filters]))


@dataclass
class SearchRequest:
    query: ParsedQuery
    mode: str
    sort: str
    page: int
    page_size: int
    params: dict          # the valid parameters given (q as searched, mode, sort, filters; no page): for links
    invalid: list[str]    # filters whose values were ignored
    documents: object     # Document queryset, filtered
    paragraphs: object    # Paragraph queryset, filtered
    verbatim: bool = False  # search the words as typed, never a correction of them ('search instead for ...')

    def run(self, limits: SearchLimits = DEFAULT_LIMITS) -> SearchResult:
        return search(self.query, self.documents, self.paragraphs, mode=self.mode, sort=self.sort, page=self.page,
                      params=self.params, page_size=self.page_size, limits=limits, correct=not self.verbatim)


def _paragraph_rows(filters: dict):
    """The paragraphs a search reads: a language version's in its language (other than English), else the main
    text's (the filter checks the code: an unknown one is refused there and the main text's rows are read)."""
    if is_version_language(filters.get("language")):
        return VersionParagraph.objects.all()
    return Paragraph.objects.all()


def read_search(data, *, limits: SearchLimits = DEFAULT_LIMITS, page_size: bool = False) -> SearchRequest:
    """The search that the request parameters ``data`` (a QueryDict or a dict) ask for.

    ``page_size``: whether ``data`` may choose the page size (up to MAX_PAGE_SIZE; the API), else it is
    ``limits.page_size``.
    """
    params = {}
    for name in ["q", "mode", "sort", "verbatim"] + FILTER_NAMES:
        value = data.get(name)
        value = value.strip() if isinstance(value, str) else ""
        if value:
            params[name] = value
    query = parse_query(params.get("q"))
    if query.text:
        params["q"] = query.text      # a cut query: links carry what was searched, not 10 kB
    else:
        params.pop("q", None)
    mode = params.get("mode") if params.get("mode") in MODES else MODES[0]
    sort = params.get("sort") if params.get("sort") in SORTS else SORTS[0]
    for name, value, default in (("mode", mode, MODES[0]), ("sort", sort, SORTS[0])):
        if params.get(name) != value or value == default:
            params.pop(name, None)
    verbatim = params.get("verbatim") == "1"
    if not verbatim:
        params.pop("verbatim", None)
    filters = {name: params[name] for name in FILTER_NAMES if name in params}
    document_filter = DocumentFilter(filters, queryset=Document.objects.all())
    paragraph_filter = ParagraphFilter(filters, queryset=_paragraph_rows(filters))
    invalid = sorted(set(document_filter.errors) | set(paragraph_filter.errors))
    if invalid:
        for name in invalid:
            params.pop(name, None)
            filters.pop(name, None)
        document_filter = DocumentFilter(filters, queryset=Document.objects.all())
        paragraph_filter = ParagraphFilter(filters, queryset=_paragraph_rows(filters))
    if is_version_language(filters.get("language")):
        query = replace(query, language=filters["language"])
    size = limits.page_size
    if page_size:
        size = parse_int(data.get("page_size"), default=size, minimum=1, maximum=MAX_PAGE_SIZE)
    page = parse_int(data.get("page"), default=1, minimum=1, maximum=MAX_PAGE)
    return SearchRequest(query, mode, sort, page, size, params, invalid, document_filter.qs, paragraph_filter.qs,
                         verbatim)
