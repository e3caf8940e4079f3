"""What the load test's readers ask for (bench/load.py): a mixed audience of the archive, as issue 17 describes it.

Each kind of request has a weight (the share of the requests it makes) and a list of URLs taken from the
database, spread over the archive:

* **search page** (30): the benchmark's query mix (bench/queries.py: rare and common words, a phrase, OR,
  facets, a browse, a symbol, a citation, a prefix);
* **document page** (30): 200 documents spread over the archive, by their citable address;
* **comparison page** (8): a draft against its revision (the page delegates use most while drafting);
* **agreed language** (5): 25 words of an operative paragraph with one word changed, as a drafter pastes them;
* **API** (15): the JSON search with the query mix, and documents by id (tools and other systems);
* **feed** (12): the Atom feeds of a search, of the states that sponsor most and of the agenda items with the
  most documents (feed readers poll).

The weights are a reader's session as the pages are linked: a search, a few documents, now and then a comparison
or a pasted sentence; feeds and the API are machines polling.  Every URL is a GET answered with 200.
"""
from __future__ import annotations

import random
from urllib.parse import urlencode

DOCUMENT_PAGES = 200
COMPARISONS = 20
AGREED_TEXTS = 20
FEEDS_EACH = 5
WEIGHTS = {"search page": 30, "document page": 30, "comparison page": 8, "agreed language": 5, "API": 15,
           "feed": 12}


def _documents(rng: random.Random) -> list[str]:
    from resolutions.models import Document

    ids = list(Document.objects.order_by("pk").values_list("pk", flat=True))
    picks = ids if len(ids) <= DOCUMENT_PAGES else rng.sample(ids, DOCUMENT_PAGES)
    return [d.get_absolute_url() for d in Document.objects.filter(pk__in=picks).order_by("pk")
            .only("pk", "symbol", "symbol_key", "slug")]


def _comparisons() -> list[str]:
    from django.urls import reverse

    from resolutions.models import Document

    revisions = Document.objects.filter(symbol_key__endswith="/REV.1").order_by("pk").values_list("pk", "symbol_key")
    out = []
    for pk, key in revisions[:COMPARISONS * 3]:
        draft = Document.objects.filter(symbol_key=key[: -len("/REV.1")]).values_list("pk", flat=True).first()
        if draft:
            out.append(reverse("lineage:compare", args=[draft, pk]))
        if len(out) == COMPARISONS:
            break
    return out


def _agreed(rng: random.Random) -> list[str]:
    from django.urls import reverse

    from resolutions.models import Paragraph

    ids = list(Paragraph.objects.filter(kind="operative").order_by("pk").values_list("pk", flat=True)[:20000])
    out = []
    for pk in rng.sample(ids, min(AGREED_TEXTS, len(ids))):
        words = Paragraph.objects.get(pk=pk).text.split()[:25]
        if len(words) > 6:
            words[rng.randrange(3, len(words))] = "notably"
        out.append(f"{reverse('lineage:agreed_language')}?{urlencode({'q': ' '.join(words)})}")
    return out


def _feeds() -> list[str]:
    from django.db.models import Count

    from resolutions.models import AgendaItem, MemberState

    out = ["/feeds/search/?q=trafficking", "/feeds/search/?q=development"]
    states = MemberState.objects.annotate(n=Count("sponsorships")).filter(n__gt=0).order_by("-n", "pk")[:FEEDS_EACH]
    out += [f"/feeds/states/{state.slug}/" for state in states]
    items = AgendaItem.objects.annotate(n=Count("documents")).filter(n__gt=0).order_by("-n", "pk")[:FEEDS_EACH]
    out += [f"/feeds/agenda-items/{item.pk}/" for item in items]
    return out


def build_plan(think: float = 0.0) -> dict:
    """{"urls": {kind: [path, ...]}, "weights": {kind: weight}, "think": seconds}; a kind with no URL (an archive
    without revisions has no comparison) is left out."""
    from django.urls import reverse

    from bench.queries import query_mix
    from resolutions.models import Document

    rng = random.Random(8)
    mix = query_mix()
    documents = _documents(rng)
    ids = list(Document.objects.order_by("pk").values_list("pk", flat=True))
    api_documents = [reverse("api:document-detail", args=[pk]) for pk in ids[:: max(1, len(ids) // 20)][:20]]
    urls = {
        "search page": [f"{reverse('resolutions:search')}?{urlencode(item.params())}" for item in mix],
        "document page": documents,
        "comparison page": _comparisons(),
        "agreed language": _agreed(rng),
        "API": [f"{reverse('api:search')}?{urlencode(item.params())}" for item in mix] + api_documents,
        "feed": _feeds(),
    }
    urls = {kind: paths for kind, paths in urls.items() if paths}
    return {"urls": urls, "weights": {kind: WEIGHTS[kind] for kind in urls}, "think": think}


def warm_up_urls(plan: dict) -> list[str]:
    """Every URL of the plan once (documents: the first 40), so that every worker has loaded its code."""
    out = []
    for kind, paths in plan["urls"].items():
        out += paths[:40] if kind == "document page" else paths
    return out
