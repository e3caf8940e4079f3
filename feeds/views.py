"""Atom feeds (RFC 4287, Django's syndication framework): a search, a member state, an agenda item, a series, a body,
the documents citing a document. Each entry is a document at its citable address, newest stored first."""
from __future__ import annotations

import hashlib

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from resolutions.page_budget import heavy_page

from . import selectors, targets

AUTHOR = "UN Resolutions Archive"


class TargetFeed(Feed):
    """One feed class for every target; the view hands it the target (``get_object``)."""

    feed_type = Atom1Feed
    author_name = AUTHOR

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, target=None):
        target.entries = selectors.entries(target)
        return target

    def title(self, target):
        return f"{target.title} — {AUTHOR}"

    def subtitle(self, target):
        return f"{target.title}: the documents most recently added to the archive, newest first."

    def link(self, target):
        return target.page_url

    def feed_url(self, target):
        return target.feed_url

    def feed_guid(self, target):
        # The feed's atom:id: its own absolute address (stable, and unique to this target).
        return self.request.build_absolute_uri(target.feed_url)

    def items(self, target):
        return target.entries

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.document.get_absolute_url()

    def item_guid(self, entry):
        # The entry's atom:id: the document's citable address, the same in every feed it appears in.
        return self.request.build_absolute_uri(entry.document.get_absolute_url())

    item_guid_is_permalink = True

    def item_description(self, entry):
        return entry.summary_html(self.request.build_absolute_uri("/").rstrip("/"))

    def item_pubdate(self, entry):
        return entry.document.created_at

    def item_updateddate(self, entry):
        return entry.document.updated_at

    def item_categories(self, entry):
        return [x for x in (entry.document.body, entry.document.document_type) if x]


_FEED = TargetFeed()


def _respond(request, target):
    """The feed, with an ETag of its content: a reader that polls gets a 304 when nothing changed (a feed's
    ``updated`` is its newest entry's, so the same entries give the same bytes)."""
    if target is None:
        raise Http404("Nothing to follow here.")
    response = _FEED(request, target=target)
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response["ETag"] = etag
    return get_conditional_response(request, etag=etag, response=response)


@require_safe
@heavy_page      # a search feed runs a search: the same per-client budget as the search page
def search_feed(request):
    return _respond(request, targets.search(request.GET))


@require_safe
def state_feed(request, slug):
    return _respond(request, targets.state(slug))


@require_safe
def agenda_feed(request, pk):
    return _respond(request, targets.agenda(pk))


@require_safe
def series_feed(request, slug):
    return _respond(request, targets.series(slug))


@require_safe
def body_feed(request, slug):
    return _respond(request, targets.body(slug))


@require_safe
def citing_feed(request, pk):
    return _respond(request, targets.citing(pk))
