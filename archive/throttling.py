"""Per-client rate limits counted in the cache every process shares (issue 18).

DRF's ``SimpleRateThrottle`` keeps each client's recent request times in Django's cache.  Two things made
that dodgeable: its default identity is the whole ``X-Forwarded-For`` header (anyone can send a new one with
every request), and the cache was each gunicorn worker's own memory (each counted apart).  Here the identity is
:func:`archive.client_address.rate_limit_ident` and the cache is the database cache on the archive's own
PostgreSQL (``CACHES`` in settings), which every worker on every machine reads.

DRF reads a history, appends to it and writes it back; two workers doing that at once for one client would
each write their own list and lose the other's request.  :meth:`SharedRateThrottle.allow_request` therefore
holds a PostgreSQL advisory lock on the client's key for that read-modify-write, so the count is exact however
many processes serve the client at once (the lock is released at the end of that short transaction).

Rates are read from ``settings.ARCHIVE_RATE_LIMITS`` on every request (``"120/minute"`` etc., each from the
environment), so a test or a deployment changes them without touching code.  Signed-in staff are never
throttled; a signed-in account that is not staff counts like an anonymous client (the archive has no public
accounts, so such an account earns no extra allowance).
"""
from __future__ import annotations

import math
from contextlib import contextmanager, nullcontext

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from rest_framework.throttling import SimpleRateThrottle

from archive.client_address import rate_limit_ident


def is_staff(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff)


@contextmanager
def _database_lock(cache, key: str):
    """Serialise the read-modify-write of ``key`` across processes (an advisory lock held for one transaction)."""
    alias = router.db_for_write(cache.cache_model_class)
    with transaction.atomic(using=alias):
        with connections[alias].cursor() as cursor:
            # hashtext() is PostgreSQL's own string hash (no extension); a collision only makes two
            # clients wait for each other for a moment.
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"archive-throttle:{key}"])
            # A count needs no durability: the commit need not wait for the disk (about 10 ms of every request
            # here). A crash loses at most the last moment's counts; nothing else is written in this transaction.
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield


class SharedRateThrottle(SimpleRateThrottle):
    """A DRF throttle for one ``scope`` of ``settings.ARCHIVE_RATE_LIMITS``, counted per client in the shared cache.

    Usable outside DRF too (the heavy-page budget): ``allow_request`` needs only ``request.user`` and
    ``request.META``.
    """

    scope = None
    cache_alias = "default"

    def __init__(self):
        self.cache = caches[self.cache_alias]
        super().__init__()

    def get_rate(self):
        # Read at each request, not at import as DRF's THROTTLE_RATES is: settings may change (tests, reloads).
        return settings.ARCHIVE_RATE_LIMITS.get(self.scope) or None   # empty: no limit

    def get_ident(self, request):
        return rate_limit_ident(request)

    def get_cache_key(self, request, view):
        if is_staff(request):
            return None   # SimpleRateThrottle lets a request with no key through
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        lock = _database_lock(self.cache, key) if isinstance(self.cache, DatabaseCache) else nullcontext()
        with lock:
            return super().allow_request(request, view)

    def retry_after(self) -> int:
        """Whole seconds until this client may ask again (after a refusal), at least 1."""
        return max(1, math.ceil(self.wait() or 0))
