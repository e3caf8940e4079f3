"""The document page's cache: a rendered page is kept until something it shows changes.

A page is stored under a key made of the document's **stamp** and what varies between two requests for it (the
text's language and the language beside it, the scheme and host the page prints in its "cite as" line).  A stamp is
a random token kept in the same cache; a write that changes what a page shows *forgets* the stamp (``pages_changed``),
so the next reader draws a new token and every page stored under the old one is never read again (and ages out of
the cache: entries live ``ARCHIVE_PAGE_CACHE_SECONDS``).  Who forgets which stamps is decided by the writes
themselves (``services.documents.document_changed`` and the others that call ``pages_changed``); this module only
keeps the tokens, so it imports nothing of the project.

Three stamps make a page's key:
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

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

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


def stamps(document_id: int) -> tuple[str, str, str]:
    """The document's, the network's and the archive's stamps, drawn anew where the cache has none."""
    names = [document_id, NETWORK, ARCHIVE]
    cache = _cache()
    found = cache.get_many([_stamp_key(name) for name in names])
    tokens = []
    for name in names:
        key = _stamp_key(name)
        token = found.get(key)
        if token is None:
            # add() keeps the first token drawn when two readers race; the one whose token was not kept reads the
            # other's (a page stored under a token nobody keeps is only never read).
            token = secrets.token_hex(8)
            if not cache.add(key, token, None):
                token = cache.get(key) or token
        tokens.append(token)
    return tuple(tokens)


def page_keys(document_id: int, stamp: tuple[str, str, str], variant: tuple) -> tuple[str, str]:
    """The keys of the page without its network panel, and of the panel."""
    own, network, archive = stamp
    digest = hashlib.sha256(repr(variant).encode()).hexdigest()[:24]
    return f"page:{document_id}:{own}:{archive}:{digest}", f"network:{document_id}:{network}:{archive}"


def read(keys: tuple[str, str]) -> tuple[str | None, str | None]:
    found = _cache().get_many(list(keys))
    return found.get(keys[0]), found.get(keys[1])


def store(entries: dict[str, str]) -> None:
    _cache().set_many(entries, _timeout())


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


def every_page_changed() -> None:
    """Something shown on many pages changed (a state's name, an agenda item's or a series' title)."""
    _forget([ARCHIVE, NETWORK])
