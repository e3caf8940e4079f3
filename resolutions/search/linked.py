"""A text query filtered through link tables (a sponsor, an agenda item, a state's vote, an adoption type): which side
is read first.

Through a link table PostgreSQL joins the filter's documents to the word row by row: it tests ``@@`` on each filtered
document, decompressing its vector, because it prices the test as one cheap call, and a GIN bitmap cannot be ANDed
with a join. ``States`` with a sponsor of 11,550 of 99,000 documents made 11,550 such tests: 0.25-0.4 s. Two orders
are cheap, each in its own case, and the statement is written so that PostgreSQL keeps the one chosen here:

* **documents first**, for a word in many of the filter's documents: the filter's documents dated within a window of
  the newest documents, wide enough to hold ``window_factor`` x ``keep`` matches, are chosen first (behind a fence:
  a subquery with ``OFFSET 0`` is planned on its own), and only they are tested; the total is then the planner's
  estimate, as for any window (``statement.py``);
* **words first**, for a word in few documents: the documents the GIN index gives for the word, fenced the same way,
  then the filter as a semi-join; no vector is read, and the total is exact.

Each is priced from the planner's statistics: ``ROW_TEST_COST`` per document tested against one per document of the
word in the GIN index. A window holding fewer matches than are kept (a filter whose documents are old) falls back to
words first.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from resolutions.models import Document
from resolutions.search.limits import SearchLimits
from resolutions.search.planner import estimated_rows

# Testing ``@@`` on a document row (its ~9 kB vector decompressed, about 20 us) against taking one document of a word
# from the GIN index and its heap row (about 0.8 us): measured on a 99,000-document copy of the benchmark database.
ROW_TEST_COST = 25


@dataclass
class LinkedPlan:
    exact: QuerySet                  # every match, in the cheaper order: the total is counted
    windowed: QuerySet | None        # the matches within the window of newest documents (documents first), or None
    estimate: int                    # the planner's estimate of the matches


def fenced(queryset) -> RawSQL:
    """The ids of ``queryset`` as a subquery PostgreSQL plans on its own (``OFFSET 0``), never merged into the join
    around it: what it selects is read first."""
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return RawSQL(f"SELECT fence.pk FROM ({sql}) fence OFFSET 0", params)


def linked_plan(cursor, documents, tsquery, limits: SearchLimits, windowed: bool = True) -> LinkedPlan:
    """How to read the documents of ``documents`` (filtered through link tables: DISTINCT) matching ``tsquery``.

    ``windowed``: whether the page lies among the newest matches (relevance, or newest first within ``keep``), so
    that a window of the newest documents may answer it."""
    matching = documents.filter(search_vector=tsquery)
    words = Document.objects.filter(search_vector=tsquery)
    estimate, filtered, word_documents, everything = (
        max(1, n) for n in estimated_rows(cursor, [matching, documents, words, Document.objects.all()]))
    keep = limits.keep
    # Documents of the filter to test: all of them, or those of the window (sized on the filter's share of matches).
    in_window = math.ceil(limits.window_factor * keep * filtered / estimate)
    tested = min(filtered, in_window) if windowed else filtered
    if documents.query.distinct:
        words_first = Document.objects.filter(pk__in=fenced(words)).filter(
            pk__in=documents.order_by().values("pk"))
    else:
        # A semi-join (the sponsor filter): its own conditions on the word's documents, one row each already, with no
        # second pass over the documents table to take the filter's ids from it.
        words_first = documents.filter(pk__in=fenced(words))
    if ROW_TEST_COST * tested >= word_documents:
        return LinkedPlan(words_first, None, estimate)
    documents_first = Document.objects.filter(pk__in=fenced(documents)).filter(search_vector=tsquery)
    if not windowed or in_window >= filtered:
        return LinkedPlan(documents_first, None, estimate)
    # The window's start is read off the date index of every document: the filter's documents are assumed spread
    # over time like the others (a window that holds too few of them falls back to words first).
    offset = math.ceil(limits.window_factor * keep * everything / estimate)
    start = next(iter(Document.objects.filter(date__isnull=False).order_by("-date")
                      .values_list("date", flat=True)[offset:offset + 1]), None)
    if start is None:
        return LinkedPlan(documents_first, None, estimate)
    window = Document.objects.filter(pk__in=fenced(documents.filter(date__gte=start))).filter(search_vector=tsquery)
    return LinkedPlan(words_first, window, estimate)
