"""Pages of the votes capability: a member state's voting record and two states' votes compared."""
from __future__ import annotations

from django import forms
from django.http import Http404
from django.shortcuts import render

from resolutions.models import MemberState

from . import selectors

BAR_WIDTH = 200


def _width(share: float | None) -> int:
    return round(BAR_WIDTH * share) if share is not None else 0


def state_votes(request, slug: str):
    state = MemberState.objects.filter(slug=slug).first()
    if state is None:
        raise Http404("No such state.")
    record = selectors.state_record(state)
    chart = [{"year": y.year, "percent": y.majority_percent, "width": _width(y.majority_share), "cast": y.cast}
             for y in record.years if y.majority_share is not None]
    return render(request, "votes/state_votes.html", {"state": state, "record": record, "chart": chart,
                                                      "states": MemberState.objects.order_by("name")})


class CompareStatesForm(forms.Form):
    a = forms.ModelChoiceField(MemberState.objects.order_by("name"), to_field_name="slug", label="First state")
    b = forms.ModelChoiceField(MemberState.objects.order_by("name"), to_field_name="slug", label="Second state")
    year_from = forms.IntegerField(min_value=1945, max_value=2100, required=False, label="From year")
    year_to = forms.IntegerField(min_value=1945, max_value=2100, required=False, label="To year")


def compare_states(request):
    form = CompareStatesForm(request.GET or None)
    years, a, b = [], None, None
    if form.is_valid():
        a, b = form.cleaned_data["a"], form.cleaned_data["b"]
        years = [{"year": y.year, "both": y.both_voted, "agreed": y.agreed, "percent": y.percent,
                  "width": _width(y.share)}
                 for y in selectors.compare_states(a, b, form.cleaned_data["year_from"], form.cleaned_data["year_to"])]
    both = sum(y["both"] for y in years)
    overall = round(100 * sum(y["agreed"] for y in years) / both) if both else None
    status = 400 if request.GET and not form.is_valid() else 200
    return render(request, "votes/compare_states.html",
                  {"form": form, "years": years, "a": a, "b": b, "overall": overall, "both": both}, status=status)
