"""Public pages. Thin: they read the request, call search or the selectors, and render a template."""
from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from resolutions import search
from resolutions.filters import DocumentFilter, ParagraphFilter
from resolutions.models import Document, MemberState, Paragraph, SourceFile
from resolutions.selectors import browse, documents, sources

FILTER_PARAMS = ["body", "session", "year", "committee", "agenda", "sponsor", "type", "kind", "lead"]
FILTER_TITLES = {"body": "Body", "session": "Session", "year": "Year", "committee": "Committee",
                 "agenda": "Agenda item", "sponsor": "Sponsor", "type": "Document type", "kind": "Paragraph kind",
                 "lead": "Lead phrase"}


@require_safe
def home(request):
    return render(request, "resolutions/home.html", {
        "counts": documents.archive_counts(),
        "latest": documents.latest_documents(),
        "bodies": browse.bodies_with_counts(),
    })


def _clean_params(data):
    """Only the parameters the search page knows, with empty values dropped."""
    params = {}
    for key in ["q", "mode", "sort", "page"] + FILTER_PARAMS:
        value = (data.get(key) or "").strip()
        if value:
            params[key] = value
    return params


def _url(params: dict, **changes) -> str:
    merged = {**params, **changes}
    merged.pop("page", None) if "page" not in changes else None
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


# A search may arrive as a POST when the query is too long for a URL; it changes nothing, so no CSRF token is needed.
@csrf_exempt
@require_http_methods(["GET", "POST", "HEAD"])
def search_page(request):
    data = request.POST if request.method == "POST" else request.GET
    params = _clean_params(data)
    query = search.parse_query(params.get("q"))
    if query.text:
        params["q"] = query.text   # a cut query: links on the page carry what was searched, not 10 kB
    else:
        params.pop("q", None)
    target = search.find_by_symbol(query)
    if target is not None:
        return redirect(target)
    mode = "paragraphs" if params.get("mode") == "paragraphs" else "documents"
    sort = params.get("sort") if params.get("sort") in ("date", "date_asc") else "relevance"
    try:
        page = max(1, int(params.get("page", "1")))
    except ValueError:
        page = 1
    document_filter = DocumentFilter(params, queryset=Document.objects.all())
    paragraph_filter = ParagraphFilter(params, queryset=Paragraph.objects.all())
    invalid = sorted(set(document_filter.errors) | set(paragraph_filter.errors))
    for name in invalid:
        params.pop(name, None)
    if invalid:
        document_filter = DocumentFilter(params, queryset=Document.objects.all())
        paragraph_filter = ParagraphFilter(params, queryset=Paragraph.objects.all())
    result = search.search(query, document_filter.qs, paragraph_filter.qs, mode=mode, sort=sort, page=page,
                           params=params, limits=search.configured_limits())
    for facet in result.facets:
        for value in facet.values:
            value.url = _url(params, **{facet.name: "" if value.selected else value.value})
    labels = {(f.name, v.value): v.label for f in result.facets for v in f.values}
    active = [{"title": FILTER_TITLES[name], "label": labels.get((name, params[name]), params[name]),
               "remove_url": _url(params, **{name: ""})} for name in FILTER_PARAMS if name in params]
    context = {
        "result": result, "params": params, "mode": mode, "sort": sort, "active_filters": active,
        "invalid_filters": invalid,
        "mode_urls": {"documents": _url(params, mode=""), "paragraphs": _url(params, mode="paragraphs")},
        "sort_urls": {"relevance": _url(params, sort=""), "date": _url(params, sort="date"),
                      "date_asc": _url(params, sort="date_asc")},
        "page_urls": {"previous": _url(params, page=result.page - 1) if result.page > 1 else None,
                      "next": _url(params, page=result.page + 1) if result.page < result.pages else None},
        "suggestion_urls": [(s, _url(params, q=s)) for s in result.suggestions],
        "first_rank": (result.page - 1) * result.page_size + 1,
        "missing_symbol": query.symbol,   # looked like a symbol, but no document has it (else we redirected)
    }
    return render(request, "resolutions/search.html", context)


@require_safe
def document_detail(request, pk):
    try:
        page = documents.document_page(pk)
    except Document.DoesNotExist:
        raise Http404("No such document in the archive.")
    return render(request, "resolutions/document.html", {"page": page, "document": page.document})


@require_safe
def source_download(request, pk):
    """The original upload of a document, byte for byte, under its original name (the admin's download
    also serves failed uploads; the public one only files that became documents)."""
    if not SourceFile.objects.filter(pk=pk, document__isnull=False).exists():
        raise Http404("No such source file.")
    name, media_type, content = sources.source_file_download(pk)
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def states(request):
    return render(request, "resolutions/browse_states.html", {"states": browse.states_with_counts()})


@require_safe
def state_detail(request, slug):
    try:
        context = browse.state_page(slug)
    except MemberState.DoesNotExist:
        raise Http404("No such member state.")
    context["search_url"] = "/search/?" + urlencode({"sponsor": slug})
    return render(request, "resolutions/browse_state.html", context)


@require_safe
def agenda_items(request):
    return render(request, "resolutions/browse_agenda.html", {"items": browse.agenda_items_with_counts()})


@require_safe
def sessions(request):
    return render(request, "resolutions/browse_sessions.html", {"sessions": browse.sessions_with_counts()})


@require_safe
def bodies(request):
    return render(request, "resolutions/browse_bodies.html", {"bodies": browse.bodies_with_counts()})
