"""A per-client budget for the public pages that do heavy work (search, comparison, agreed language).

The same allowance as the API's heavy endpoints (ARCHIVE_RATE_LIMITS['heavy'], counted per client address in the
shared cache: archive.throttling), so a client cannot double it by switching between the page and the API.
Over budget the page answers 429 with Retry-After and a plain page saying why and when to come back (JSON for
the comparison's .json URL). Signed-in staff are not limited. The budget wraps the views, never what they call.
"""
from __future__ import annotations

from functools import wraps

from django.http import JsonResponse
from django.shortcuts import render

from resolutions.api.throttling import HeavyWorkThrottle

MESSAGE = "Too many searches or comparisons from your address; try again in {seconds} seconds."


def _wants_json(request, kwargs) -> bool:
    return bool(kwargs.get("as_json")) or request.GET.get("format") == "json"


def too_many_requests(request, throttle: HeavyWorkThrottle, *, as_json: bool):
    seconds = throttle.retry_after()
    if as_json:
        response = JsonResponse({"detail": MESSAGE.format(seconds=seconds)}, status=429)
    else:
        response = render(request, "resolutions/too_many_requests.html",
                          {"seconds": seconds, "allowance": throttle.num_requests,
                           "period": throttle.duration}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def heavy_page(view):
    """Decorate a page view: each request spends one unit of the client's heavy-work budget, or gets a 429."""

    @wraps(view)
    def budgeted(request, *args, **kwargs):
        throttle = HeavyWorkThrottle()
        if not throttle.allow_request(request, None):
            return too_many_requests(request, throttle, as_json=_wants_json(request, kwargs))
        return view(request, *args, **kwargs)

    return budgeted
