"""Public pages. Thin: they read the request, call search or the selectors, and render a template."""
from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from resolutions import search
from resolutions.addresses import address_key
from resolutions.languages.views import language_context
from resolutions.models import Document, MemberState
from resolutions.page_budget import heavy_page
from resolutions.selectors import browse, documents, sources

# The title of each filter shown as removable on the page: the facets' own, and the dates'.
FILTER_TITLES = {**{f.name: f.title for f in search.FACETS}, "date_from": "From", "date_to": "Until",
                 "vote": "Vote"}


@require_safe
def home(request):
    return render(request, "resolutions/home.html", {
        "counts": documents.archive_counts(),
        "latest": documents.latest_documents(),
        "bodies": browse.bodies_with_counts(),
    })


def _url(params: dict, **changes) -> str:
    merged = {**params, **changes}     # params never carry a page: a changed search starts at page 1
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


# A search may arrive as a POST when the query is too long for a URL; it changes nothing, so no CSRF token is needed.
@csrf_exempt
@require_http_methods(["GET", "POST", "HEAD"])
@heavy_page
def search_page(request):
    data = request.POST if request.method == "POST" else request.GET
    limits = search.configured_limits()
    inputs = search.read_search(data, limits=limits)
    target = search.find_by_symbol(inputs.query)
    if target is not None:
        return redirect(target)
    params, mode, sort = inputs.params, inputs.mode, inputs.sort
    result = inputs.run(limits)
    for facet in result.facets:
        for value in facet.values:
            value.url = _url(params, **{facet.name: "" if value.selected else value.value})
    labels = {(f.name, v.value): v.label for f in result.facets for v in f.values}
    active = [{"title": FILTER_TITLES[name], "label": labels.get((name, params[name]), params[name]),
               "remove_url": _url(params, **{name: ""})} for name in search.FILTER_NAMES if name in params]
    context = {
        "result": result, "params": params, "mode": mode, "sort": sort, "active_filters": active,
        "invalid_filters": inputs.invalid,
        "mode_urls": {"documents": _url(params, mode=""), "paragraphs": _url(params, mode="paragraphs")},
        "sort_urls": {"relevance": _url(params, sort=""), "date": _url(params, sort="date"),
                      "date_asc": _url(params, sort="date_asc")},
        "page_urls": {"previous": _url(params, page=result.page - 1) if result.page > 1 else None,
                      "next": _url(params, page=result.page + 1) if result.page < result.pages else None},
        "suggestion_urls": [(s, _url(params, q=s)) for s in result.suggestions],
        "first_rank": (result.page - 1) * result.page_size + 1,
        "missing_symbol": inputs.query.symbol,   # looked like a symbol, but no document has it (else we redirected)
    }
    return render(request, "resolutions/search.html", context)


def _document_response(request, document: Document):
    """The document in the language asked for (``?lang=``), or two languages side by side (``&beside=``)."""
    page = documents.document_page(document=document)
    context = {"document": page.document, **language_context(request.GET, page)}
    template = "languages/side_by_side.html" if context["side_by_side"] else "resolutions/document.html"
    return render(request, template, context)


@require_safe
def document_at_symbol(request, address: str):
    """A document at its symbol (resolutions.addresses); a symbol typed in another case or with spaces redirects."""
    key = address_key(address)
    document = documents.page_document(symbol_key=key) if key else None
    if document is None:
        raise Http404("No document with this symbol is in the archive.")
    if request.path != document.get_absolute_url():
        return redirect(document.get_absolute_url(), permanent=True)
    return _document_response(request, document)


@require_safe
def document_by_slug(request, slug: str):
    document = documents.page_document(slug=slug)
    if document is None:
        raise Http404("No such document in the archive.")
    if document.symbol_key:   # staff gave it a symbol since: the symbol is its address now
        return redirect(document.get_absolute_url(), permanent=True)
    return _document_response(request, document)


@require_safe
def document_by_number(request, pk: int):
    """The archive's own numbers are not addresses anyone cites: they redirect to the document's address."""
    document = documents.page_document(pk=pk)
    if document is None:
        raise Http404("No such document in the archive.")
    if document.get_absolute_url() == request.path:   # neither symbol nor slug yet
        return _document_response(request, document)
    return redirect(document.get_absolute_url(), permanent=True)


@require_safe
def source_download(request, pk):
    """The original upload of a document, byte for byte, under its original name (the admin's download
    also serves failed uploads; the public one only files that became documents)."""
    name, media_type, content = sources.public_source_file_download(pk)
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
