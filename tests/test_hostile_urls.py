"""Every URL pattern of the site, every method, hostile values: no answer is a server error.

The patterns come from the resolver (``get_resolver().url_patterns``, walked through every ``include``), never
from a hand-written list, so a page added later is walked too.  Each pattern is requested with its path
parameters filled with a real value (an id or symbol of the seeds) and hostile ones (NUL, a number past
any column, unicode digits, an over-long string), with GET, HEAD, POST and OPTIONS, and with every
parameter the pages read set to each hostile value in turn.  The admin is walked too, as the anonymous
visitor sees it (its login page).
"""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from resolutions.models import MemberState, Paragraph, Series
from resolutions.search.inputs import FILTER_NAMES
from tests.seeded_archive import seeded  # noqa: F401  (fixture)

HOSTILE = {
    "nul": "trafficking\x00persons",
    "huge number": "9" * 30,
    "negative number": "-" + "9" * 20,
    "superscript digit": "\u00b2",
    "circled digit": "\u2460",
    "arabic-indic digits": "\u0663\u0664",
    "over-long": "a" * 20_000,
}
# Every parameter a page or the API reads (search's own list, the forms of compare, agreed language and votes,
# pagination and formats).
PARAMETERS = sorted({*FILTER_NAMES, "q", "mode", "sort", "page", "page_size", "format", "a", "b", "text",
                     "date_from", "date_to", "document_type", "body", "year_from", "year_to", "state", "states",
                     "email"})
METHODS = ("get", "head", "post", "options")
_CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def patterns(resolvers=None, prefix=""):
    """(route with <converter:name> or (?P<name>...) placeholders, pattern) for every URL pattern, recursively."""
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        route = prefix + _route_text(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from patterns(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def _route_text(pattern) -> str:
    text = str(pattern)
    if hasattr(pattern, "_route"):
        return pattern._route
    return text.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\.", ".")


def path_values(converter: str | None, name: str, real: dict) -> list[str]:
    """Values for one path parameter: a real one (so the view goes past its lookup) and hostile ones."""
    known = real.get(name) or real.get(converter or "") or []
    hostile = [quote("\x00"), quote(HOSTILE["superscript digit"]), quote(HOSTILE["circled digit"]),
               HOSTILE["huge number"], "a" * 3000]
    if converter == "int":
        hostile = ["0", HOSTILE["huge number"]]
    elif converter == "slug":
        hostile = ["a" * 3000, "-"]
    return [str(value) for value in known] + hostile


def urls_for(route: str, real: dict) -> list[str]:
    """Concrete paths for a route: each placeholder in turn takes each of its values, the others a real one."""
    # A regex route's groups first ('(?P<pk>[^/.]+)'): their names look like a converter's '<pk>'.
    placeholders = [(None, m.group("name")) for m in _GROUP.finditer(route)]
    placeholders += [(m.group("converter"), m.group("name")) for m in _CONVERTER.finditer(_GROUP.sub("", route))]

    def fill(choice: dict) -> str:
        text = _GROUP.sub(lambda m: choice[m.group("name")], route)
        text = _CONVERTER.sub(lambda m: choice[m.group("name")], text)
        return "/" + text

    defaults = {name: path_values(conv, name, real)[0] for conv, name in placeholders}
    if not placeholders:
        return [fill({})]
    urls = []
    for conv, name in placeholders:
        for value in path_values(conv, name, real):
            urls.append(fill({**defaults, name: value}))
    return list(dict.fromkeys(urls))


def query_strings(route: str, method: str) -> list[dict]:
    """For GET: no parameter, then every parameter at each hostile value in turn.  For the other methods (and the
    admin, which sends an anonymous visitor to its login page): every hostile value at once, mixed."""
    values = list(HOSTILE.values())
    mixed = {name: values[i % len(values)] for i, name in enumerate(PARAMETERS)}
    if route.startswith("admin/"):
        return [mixed]
    if method == "get":
        return [{}] + [{name: value for name in PARAMETERS} for value in values]
    return [{}, mixed]


@pytest.fixture
def archive(seeded, db, settings):  # noqa: F811
    settings.ARCHIVE_RATE_LIMITS = {"anon": "1000000/minute", "heavy": "1000000/minute"}
    cache.clear()
    paragraph = Paragraph.objects.filter(document=seeded["2008"]).first()
    state = MemberState.objects.filter(sponsorships__isnull=False).first() or MemberState.objects.first()
    series = Series.objects.first()
    documents = [seeded["2008"], seeded["rev1"]]
    return {
        "int": [documents[0].pk], "pk": [documents[0].pk], "a_id": [documents[1].pk], "b_id": [documents[0].pk],
        "slug": [state.slug if state else "france", series.slug if series else "x", documents[0].slug or "x"],
        "address": [documents[0].symbol, documents[1].symbol],
        "paragraph": [paragraph.pk],
        # E-mail alerts (alerts/urls.py): what is followed, by kind and key.
        "kind": ["state"], "key": [state.slug if state else "france"],
    }


def test_no_url_pattern_answers_a_hostile_request_with_a_server_error(archive):
    client = Client(raise_request_exception=False)
    failures, requests, walked = [], 0, set()
    for route, pattern in patterns():
        walked.add(route)
        real = dict(archive)
        if "provenance" in route:
            real["pk"] = archive["paragraph"]
        for url in urls_for(route, real):
            for method in METHODS:
                for params in query_strings(route, method):
                    send = getattr(client, method)
                    if method == "post":
                        response = send(url, data=params)
                    elif method == "options":
                        response = send(url + ("?" + "&".join(f"{k}={quote(v)}" for k, v in params.items())
                                               if params else ""))
                    else:
                        response = send(url, params)
                    requests += 1
                    if response.status_code >= 500:
                        shown = {k: (v[:12] + "…" if len(v) > 12 else v) for k, v in list(params.items())[:1]}
                        failures.append(f"{method.upper()} {url[:80]} {shown} -> {response.status_code}")
    assert len(walked) >= 30, walked
    assert not failures, f"{len(failures)} of {requests} requests failed:\n" + "\n".join(sorted(set(failures))[:200])


def test_a_nul_byte_is_refused_with_a_400_and_never_echoed(archive):
    client = Client()
    for url, params in [("/agreed-language/", {"q": "\x00"}), ("/compare/", {"a": "\x00", "b": "\x00"}),
                        ("/search/", {"q": "trafficking\x00"}), ("/api/search/", {"q": "\x00"})]:
        response = client.get(url, params)
        assert response.status_code == 400, url
        assert b"\x00" not in response.content and b"NUL byte" in response.content
    assert client.get("/api/documents/%00/").status_code == 400
    assert client.post("/search/", {"q": "a\x00b"}).status_code == 400


def test_digits_of_other_scripts_are_not_document_numbers(archive):
    """'²' and '①' pass str.isdigit and int() refuses them: the form says the document is not found."""
    client = Client()
    number = str(archive["pk"][0])
    for typed in ("\u00b2", "\u2460", "\u0663", "9" * 30):
        response = client.get("/compare/", {"a": typed, "b": number})
        assert response.status_code == 200, typed
        assert "must be in the archive" in response.content.decode()
    # ASCII digits still name a document.
    assert client.get("/compare/", {"a": number, "b": number}).status_code == 302


def test_options_on_the_api_documentation_page_lists_its_methods(archive):
    response = Client().options("/api/docs/")
    assert response.status_code == 200 and response["Allow"] == "GET, HEAD, OPTIONS"
