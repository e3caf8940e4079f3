"""Pages of the lineage feature: comparison, series, paragraph provenance, agreed language.

Thin: the selectors do the reads.
"""
from datetime import date

from django import forms
from django.db.models import F
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from resolutions import page_cache
from resolutions.lineage import selectors
from resolutions.lineage.versions import versions_of
from resolutions.lineage.compare import ComparisonTooLarge
from resolutions.models import Document, Paragraph, Series
from resolutions.page_budget import heavy_page
from resolutions.parameters import MAX_DOCUMENT_ID, parse_int
from resolutions.un.languages import OFFICIAL
from resolutions.un.symbols import normalise_symbol

MAX_QUERY_CHARS = 5000


# Longer than any UN symbol: not looked up.
MAX_REFERENCE_CHARS = 100


def _document(reference: str) -> Document | None:
    """A document by id or by symbol, as typed in the comparison form."""
    reference = (reference or "").strip()
    # ASCII digits only, within the ids' range ('²' and '①' pass str.isdigit, and int() refuses them).
    number = parse_int(reference, default=None, minimum=1, maximum=MAX_DOCUMENT_ID)
    if number is not None and reference.isascii() and reference.isdigit():
        return Document.objects.filter(pk=number).first()
    if reference and len(reference) <= MAX_REFERENCE_CHARS:
        # A symbol; else the readable address of a document that has none ('general-assembly-2008-improving-...').
        return (Document.objects.filter(symbol_key=normalise_symbol(reference)).first()
                or Document.objects.filter(slug=reference).first())
    return None


def _reference_of(document: Document) -> str:
    """What the form shows for a document: its symbol, else its readable address."""
    return document.symbol or document.slug or str(document.pk)


@require_safe
def compare_form(request):
    """Pick two documents by symbol; redirects to the comparison's permalink.  The form opens empty and quiet; with
    one document given (the document page's "Compare with another document") it offers that document's own
    versions: its drafts, revisions and adopted text, and its neighbours in its series."""
    typed = {name: (request.GET.get(name) or "").strip() for name in ("a", "b")}
    found = {name: _document(text) if text else None for name, text in typed.items()}
    if found["a"] and found["b"]:
        return redirect("lineage:compare", a_id=found["a"].pk, b_id=found["b"].pk)
    # Only what was typed and not found is an error; a field left empty is not (yet).
    missing = [text for name, text in typed.items() if text and found[name] is None]
    error = (f"Both documents must be in the archive: no document has the symbol {', '.join(missing)}. "
             "Give symbols as printed (A/C.3/61/L.7/Rev.1)." if missing else "")
    given = found["a"] or found["b"]
    # Each version offered as a comparison in date order: the earlier document first.
    versions = [(v, (v, given) if (v.date or date.min) <= (given.date or date.min) else (given, v))
                for v in versions_of(given)] if given else []
    return render(request, "lineage/compare_form.html", {
        "error": error, "given": given, "versions": versions,
        "a": _reference_of(found["a"]) if found["a"] else typed["a"],
        "b": _reference_of(found["b"]) if found["b"] else typed["b"],
        "documents": Document.objects.exclude(symbol="").order_by(F("date").desc(nulls_last=True), "symbol")
                     .only("symbol", "title", "subject", "date")[:200],
    })


@require_safe
@heavy_page
def compare(request, a_id, b_id, as_json=False):
    """The comparison of two documents, from the page cache for the public (resolutions.page_cache): kept under both
    documents' stamps and the network's, which every change to any document forgets (a comparison shows its
    paragraphs' first appearances, which any document may change)."""
    wants_json = as_json or request.GET.get("format") == "json"
    # The page shows COMPARISON_PAGE_ROWS rows at a time, with links to the others; the JSON has every row.
    page = None if wants_json else parse_int(request.GET.get("page"), default=1, minimum=1, maximum=10**6)
    if not page_cache.enabled() or request.user.is_authenticated:
        return _comparison(request, get_object_or_404(Document, pk=a_id), get_object_or_404(Document, pk=b_id),
                           wants_json, page)
    # Both documents must exist before stamps are drawn for them; then the stamps, then the rows (page_cache says
    # why): on a miss the documents are read again, whole, after the stamps.
    get_object_or_404(Document.objects.only("pk"), pk=a_id)
    get_object_or_404(Document.objects.only("pk"), pk=b_id)
    cached = page_cache.read_comparison(a_id, b_id, (wants_json, page, request.scheme, request.get_host()))
    if cached.page is not None:
        return HttpResponse(cached.page, content_type="application/json") if wants_json else HttpResponse(cached.page)
    page_cache.draw_missing_stamps(cached)
    response = _comparison(request, get_object_or_404(Document, pk=a_id), get_object_or_404(Document, pk=b_id),
                           wants_json, page)
    if response.status_code == 200:
        page_cache.store_comparison(cached, response.content.decode())
    return response


