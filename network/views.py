"""Pages of the citation network: the most cited documents per body and period."""
from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_safe

from resolutions.parameters import parse_int

from . import selectors


@require_safe
def most_cited(request):
    """The most cited documents of each body, or of one body, adopted in a decade if one is chosen.

    Parameters are read strictly: an unknown body or period is named and ignored, never an error."""
    bodies, periods = selectors.bodies(), selectors.periods()
    body = request.GET.get("body", "").strip()
    period = parse_int(request.GET.get("period"), default=None, minimum=1000, maximum=9999)
    ignored = []
    if body and body not in bodies:
        ignored.append("body")
        body = ""
    if period is not None and period not in periods:
        ignored.append("period")
        period = None
    lists = selectors.most_cited(body or None, period)
    return render(request, "network/most_cited.html", {
        "lists": lists, "bodies": bodies, "periods": periods, "body": body, "period": period,
        "period_end": period + selectors.PERIOD_YEARS - 1 if period is not None else None, "ignored": ignored})
