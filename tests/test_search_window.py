"""Search for a word in most of the archive: the newest matches read from a window of the newest documents.

Above ``SearchLimits.exact_count_limit`` expected matches, resolutions.search does not visit every match: it reads the
matches dated from the start of a window of the newest documents, ranks and counts facets over the newest of
them as always, and gives the planner's estimate as the total. On the seeds, with room to rank two documents
and count facets over two, the window must give the same page and counts as visiting every match.
"""
import re
from contextlib import contextmanager
from datetime import date

import pytest
from django.urls import reverse

from resolutions.models import Document
from resolutions.search import statement
from tests.seeded import seeded  # noqa: F401  (module-scoped fixture)

SEARCH = reverse("resolutions:search")


ROOM_FOR_TWO = {"rank_candidates": 2, "facet_rows": 2}


@pytest.fixture
def archive(seeded, db, settings):
    settings.SEARCH_LIMITS = ROOM_FOR_TWO
    return seeded


@contextmanager
def capture_windows():
    """The window starts the search statements read from (their ``date >= ...`` condition), in order."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    windows = []
    with CaptureQueriesContext(connection) as captured:
        yield windows
    for query in captured.captured_queries:
        windows += [date.fromisoformat(d) for d in re.findall(r'"date" >= \'?(\d{4}-\d\d-\d\d)', query["sql"])]


def result_of(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response, response.context["result"]


def facet_counts(result):
    return {(f.name, v.value): v.count for f in result.facets for v in f.values}


def trafficking_dates(archive):
    # 'trafficking' is in all four seed documents (seeds 000 and 001 are one); the ECOSOC draft has no date.
    return list(Document.objects.filter(date__isnull=False).order_by("-date").values_list("date", flat=True))


def analyse_documents():
    from django.db import connection

    with connection.cursor() as cursor:     # the planner then expects the 4 documents there are
        cursor.execute("ANALYZE resolutions_document")


def test_a_window_holding_enough_matches_gives_the_same_page_and_counts_with_an_estimated_total(
        archive, client, settings):
    _, exact = result_of(client, q="trafficking")
    assert exact.total == 4 and not exact.total_is_estimate
    second = trafficking_dates(archive)[1]                    # 2008 (session 63); the newest is 2013 (68)
    analyse_documents()
    # Any estimate is 'too many to count'; a window this small holds one document whatever the planner's
    # estimate of the matches, so it starts at the second newest date (the offset is ceil of a tiny share).
    settings.SEARCH_LIMITS = {**ROOM_FOR_TWO, "exact_count_limit": 0, "window_factor": 1e-6}
    with capture_windows() as windows:
        response, windowed = result_of(client, q="trafficking")
    assert windows == [second]
    assert windowed.total_is_estimate
    assert "About " in response.content.decode()
    assert [h.document.pk for h in windowed.hits] == [h.document.pk for h in exact.hits]
    assert {h.document.session for h in windowed.hits} == {68, 63}
    assert facet_counts(windowed) == facet_counts(exact)
    assert windowed.facets_from == 2


def test_a_window_holding_too_few_matches_counts_every_match(archive, client, settings):
    newest = trafficking_dates(archive)[0]                    # only one document from that day on
    # A window of no width starts at the newest date.
    settings.SEARCH_LIMITS = {**ROOM_FOR_TWO, "exact_count_limit": 0, "window_factor": 0}
    with capture_windows() as windows:
        _, result = result_of(client, q="trafficking")
    assert windows == [newest]
    assert result.total == 4 and not result.total_is_estimate
    assert {h.document.session for h in result.hits} == {68, 63}


def test_a_window_holding_too_few_matches_is_widened_four_times_before_every_match_is_counted(
        archive, client, settings, monkeypatch):
    newest_first = trafficking_dates(archive)                 # 2013, 2008, 2006 (the ECOSOC draft has no date)
    settings.SEARCH_LIMITS = {"rank_candidates": 3, "facet_rows": 3}
    _, exact = result_of(client, q="trafficking")
    assert exact.total == 4 and not exact.total_is_estimate
    settings.SEARCH_LIMITS = {"rank_candidates": 3, "facet_rows": 3, "exact_count_limit": 0}
    # Whatever the planner's estimates: the first window starts at the second newest date (two matches, fewer than
    # the three kept), the one four times as wide at the third (three matches).
    asked = []

    def window_start(cursor, documents, keep, estimate, filtered=None, window_factor=1.25):
        asked.append(window_factor)
        return newest_first[1] if len(asked) == 1 else newest_first[2]

    monkeypatch.setattr(statement, "window_start", window_start)
    with capture_windows() as windows:
        _, widened = result_of(client, q="trafficking")
    assert asked == [1.25, 5.0]
    assert windows == [newest_first[1], newest_first[2]]
    assert widened.total_is_estimate
    assert [h.document.pk for h in widened.hits] == [h.document.pk for h in exact.hits]
    assert facet_counts(widened) == facet_counts(exact)


def test_the_window_start_is_read_off_the_newest_filtered_documents(archive, db):
    from django.db import connection

    from resolutions.filters import DocumentFilter

    dates = trafficking_dates(archive)          # 2013, 2008, 2006 (the ECOSOC draft has no date)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE resolutions_document")
        # 4 documents, 4 matches expected, keep 1: the window must hold about 1.25 of them, so it starts
        # at the third newest date (offset ceil(1.25 x 1 x 4 / 4) = 2).
        assert statement.window_start(cursor, Document.objects.all(), 1, 4) == dates[2]
        # A filter through a link table (Belarus sponsored every seed): the date is read through the filter.
        # The filtered count is given, not estimated: the planner's estimate of a join over four rows
        # depends on what other tests left in the statistics.
        sponsored = DocumentFilter({"sponsor": "belarus"}, queryset=Document.objects.all()).qs
        assert statement.window_start(cursor, sponsored, 1, 4, filtered=4) == dates[2]
        # A window wider than the filtered documents: count everything instead.
        assert statement.window_start(cursor, Document.objects.all(), 2000, 4) is None


def test_paragraph_mode_gives_an_estimated_total_above_the_limit_and_the_same_page(archive, client, settings):
    _, exact = result_of(client, q="trafficking", mode="paragraphs")
    assert not exact.total_is_estimate and exact.total > 20
    settings.SEARCH_LIMITS = {**ROOM_FOR_TWO, "exact_count_limit": 0}
    response, estimated = result_of(client, q="trafficking", mode="paragraphs")
    assert estimated.total_is_estimate
    assert "About " in response.content.decode()
    assert [h.paragraph.pk for h in estimated.hits] == [h.paragraph.pk for h in exact.hits]


def test_wrong_search_limits_in_the_settings_stop_start_up_with_their_reason(settings):
    from resolutions.search.limits import check_configured_limits

    assert check_configured_limits() == []
    settings.SEARCH_LIMITS = {"rank_candidate": 2}
    assert "unknown names: rank_candidate" in check_configured_limits()[0].msg
    settings.SEARCH_LIMITS = {"page_size": 0, "facet_rows": "300"}
    assert check_configured_limits()[0].msg.endswith(": page_size, facet_rows")   # 0 pages, a string
