"""The document page's cache: a rendered page is kept until something it shows changes.

A page is stored under its document and what varies between two requests for it (the text's language and the
language beside it, the scheme and host the page prints in its "cite as" line), together with the **stamps** it was
built under.  A stamp is a random token kept in the same cache; a write that changes what a page shows *forgets* the
stamp (``pages_changed``), so the next reader draws a new token, finds the stored page built under another, and
builds it again (replacing the entry).  One query reads the stamps and the stored page together.  Who forgets which
stamps is decided by the writes themselves (``services.documents.document_changed`` and the others that call
``pages_changed``); this module only keeps the tokens, so it imports nothing of the project.

Three stamps date a page:
- the document's own: its text, metadata, sponsors, votes, languages, its citations' targets, who cites it, its
  versions and series panel (forgotten for the document and the documents whose pages show it);
- the network's: the citation network panel draws the document's neighbourhood to depth 2 with every node's count
  and the thematic clusters, which any ingestion elsewhere may change; so the panel is cached apart, under the
  network's one stamp, forgotten by every change to the network (each ``document_changed``, each deletion, each
  refresh of the clusters), and pasted into the page (``NETWORK_SLOT``);
- the archive's: forgotten by the rare staff edits that show on many pages (a member state's name, an agenda item's
  title, a series' title, a version link), so those need no list of the pages they touch.

Why forget *after the commit* (``transaction.on_commit``): a reader reads the stamp first and the rows after; a stamp
forgotten before the rows are visible could be drawn again by a reader that still sees the old rows, and that page
would stay.  Forgotten after the commit, any page built from the old rows sits under a token nobody draws again.
A stamp lost from the cache (culled, expired) is only a new token: a miss, never a stale page.

Staff (logged-in users) are never served from the cache and their pages are never stored, so nothing staff see is
shown to the public and the reverse.
"""
from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import router, transaction

ALIAS = "pages"
NETWORK = "network"
ARCHIVE = "archive"
# Where the network panel goes in a stored page: an HTML comment no document text can produce (texts are escaped).
NETWORK_SLOT = "<!--network-panel:8f1c2e-->"


def _cache():
    return caches[ALIAS]


def enabled() -> bool:
    return getattr(settings, "ARCHIVE_PAGE_CACHE", True)


def _stamp_key(name) -> str:
    return f"stamp:{name}"


def _timeout() -> int:
    return int(getattr(settings, "ARCHIVE_PAGE_CACHE_SECONDS", 86_400))


@dataclass
class Cached:
    """What one read of the cache found for a page: the stamps now, and the page and its network panel when they
    were stored under those very stamps (None otherwise: to build)."""
    document_id: int
    variant_key: str
    stamps: dict
    page: str | None
    network: str | None

    def keys(self) -> tuple[str, str]:
        return f"page:{self.document_id}:{self.variant_key}", f"network:{self.document_id}"

    def page_stamps(self) -> tuple:
        return self.stamps[self.document_id], self.stamps[ARCHIVE]

    def network_stamps(self) -> tuple:
        return self.stamps[NETWORK], self.stamps[ARCHIVE]


def read(document_id: int, variant: tuple) -> Cached:
    """One query: the three stamps, the page in this variant and the network panel, each kept only if stored under
    the stamps read now.  A page's entry holds the stamps it was built under, so a page built again replaces its
    entry rather than leaving the old one under a dead key."""
    digest = hashlib.sha256(repr(variant).encode()).hexdigest()[:24]
    cached = Cached(document_id, digest, {}, None, None)
    names = [document_id, NETWORK, ARCHIVE]
    page_key, network_key = cached.keys()
    found = _cache().get_many([*(_stamp_key(name) for name in names), page_key, network_key])
    cached.stamps = {name: found.get(_stamp_key(name)) for name in names}
    if None in cached.stamps.values():
        return cached          # a stamp forgotten: nothing stored can be current
    page, network = found.get(page_key), found.get(network_key)
    if page is not None and page[0] == cached.page_stamps():
        cached.page = page[1]
    if network is not None and network[0] == cached.network_stamps():
        cached.network = network[1]
    return cached


def draw_missing_stamps(cached: Cached) -> None:
    """A new token for each stamp the cache did not have (before the page's rows are read: see the module)."""
    cache = _cache()
    for name, token in cached.stamps.items():
        if token is None:
            # add() keeps the first token drawn when two readers race; the one whose token was not kept reads the
            # other's (a page stored under a token nobody keeps is only never read).
            # A stamp lives as long as a page: one that never expired would, past MAX_ENTRIES, have the culling
            # delete the pages to keep the stamps of every document ever read.
            key, token = _stamp_key(name), secrets.token_hex(8)
            if not cache.add(key, token, _timeout()):
                token = cache.get(key) or token
            cached.stamps[name] = token


def store(cached: Cached, page: str | None, network: str | None) -> None:
    """Keep what was built, each under the stamps it was built under."""
    page_key, network_key = cached.keys()
    entries = {}
    if page is not None and "csrfmiddlewaretoken" in page:
        page = None           # a form with one visitor's CSRF token is never shown to another
    if page is not None:
        entries[page_key] = (cached.page_stamps(), page)
    if network is not None:
        entries[network_key] = (cached.network_stamps(), network)
    if entries:
        _cache().set_many(entries, _timeout())


@dataclass
class CachedComparison:
    """A comparison page (resolutions.lineage.views.compare) as one read found it: the stamps of both documents, the
    network's and the archive's, and the page when it was stored under those very stamps.  The network's stamp is
    forgotten by every change to any document, and a comparison shows its paragraphs' first appearances, which any
    document may change."""
    key: str
    stamps: dict
    page: str | None = None


def read_comparison(a_id: int, b_id: int, variant: tuple) -> CachedComparison:
    """One query: the four stamps and the comparison in this variant."""
    digest = hashlib.sha256(repr(variant).encode()).hexdigest()[:24]
    names = [a_id, b_id, NETWORK, ARCHIVE]
    key = f"compare:{a_id}:{b_id}:{digest}"
    found = _cache().get_many([*(_stamp_key(name) for name in names), key])
    cached = CachedComparison(key, {name: found.get(_stamp_key(name)) for name in names})
    entry = found.get(key)
    if None not in cached.stamps.values() and entry is not None and entry[0] == tuple(cached.stamps.values()):
        cached.page = entry[1]
    return cached


def store_comparison(cached: CachedComparison, page: str) -> None:
    _cache().set(cached.key, (tuple(cached.stamps.values()), page), _timeout())


# ---------------------------------------------------------------------------
# The writes' side


def _forget(names: list) -> None:
    keys = [_stamp_key(name) for name in names]
    if keys:
        transaction.on_commit(lambda: _cache().delete_many(keys))


def pages_changed(document_ids: Iterable[int | None]) -> None:
    """The pages of these documents show something that changed (after the current transaction commits)."""
    _forget(sorted({pk for pk in document_ids if pk is not None}))


def network_changed() -> None:
    """The citation network changed: every page's network panel is built again when next read."""
    _forget([NETWORK])


def every_page_changed(database: str | None = None) -> None:
    """Something shown on many pages changed (a state's name, an agenda item's or a series' title, a new release's
    templates).  ``database``: only when the cache's table lives there (a migrate of another database)."""
    model = getattr(_cache(), "cache_model_class", None)     # the database cache's
    if database is not None and model is not None and router.db_for_write(model) != database:
        return
    _forget([ARCHIVE, NETWORK])