def _comparison(request, a: Document, b: Document, wants_json: bool, page: int | None):
    try:
        comparison = selectors.compare_documents(a, b, page=page)
    except ComparisonTooLarge as refused:
        # 422: the request is well formed, these two documents are beyond what a comparison takes.
        if wants_json:
            return JsonResponse({"detail": str(refused)}, status=422)
        return render(request, "lineage/compare.html", {"refused": str(refused), "a": a, "b": b}, status=422)
    if wants_json:
        return JsonResponse(selectors.comparison_json(comparison))
    return render(request, "lineage/compare.html", {"comparison": comparison, "pager": _pager(request, comparison)})


def _pager(request, comparison) -> dict | None:
    """Links to the comparison's other pages of rows (None when every row is on this one)."""
    if comparison.pages <= 1:
        return None

    def url(number: int) -> str:
        return f"{request.path}?page={number}"

    page, pages = comparison.page, comparison.pages
    return {"first": url(1) if page > 2 else None, "previous": url(page - 1) if page > 1 else None,
            "next": url(page + 1) if page < pages else None, "last": url(pages) if page < pages - 1 else None,
            "pages": [(number, url(number)) for number in range(1, pages + 1)] if pages <= 50 else []}


@require_safe
def series_list(request):
    return render(request, "lineage/series_list.html", {"series_list": selectors.all_series()})


@require_safe
def series_detail(request, slug):
    series = get_object_or_404(Series, slug=slug)
    documents = selectors.series_documents(series)
    return render(request, "lineage/series_detail.html",
                  {"series": series, "entries": list(zip(documents, [None, *documents[:-1]]))})


@require_safe
def paragraph_provenance(request, pk):
    paragraph = get_object_or_404(Paragraph.objects.select_related("document", "parent"), pk=pk)
    appearances = selectors.paragraph_provenance(paragraph)
    return render(request, "lineage/provenance.html",
                  {"paragraph": paragraph, "appearances": appearances,
                   "first": appearances[0] if appearances else None})


class AgreedLanguageForm(forms.Form):
    q = forms.CharField(label="Phrase or paragraph", max_length=MAX_QUERY_CHARS, required=False,
                        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}))
    body = forms.ChoiceField(label="Body", required=False)
    document_type = forms.ChoiceField(label="Document type", required=False)
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(label="Language", required=False,
                                 choices=[("", "The text's own")] + [(lang.code, lang.name) for lang in OFFICIAL])

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = choices or {"bodies": [], "document_types": []}
        self.fields["body"].choices = [("", "Any body")] + [(b, b) for b in choices["bodies"]]
        self.fields["document_type"].choices = (
            [("", "Any document"), ("adopted", "Adopted resolutions only"), ("draft", "Drafts only")]
            + [(t, t) for t in choices["document_types"]])


@require_safe
@heavy_page
def agreed_language(request):
    data = request.GET.copy()
    if "q" not in data and "text" in data:  # links from the search page pass the words as ?text=
        data["q"] = data["text"]
    form = AgreedLanguageForm(data or None, choices=selectors.agreed_language_choices())
    results, searched = [], False
    if form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        filters = selectors.AgreedLanguageFilters(body=data["body"], document_type=data["document_type"],
                                                  date_from=data["date_from"], date_to=data["date_to"],
                                                  language=data["language"])
        results = selectors.agreed_language(data["q"], filters)
        searched = True
    return render(request, "lineage/agreed_language.html", {"form": form, "results": results, "searched": searched})

