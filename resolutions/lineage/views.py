"""Pages of the lineage feature: comparison, series, paragraph provenance, agreed language.

Thin: the selectors do the reads.
"""
from django import forms
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from resolutions.lineage import selectors
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
        return Document.objects.filter(symbol_key=normalise_symbol(reference)).first()
    return None


@require_safe
def compare_form(request):
    """Pick any two documents (by symbol or number); redirects to the comparison's permalink."""
    error = ""
    if "a" in request.GET or "b" in request.GET:
        a, b = _document(request.GET.get("a")), _document(request.GET.get("b"))
        if a and b:
            return redirect("lineage:compare", a_id=a.pk, b_id=b.pk)
        error = "Both documents must be in the archive: give their symbols (A/C.3/61/L.7/Rev.1) or numbers."
    return render(request, "lineage/compare_form.html",
                  {"error": error, "a": request.GET.get("a", ""), "b": request.GET.get("b", ""),
                   "documents": Document.objects.order_by("-date", "symbol")[:200]})


@require_safe
@heavy_page
def compare(request, a_id, b_id, as_json=False):
    a = get_object_or_404(Document, pk=a_id)
    b = get_object_or_404(Document, pk=b_id)
    wants_json = as_json or request.GET.get("format") == "json"
    # The page shows COMPARISON_PAGE_ROWS rows at a time, with links to the others; the JSON has every row.
    page = None if wants_json else parse_int(request.GET.get("page"), default=1, minimum=1, maximum=10**6)
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

