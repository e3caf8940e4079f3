"""Public pages. Thin: they read the request, call search or the selectors, and render a template."""
from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from network.selectors import document_network
from resolutions import page_cache, search
from resolutions.addresses import address_key
from resolutions.languages.views import language_context, language_variant
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
        "recent": documents.recently_added(),
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
    # A symbol typed whole is a citation look-up (resolutions.search.citing), never a redirect: the document comes
    # first and the documents citing it follow, in either mode, as for every other form of citation.
    params, sort = inputs.params, inputs.sort
    result = inputs.run(limits)
    mode = result.mode
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
                      "date_asc": _url(params, sort="date_asc"), "cited": _url(params, sort="cited")},
        "page_urls": {"previous": _url(params, page=result.page - 1) if result.page > 1 else None,
                      "next": _url(params, page=result.page + 1) if result.page < result.pages else None},
        "suggestion_urls": [(s, _url(params, q=s)) for s in result.suggestions],
        "offer_urls": [(s, _url(params, q=s)) for s in result.offers],
        "verbatim_url": _url(params, q=result.corrected_from, verbatim="1") if result.corrected_from else None,
        "first_rank": (result.page - 1) * result.page_size + 1,
        # Looked like a symbol, but no document has it: its citations (or its words) are shown.
        "missing_symbol": inputs.query.symbol if result.lookup is None or (
            result.lookup.kind == "citation" and result.lookup.document is None) else None,
        "export_urls": {fmt: reverse(f"api:search-export-{fmt}") + _url(params) for fmt in ("csv", "json")},
        "api_docs_url": reverse("api:docs"),
        "children_url": _url(params, q=f"{result.lookup.prefix}*") if result.lookup and result.lookup.children else None,
    }
    return render(request, "resolutions/search.html", context)


def _document_at(request, document: Document | None, missing: str):
    """The one shape of the document addresses: 404 (saying ``missing``) when no document answers, a permanent
    redirect when the request is not at the document's citable address (Document.get_absolute_url: its symbol, else
    its slug, else its number), its page when it is: from the page cache for the public (resolutions.page_cache)."""
    if document is None:
        raise Http404(missing)
    if request.path != document.get_absolute_url():
        return redirect(document.get_absolute_url(), permanent=True)
    if not page_cache.enabled() or request.user.is_authenticated:
        page_html, network_html = _document_html(request, documents.page_document(pk=document.pk))
        return HttpResponse(page_html.replace(page_cache.NETWORK_SLOT, network_html, 1))
    # The stamps first, the rows after (resolutions.page_cache says why): a page built on a miss reads the document
    # again, its light address row having been read before the stamps.
    cached = page_cache.read(document.pk, (request.scheme, request.get_host(), language_variant(request.GET)))
    page_html, network_html = cached.page, cached.network
    needs_network = page_html is None or page_cache.NETWORK_SLOT in page_html
    if page_html is None or (needs_network and network_html is None):
        page_cache.draw_missing_stamps(cached)
        full = documents.page_document(pk=document.pk)
        if full is None:      # deleted since its address was read
            raise Http404(missing)
        built_page, built_network = _document_html(request, full, page=page_html is None,
                                                   network=needs_network and network_html is None)
        page_html = page_html if page_html is not None else built_page
        needs_network = page_cache.NETWORK_SLOT in page_html
        fresh_network = built_network if needs_network and network_html is None else None
        network_html = network_html if network_html is not None else fresh_network
        page_cache.store(cached, built_page or None, fresh_network)
    return HttpResponse(page_html.replace(page_cache.NETWORK_SLOT, network_html or "", 1))


def _document_html(request, document: Document, *, page: bool = True, network: bool = True) -> tuple[str, str]:
    """The page's HTML with the network panel's place kept (``NETWORK_SLOT``), and the panel's HTML."""
    page_html = network_html = ""
    if page:
        context = {"document": document, **language_context(request.GET, documents.document_page(document=document)),
                   "network_slot": mark_safe(page_cache.NETWORK_SLOT)}
        template = "languages/side_by_side.html" if context["side_by_side"] else "resolutions/document.html"
        page_html = render_to_string(template, context, request)
    if network:
        network_html = render_to_string("network/_panel.html", {"panel": document_network(document), "document": document},
                                        request)
    return page_html, network_html


@require_safe
def document_at_symbol(request, address: str):
    """A document at its symbol (resolutions.addresses); a symbol typed in another case or with spaces redirects."""
    key = address_key(address)
    document = documents.page_address(symbol_key=key) if key else None
    return _document_at(request, document, "No document with this symbol is in the archive.")


@require_safe
def document_by_slug(request, slug: str):
    """A document without a symbol; once staff give it one, the symbol is its address and this one redirects."""
    return _document_at(request, documents.page_address(slug=slug), "No such document in the archive.")


@require_safe
def document_by_number(request, pk: int):
    """The archive's own numbers are not addresses anyone cites: they redirect to the document's address (unless
    it has neither symbol nor slug yet)."""
    return _document_at(request, documents.page_address(pk=pk), "No such document in the archive.")


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
    return render(request, "resolutions/browse_agenda.html", {"sessions": browse.agenda_by_body_and_session()})


@require_safe
def sessions(request):
    return render(request, "resolutions/browse_sessions.html", {"bodies": browse.sessions_with_counts()})


@require_safe
def bodies(request):
    return render(request, "resolutions/browse_bodies.html", {"bodies": browse.bodies_with_counts()})
