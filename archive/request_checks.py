"""Requests no page can use, refused at the door with a 400 before any view or query sees them.

A NUL byte (``\\x00``) anywhere in the path, a query parameter's name or value, or a form field: PostgreSQL
text cannot hold one, so every lookup that passed it on was a server error (``/%00/``,
``/api/documents/%00/``, ``/compare/?a=%00``), and a page that echoed it back (``/agreed-language/?q=%00``)
sent it to the browser.  One check here covers every view, the API and the admin, now and later, instead of
each view's own.  Numbers are read by resolutions.parameters; lengths by each form (search cuts a long
query, agreed language refuses one past its limit).
"""
from __future__ import annotations

from django.http import HttpResponseBadRequest

NUL = "\x00"
MESSAGE = "This request holds a NUL byte (%00), which no address or parameter of the archive accepts."


def _holds_nul(query_dict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists())


class RefuseNulBytesMiddleware:
    """400 for a request whose path, query string or form fields hold a NUL byte."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A form's fields, not its files (bytes, which the upload keeps as they are). Django's CSRF check reads
        # request.POST of every POST anyway, so reading it here costs nothing more.
        form = request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded", "multipart/form-data")
        if NUL in request.path_info or _holds_nul(request.GET) or (form and _holds_nul(request.POST)):
            return HttpResponseBadRequest(MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
