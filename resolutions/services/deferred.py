"""The follow-up of many document changes done once per group of documents, set-based (the bulk load).

``services.documents.document_changed`` does, after every change to one document, work of two kinds:

* work whose result depends on *when* it runs, on which documents are stored at that moment (series and version
  links, citations waiting for the document, citations to a symbol it no longer has): always done at once, per
  document, in the order of the files;
* work whose result is a function of the rows as they end up (the document's search vector, the citation
  network's links and counts, each operative paragraph's action and addressees, the page cache's entries), and one
  that adds up (the 'did you mean' word counts, added once per change): the bulk load (``ingestion.bulk``) defers these inside
  ``deferring()``; ``flush()`` runs them for every document changed since the last flush, a few statements for
  the lot, before the group's transaction commits.

The result is the one-by-one result: a deferred step that reads the final rows gives what its last per-document
run gave (each citation that changes is followed by a change of one of its two documents, so the links between
two documents are rebuilt from the same citations), and the word counts, which add up the document's text at
each change, are counted before the document's rows change again (``before_change``).
"""
from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator

from django.db import connection

from addressees.services import address_documents
from network.services import network_changed_many
from network.tasks import request_cluster_refresh
from resolutions import page_cache
from resolutions.services import indexing

_active: "Deferred | None" = None


class Deferred:
    """The documents changed since the last flush, each with the number of changes (the word counts add up)."""

    def __init__(self) -> None:
        self.changes: Counter[int] = Counter()
        self.state_index = None       # the member states by name, read once for the load (the table is static)
        self.agenda_items: dict = {}  # (body, session, number) -> AgendaItem, looked up or created in this group
        # Addressing read ahead (by a parsing process) from the values of the parse being stored, by row order;
        # ``known`` keeps it for each document whose rows hold exactly those values (None: read them at the flush).
        self.addressing: dict | None = None
        self.known: dict[int, dict | None] = {}
        self._written: dict[int, dict | None] = {}
        self._changes_before: Counter[int] = Counter()

    def file_started(self, addressing: dict | None) -> None:
        """A file's store begins in a savepoint of its own; ``addressing``: read ahead from its parse."""
        self.addressing = addressing
        self._changes_before = Counter(self.changes)

    def rows_written(self, document_id: int) -> None:
        """The store wrote the document's paragraph rows from the parse in hand (``addressing`` is theirs)."""
        self._written[document_id] = self.addressing

    def file_done(self, stored: bool) -> None:
        """The file's store committed (its savepoint released) or rolled back: what it wrote holds, or not."""
        if stored:
            self.known.update(self._written)
        else:   # what the file counted, created or changed went with its savepoint
            self.agenda_items.clear()
            self.changes = self._changes_before
        self._written = {}
        self.addressing = None

    def changed(self, document_id: int) -> None:
        self.changes[document_id] += 1

    def before_change(self, document_id: int | None) -> None:
        """The document's rows are about to change again: count its words as they were at each earlier change."""
        times = self.changes.get(document_id, 0)
        if times:
            with connection.cursor() as cursor:
                indexing.count_search_terms_many(cursor, [document_id], times=times)
            # The other steps read the final rows: they still run at the flush, once.
            self.changes[document_id] = 0

    def flush(self) -> int:
        """Run the deferred steps for every document changed since the last flush; returns how many."""
        ids = sorted(self.changes)
        if not ids:
            return 0
        with connection.cursor() as cursor:
            indexing.index_documents(cursor, ids)
            by_times: dict[int, list[int]] = {}
            for pk, times in self.changes.items():
                if times:
                    by_times.setdefault(times, []).append(pk)
            for times, group in sorted(by_times.items()):
                indexing.count_search_terms_many(cursor, sorted(group), times=times)
        network_changed_many(ids)
        address_documents(ids, known={pk: self.known[pk] for pk in ids if self.known.get(pk) is not None})
        self.known.clear()
        # Cheaper than asking, document by document, which pages show what changed; a load is no time to serve
        # from the cache anyway.
        page_cache.every_page_changed()
        self.changes.clear()
        return len(ids)


def active() -> Deferred | None:
    """The deferral in force in this process (a bulk load), or None (every change followed up at once)."""
    return _active


@contextlib.contextmanager
def deferring(*, refresh: bool = True) -> Iterator[Deferred]:
    """Defer the order-free follow-up steps of ``document_changed`` until ``flush()``; the thematic clusters are
    asked for once, at the end (``refresh``; they are recomputed whole in the background anyway)."""
    global _active
    if _active is not None:
        raise RuntimeError("A deferral is already in force in this process.")
    _active = Deferred()
    try:
        yield _active
    finally:
        _active = None
    if refresh:
        request_cluster_refresh()
