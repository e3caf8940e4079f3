"""Django's database cache with one statement per write, for the document pages (settings.CACHES["pages"]).

Django's ``DatabaseCache`` writes an entry in five statements (a ``COUNT(*)`` of the whole table to decide on culling,
then a transaction with a ``SELECT`` and an ``INSERT`` or ``UPDATE``), once per key of a ``set_many``.  A page built
on a miss stores two entries (the page and its network panel), and a forgotten stamp is drawn with ``add``: fifteen
statements on a first view.  Here a ``set_many`` is one ``INSERT ... ON CONFLICT DO UPDATE`` for every key, an ``add``
one ``INSERT ... ON CONFLICT DO UPDATE ... WHERE`` the row there has expired (what ``add`` means), and the table is
counted, and culled as Django culls it, at one write in ``CULL_EVERY`` rather than at each: the table may pass
``MAX_ENTRIES`` by a few dozen entries between two counts.  Reads, deletes and the table itself are Django's.
PostgreSQL only (``ON CONFLICT``), as the archive is.
"""
from __future__ import annotations

import base64
import pickle
import random
from datetime import datetime, timezone

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils.timezone import now as tz_now

CULL_EVERY = 20


class PageCache(DatabaseCache):
    def _rows(self, data: dict, timeout, version) -> list:
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=timezone.utc if settings.USE_TZ else None)
        expires = expires.replace(microsecond=0)
        rows = []
        for key, value in data.items():
            pickled = pickle.dumps(value, self.pickle_protocol)
            rows.append((self.make_and_validate_key(key, version=version),
                         base64.b64encode(pickled).decode("latin1"), expires))
        return rows

    def _write(self, rows: list, *, only_expired: bool) -> int:
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        now = tz_now().replace(microsecond=0)
        adapt = connection.ops.adapt_datetimefield_value
        values = ", ".join(["(%s, %s, %s)"] * len(rows))
        params = [item for key, value, expires in rows for item in (key, value, adapt(expires))]
        sql = (f"INSERT INTO {table} (cache_key, value, expires) VALUES {values} "
               "ON CONFLICT (cache_key) DO UPDATE SET value = EXCLUDED.value, expires = EXCLUDED.expires")
        if only_expired:
            sql += f" WHERE {table}.expires < %s"
            params.append(adapt(now))
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            written = cursor.rowcount
            if random.randrange(CULL_EVERY) == 0:
                cursor.execute(f"SELECT COUNT(*) FROM {table}")
                count = cursor.fetchone()[0]
                if count > self._max_entries:
                    self._cull(db, cursor, now, count)
        return written

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.set_many({key: value}, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if data:
            self._write(self._rows(data, timeout, version), only_expired=False)
        return []

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """True when the value was stored: the key was absent, or its entry had expired."""
        return self._write(self._rows({key: value}, timeout, version), only_expired=True) == 1
