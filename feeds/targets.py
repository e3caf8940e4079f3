"""What can be followed, by Atom feed (this app) or by e-mail alert (``alerts``): a search, a member state, an agenda
item, a series, a body, or the documents citing one document.

A ``Target`` says which documents it covers (a filtered Document queryset and, for a search, its text query) and
where its page and feed are. A search is read through the one input boundary of search (``read_search``), so a
feed or an alert of a search accepts exactly the page's query and filters. Every target is found by its kind and
key (``find``): the feed's and the alert's URLs carry nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils.text import slugify

from resolutions.lineage.sponsors import sponsored_documents
from resolutions.models import AgendaItem, Citation, Document, DocumentAgendaItem, MemberState, Series
from resolutions.search import ParsedQuery, has_terms, match_paragraphs, read_search
from resolutions.search.query import without_terms
from votes.models import VoteRecord

KINDS = ("search", "state", "agenda", "series", "body", "citing")
# Filters only paragraphs have: a search that uses them follows the documents holding such a paragraph.
PARAGRAPH_ONLY = ("kind", "lead")
MAX_ID = 2**62          # a number past any id finds nothing (never a database error)
MAX_BODY_NAMES = 200    # distinct bodies read to find one by its slug (the archive has a handful)


@dataclass
class Target:
    kind: str                  # one of KINDS
    key: str                   # the state's or series' slug, the agenda item's or cited document's number, the
                               # body's slug, or the search's parameters as a query string
    title: str                 # what is followed, in words: "Member state: France"
    page_url: str              # the page the target is read on (a path)
    documents: object          # Document queryset: the documents followed, before any text query
    query: ParsedQuery = field(default_factory=lambda: ParsedQuery(text=""))
    state: MemberState | None = None       # for the entries' summaries
    cited: Document | None = None

    @property
    def feed_url(self) -> str:
        if self.kind == "search":
            return reverse("feeds:search") + (f"?{self.key}" if self.key else "")
        return reverse(f"feeds:{self.kind}", args=[self.key])


def search(data) -> Target:
    """A search's target, from request parameters (a QueryDict or a dict), read as the search page reads them."""
    inputs = read_search(data)
    params = {name: value for name, value in inputs.params.items() if name not in ("sort", "page")}
    key = urlencode(sorted(params.items()))
    query = inputs.query
    if not query.is_empty and not has_terms(query):
        query = without_terms(query)      # no indexable word: the filters alone decide, as on the page
    documents = inputs.documents
    if any(name in params for name in PARAGRAPH_ONLY) or params.get("mode") == "paragraphs":
        documents = documents.filter(pk__in=match_paragraphs(inputs.paragraphs, query).values("document_id"))
    words = [f"“{params['q']}”"] if "q" in params else []
    words += [f"{name} {value}" for name, value in sorted(params.items()) if name not in ("q", "mode")]
    title = "Search: " + (", ".join(words) if words else "every document")
    page = reverse("resolutions:search") + (f"?{key}" if key else "")
    return Target("search", key, title, page, documents, query)


def state(slug: str) -> Target | None:
    """The documents a state sponsored (those adopted from a draft it sponsored included, as on its page), and those
    it voted on when the vote is stored."""
    found = MemberState.objects.filter(slug=slug).first()
    if found is None:
        return None
    sponsored = sponsored_documents(found.pk)
    voted = VoteRecord.objects.filter(document__isnull=False, state_votes__state=found).values("document_id")
    documents = Document.objects.filter(Q(pk__in=sponsored) | Q(pk__in=voted))
    return Target("state", found.slug, f"Member state: {found.name}",
                  reverse("resolutions:state", args=[found.slug]), documents, state=found)


def agenda(pk: int) -> Target | None:
    if not 0 < pk <= MAX_ID:
        return None
    item = AgendaItem.objects.filter(pk=pk).first()
    if item is None:
        return None
    documents = Document.objects.filter(pk__in=DocumentAgendaItem.objects.filter(agenda_item=item)
                                        .values("document_id"))
    return Target("agenda", str(item.pk), f"Agenda item: {item}", reverse("resolutions:search") + f"?agenda={item.pk}",
                  documents)


def series(slug: str) -> Target | None:
    found = Series.objects.filter(slug=slug).first()
    if found is None:
        return None
    return Target("series", found.slug, f"Series: {found.title}", reverse("lineage:series", args=[found.slug]),
                  Document.objects.filter(series=found))


def body(slug: str) -> Target | None:
    names = (Document.objects.exclude(body="").order_by("body").values_list("body", flat=True)
             .distinct()[:MAX_BODY_NAMES])
    name = next((name for name in names if slugify(name) == slug), None)
    if name is None:
        return None
    return Target("body", slug, f"Body: {name}", reverse("resolutions:search") + "?" + urlencode({"body": name}),
                  Document.objects.filter(body=name))


def citing(pk: int) -> Target | None:
    """The documents whose citations resolve to document ``pk``."""
    if not 0 < pk <= MAX_ID:
        return None
    cited = Document.objects.filter(pk=pk).only("pk", "symbol", "symbol_key", "slug", "title", "subject").first()
    if cited is None:
        return None
    citing_ids = Citation.objects.filter(target_document=cited).values("document_id")
    return Target("citing", str(cited.pk), f"Documents citing {cited.symbol or cited.display_title[:80]}",
                  cited.get_absolute_url(), Document.objects.filter(pk__in=citing_ids).exclude(pk=cited.pk),
                  cited=cited)


def find(kind: str, key: str) -> Target | None:
    """The target of this kind and key, or None when there is none (the key is untrusted input)."""
    if kind == "search":
        return search(QueryDict(key))
    if kind in ("agenda", "citing"):
        if not (key.isascii() and key.isdigit()) or len(key) > 19:
            return None
        return agenda(int(key)) if kind == "agenda" else citing(int(key))
    if kind in ("state", "series", "body"):
        return {"state": state, "series": series, "body": body}[kind](key)
    return None
