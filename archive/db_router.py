"""PostgreSQL read replicas for the public side: settings, a database router and a middleware.

``DATABASE_REPLICA_URLS`` (comma-separated database URLs, read like ``DATABASE_URL``) adds the
aliases ``replica_1`` .. ``replica_N`` (see :func:`replica_databases`); settings then install
:class:`ReplicaRouter` and :class:`ReplicaReadsMiddleware`.  With the variable unset nothing of
this is installed and every query goes to ``default``, as before.

Reads go to a replica only when it is safe, so replica lag can never hide a write:

* **Opt-in per request.**  Replica reads are switched on only by the middleware, and only for a
  public read: a GET/HEAD/OPTIONS request outside the admin from a visitor who is not logged in.
  Everything else reads from the primary: staff requests (logged-in users are staff, and they
  are the ones who write: an upload followed by the status page, an edit followed by the public
  document page), the admin, every management command, the ingestion workers (``db_worker``
  claims tasks with ``SELECT ... FOR UPDATE`` on the queryset's read alias: that must be the
  primary), tests, the shell.  Opt-in rather than opt-out because a forgotten corner then costs
  only some load on the primary, never a stale or wrong read.
* **Inside a transaction**, reads go to the primary even in a public request (a read that
  decides a write must see the primary's data).
* **The queue, sessions, users, login attempts and the rate limits' cache** (django_tasks_db,
  sessions, auth, axes, admin, django_cache) always read from the primary: a session written at
  login must be found by the next request, and a lockout or a rate limit must count every request.
* An object read from the primary keeps reading its relations there.
* One replica per request (chosen at random), so the queries of one page all see the same moment.

All writes go to ``default``; migrations run only there (replicas follow by replication);
relations between objects of different aliases are allowed, as all hold the same data.
"""
from __future__ import annotations

import contextvars
import random
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT = "default"
REPLICA_PREFIX = "replica_"

# Apps whose rows must always be read fresh (see the module docstring).
# (App labels: django-tasks-db registers its models under "django_tasks_database".)
# "django_cache" is the database cache (settings.CACHES) that holds the rate limits' counts: a count read from a
# lagging replica would let a client through.
PRIMARY_ONLY_APPS = frozenset({"django_tasks_database", "sessions", "auth", "axes", "admin", "django_cache"})

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# The replica this piece of work reads from, or None: read the primary.  One replica per request, so
# a page's queries all see the same moment even when replicas lag by different amounts.
_replica: contextvars.ContextVar[str | None] = contextvars.ContextVar("archive_replica", default=None)


# ---------------------------------------------------------------------------
# Settings


def replica_databases(value: str, *, conn_max_age: int = 60) -> dict[str, dict]:
    """``DATABASE_REPLICA_URLS`` as DATABASES entries: {"replica_1": {...}, "replica_2": {...}}.

    Each URL is parsed like DATABASE_URL (dj-database-url).  Every replica gets
    ``TEST: {"MIRROR": "default"}``: under the test runner it reads the test database
    itself (Django's documented way to test replicas) and no test database is created on it.
    Blank entries are skipped; an unreadable URL stops start-up with a message naming it.
    """
    import dj_database_url
    from django.core.exceptions import ImproperlyConfigured

    urls = [url.strip() for url in (value or "").split(",") if url.strip()]
    databases = {}
    for number, url in enumerate(urls, start=1):
        try:
            config = dj_database_url.parse(url, conn_max_age=conn_max_age)
        except (ValueError, KeyError) as exc:
            raise ImproperlyConfigured(
                f"DATABASE_REPLICA_URLS: entry {number} is not a database URL ({exc})."
            ) from exc
        if config.get("ENGINE") != "django.db.backends.postgresql":
            raise ImproperlyConfigured(f"DATABASE_REPLICA_URLS: entry {number} is not a PostgreSQL URL.")
        if not config.get("NAME"):
            raise ImproperlyConfigured(f"DATABASE_REPLICA_URLS: entry {number} names no database.")
        config["TEST"] = {"MIRROR": DEFAULT}
        databases[f"{REPLICA_PREFIX}{number}"] = config
    return databases


def replica_aliases() -> list[str]:
    """The configured replica aliases (replica_1 .. replica_N), in order."""
    from django.db import connections

    return sorted((alias for alias in connections.settings if alias.startswith(REPLICA_PREFIX)),
                  key=lambda alias: int(alias[len(REPLICA_PREFIX):]) if alias[len(REPLICA_PREFIX):].isdigit() else 0)


# ---------------------------------------------------------------------------
# Switching replica reads on for a piece of work


def current_replica() -> str | None:
    """The replica reads go to here, or None (the primary)."""
    return _replica.get()


@contextmanager
def replica_reads(alias: str | None = None) -> Iterator[str | None]:
    """Let reads in this block go to one replica (``alias``, else one chosen at random); the middleware
    does this for public requests.  Without replicas configured it changes nothing."""
    replicas = replica_aliases()
    chosen = alias if alias in replicas else (random.choice(replicas) if replicas else None)
    previous = _replica.get()
    _replica.set(chosen)
    try:
        yield chosen
    finally:
        _replica.set(previous)


def connection_for_read(model):
    """The connection a raw-SQL read of ``model``'s rows should use (``django.db.connection`` is always the primary)."""
    from django.db import connections, router

    return connections[router.db_for_read(model)]


def _iterate_with_replica_reads(iterator, alias: str):
    # A streamed response (the search exports) is read after the view has returned: keep the
    # request's replica while its rows are produced.
    with replica_reads(alias):
        yield from iterator


# ---------------------------------------------------------------------------
# Router


class ReplicaRouter:
    """Reads of public requests to that request's replica, everything else to ``default``."""

    def db_for_read(self, model, **hints):
        replica = _replica.get()
        if replica is None:
            return None  # Django's own choice: the instance's database, else default
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT
        from django.db import connections

        if connections[DEFAULT].in_atomic_block:
            return DEFAULT
        instance = hints.get("instance")
        if instance is not None and instance._state.db:
            return instance._state.db
        return replica

    def db_for_write(self, model, **hints):
        return DEFAULT

    def allow_relation(self, obj1, obj2, **hints):
        databases = {DEFAULT, *replica_aliases()}
        if obj1._state.db in databases and obj2._state.db in databases:
            return True  # the same data on every alias
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if db.startswith(REPLICA_PREFIX):
            return False  # a replica receives the schema from the primary by replication
        return None


# ---------------------------------------------------------------------------
# Middleware


def is_public_read(request) -> bool:
    """A request whose reads may go to a replica: a safe method, outside the admin, from an anonymous visitor."""
    if request.method not in SAFE_METHODS:
        return False
    from django.urls import NoReverseMatch, reverse

    try:
        admin_prefix = reverse("admin:index")
    except NoReverseMatch:
        admin_prefix = None
    if admin_prefix and request.path.startswith(admin_prefix):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class ReplicaReadsMiddleware:
    """Switches replica reads on for public reads (after AuthenticationMiddleware: it asks who the user is).

    The user and the session are read before replica reads are switched on, so both come
    from the primary.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_public_read(request):
            return self.get_response(request)
        with replica_reads() as replica:
            response = self.get_response(request)
        if replica and getattr(response, "streaming", False) and not getattr(response, "is_async", False):
            response.streaming_content = _iterate_with_replica_reads(response.streaming_content, replica)
        return response
