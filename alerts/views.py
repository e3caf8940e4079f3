"""Alert pages: follow something by e-mail (a form), confirm by the signed link, unsubscribe in one click.

No page shows an address: not the sign-up answer, not the confirmation or unsubscribe pages. Sign-up is limited
per client (``ARCHIVE_RATE_LIMITS['alerts']``, counted like the other allowances: archive.throttling).
"""
from __future__ import annotations

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from archive.throttling import SharedRateThrottle
from feeds import targets

from . import services, tokens
from .models import Subscription


class SignupThrottle(SharedRateThrottle):
    scope = "alerts"


class FollowForm(forms.Form):
    email = forms.EmailField(label="Your e-mail address", max_length=254)


def _target(request, kind: str, key: str | None):
    target = targets.search(request.GET) if kind == "search" else targets.find(kind, key or "")
    if target is None:
        raise Http404("Nothing to follow here.")
    return target


@require_http_methods(["GET", "HEAD", "POST"])
def follow(request, kind: str, key: str | None = None):
    if kind not in targets.KINDS:
        raise Http404("Nothing to follow here.")
    target = _target(request, kind, key)
    context = {"target": target}
    if request.method != "POST":
        return render(request, "alerts/follow.html", {**context, "form": FollowForm()})
    throttle = SignupThrottle()
    if not throttle.allow_request(request, None):
        seconds = throttle.retry_after()
        response = render(request, "alerts/follow.html", {**context, "form": FollowForm(), "retry": seconds},
                          status=429)
        response["Retry-After"] = str(seconds)
        return response
    form = FollowForm(request.POST)
    if not form.is_valid():
        # The form is shown again empty: what was typed is not echoed back.
        return render(request, "alerts/follow.html", {**context, "form": FollowForm(), "invalid": True},
                      status=400)
    if not services.subscribe(form.cleaned_data["email"], target, request.build_absolute_uri("/").rstrip("/")):
        return render(request, "alerts/follow.html", {**context, "form": FollowForm(), "mail_down": True},
                      status=503)
    return render(request, "alerts/check_inbox.html", context)


def _invalid(request):
    return render(request, "alerts/invalid_link.html", status=404)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    """GET shows a button (mail scanners that open links must not confirm); POST confirms."""
    subscription = tokens.read_confirm_token(token)
    if subscription is None or subscription.status == Subscription.Status.UNSUBSCRIBED:
        return _invalid(request)
    if request.method == "POST":
        services.confirm(subscription)
        return render(request, "alerts/confirmed.html", {"subscription": subscription,
                                                         "unsubscribe_token": tokens.unsubscribe_token(subscription)})
    return render(request, "alerts/confirm.html", {"subscription": subscription})


# RFC 8058: a mail program unsubscribes with one POST (body List-Unsubscribe=One-Click) and no cookie, so no
# CSRF token can be asked for; the signed token is the proof. GET only shows the button.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    subscription = tokens.read_unsubscribe_token(token)
    if subscription is None:
        return _invalid(request)
    if request.method == "POST":
        services.unsubscribe(subscription)
        return render(request, "alerts/unsubscribed.html", {"subscription": subscription})
    return render(request, "alerts/unsubscribe.html", {"subscription": subscription, "token": token})
