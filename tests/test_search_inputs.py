"""One input boundary for search: the web page and the API read a search the same way (resolutions.search.inputs).

The facts below are read off the seeds' own headers: 'trafficking' is in every seed; A/C.3/61/L.7/Rev.1 is
dated 19 October 2006 (sixty-first session, agenda item 98), seed 000 10 October 2008 (sixty-third session,
agenda item 97), the revised draft of seed 004 8 November 2013 (sixty-eighth session, agenda item 108, Turkey
among its sponsors), and the ECOSOC draft (seed 003) has no date and no session.
"""
import pytest
from django.core.cache import cache
from django.urls import reverse

from resolutions.models import AgendaItem, Document
from resolutions.parameters import parse_int
from tests.seeded import seeded  # noqa: F401  (module-scoped fixture)
from votes.services import save_vote, state_index
from votes.tables import TableVote

SEARCH = reverse("resolutions:search")
API_SEARCH = "/api/search/"
NOT_FILTERS = {"q", "mode", "sort", "page", "page_size", "verbatim"}   # verbatim: no correction (not a filter)

# Each filter, a value, and the sessions of the documents that match 'trafficking' with it (None: ECOSOC's).
DOCUMENT_FILTERS = {
    "body": ("Economic and Social Council", {None}),
    "session": ("61", {61}),
    "year": ("2013", {68}),
    "committee": ("Third Committee", {61, 63, 68}),
    "agenda": ("agenda item 98", {61}),
    "sponsor": ("turkiye", {68}),
    "type": ("revised draft resolution", {68}),
    "date_from": ("2010-01-01", {68}),
    "date_to": ("2007-12-31", {61}),
    "adoption": ("recorded vote", {61}),
    "vote": ("turkiye:no", {61}),
    "language": ("en", {61, 63, 68}),   # the ECOSOC draft is given French below (real languages: test_language_search)
}
# Paragraph filters: a value, and what each hit's paragraph must then have.
PARAGRAPH_FILTERS = {
    "kind": ("operative", lambda paragraph: paragraph.kind == "operative"),
    "lead": ("Urges", lambda paragraph: paragraph.lead == "Urges"),
    # What the paragraph does and whom it addresses (addressees/): its lead (or its parent's, for a sub-paragraph)
    # says 'Urges'; its words (or its parent's) name States.
    "action": ("urges", lambda paragraph: (paragraph.parent or paragraph).text.startswith(
        ("Urges", "Also urges", "Further urges", "Strongly urges"))),
    "addressee": ("States", lambda paragraph: any(word in paragraph.text + (paragraph.parent or paragraph).text
                                                  for word in ("States", "Governments", "countries"))),
}


@pytest.fixture
def archive(seeded, db):
    cache.clear()      # the API's throttle counts requests in the cache
    # The seeds are drafts, which no vote table covers: to check that the vote filters reach both the page and the
    # API, the session-61 draft (the one with a symbol) is given a recorded vote (illustrative: Türkiye against).
    # Votes on real resolutions are tested in test_votes.py against the UN's tables.
    draft = Document.objects.get(symbol="A/C.3/61/L.7/Rev.1")
    save_vote(TableVote(symbol=draft.symbol, adoption_type="recorded vote", adoption_type_as_printed="", meeting="",
                        meeting_record="", date=None, in_favour=1, against=1, abstaining=0,
                        states=[("France", "yes"), ("TURKEY", "no")], source="test"), state_index())
    # The seeds are all English: to check that the language filter reaches both the page and the API, the ECOSOC
    # draft's main text is said to be French (illustrative; the six real languages are in test_language_search.py).
    Document.objects.filter(body="Economic and Social Council").update(language="fr")
    return seeded


def value_of(name: str, value: str) -> str:
    if value.startswith("agenda item "):
        return str(AgendaItem.objects.get(number=value.removeprefix("agenda item ")).pk)
    return value


def web(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200, response.content[:300]
    return response.context["result"], response.context["invalid_filters"]


def api(client, **params):
    response = client.get(API_SEARCH, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def api_filter_names(client) -> set[str]:
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    return {p["name"] for p in schema["paths"][API_SEARCH]["get"]["parameters"]} - NOT_FILTERS


def test_the_filters_checked_here_are_every_filter_the_api_accepts(archive, client):
    assert api_filter_names(client) == set(DOCUMENT_FILTERS) | set(PARAGRAPH_FILTERS)


@pytest.mark.parametrize("name", sorted(DOCUMENT_FILTERS))
def test_the_web_search_accepts_each_document_filter_of_the_api_in_both_modes(archive, client, name):
    raw, sessions = DOCUMENT_FILTERS[name]
    value = value_of(name, raw)
    everything, _ = web(client, q="trafficking")
    result, invalid = web(client, q="trafficking", **{name: value})
    assert not invalid
    assert {hit.document.session for hit in result.hits} == sessions
    assert result.total < everything.total
    assert api(client, q="trafficking", **{name: value})["total"] == result.total
    paragraphs, _ = web(client, q="trafficking", mode="paragraphs", **{name: value})
    assert paragraphs.total > 0 and {hit.paragraph.document.session for hit in paragraphs.hits} <= sessions
    assert api(client, q="trafficking", mode="paragraphs", **{name: value})["total"] == paragraphs.total


@pytest.mark.parametrize("name", sorted(PARAGRAPH_FILTERS))
def test_the_web_search_accepts_each_paragraph_filter_of_the_api(archive, client, name):
    value, holds = PARAGRAPH_FILTERS[name]
    everything, _ = web(client, q="trafficking", mode="paragraphs")
    result, invalid = web(client, q="trafficking", mode="paragraphs", **{name: value})
    assert not invalid and 0 < result.total < everything.total
    assert all(holds(hit.paragraph) for hit in result.hits)
    assert api(client, q="trafficking", mode="paragraphs", **{name: value})["total"] == result.total


def test_a_date_the_filters_cannot_read_is_ignored_and_named_on_the_page_and_the_api(archive, client):
    result, invalid = web(client, q="trafficking", date_from="2013-13-45")
    assert invalid == ["date_from"] and result.total == 4
    assert api(client, q="trafficking", date_from="2013-13-45")["invalid_filters"] == ["date_from"]


@pytest.mark.parametrize("mode", ["documents", "paragraphs"])
def test_a_page_number_past_any_end_gives_the_last_page_never_a_server_error(archive, client, mode):
    huge = "99999999999999999999999"   # was a 500 on both: bigint out of range in the OFFSET
    result, _ = web(client, q="trafficking", mode=mode, page=huge)
    assert result.pages > 1 if mode == "paragraphs" else result.pages == 1
    assert result.page == result.pages and result.hits
    data = api(client, q="trafficking", mode=mode, page=huge, page_size="1")
    assert data["page"] == data["pages"] == data["total"]
    assert len(data["documents"] or data["paragraphs"]) == 1


# (A NUL byte is refused before any page with a 400: tests/test_hostile_urls.py.)
@pytest.mark.parametrize("page", ["²", "٣", "①", "-3", "0", "1e3", "3_0", " ", "\x01"])
def test_a_page_number_not_in_ascii_digits_is_the_first_page(archive, client, page):
    result, _ = web(client, q="trafficking", mode="paragraphs", page=page)
    assert result.page == 1
    assert api(client, q="trafficking", page=page)["page"] == 1


def test_whole_numbers_are_read_in_ascii_digits_only_and_clamped_to_their_bounds():
    read = lambda value: parse_int(value, default=7, minimum=1, maximum=1000)  # noqa: E731
    assert [read(v) for v in ["12", " 0012 ", "+5", "1000", "1001", "9" * 5000, "-4", "-" + "9" * 5000]] == [
        12, 12, 5, 1000, 1000, 1000, 1, 1]
    assert [read(v) for v in ["", None, "²", "٣", "1.0", "1e3", "3_0", "0x10", "١٢"]] == [7] * 9


def test_the_page_and_the_api_say_the_same_notice_in_words(archive, client, settings):
    # Four documents match 'trafficking'; with room to rank two, both say how many are ranked.
    settings.SEARCH_LIMITS = {"rank_candidates": 2}
    said = "4 documents match; the 2 most recent of them are ranked by relevance."
    response = client.get(SEARCH, {"q": "trafficking"})
    assert said in response.content.decode()
    assert [n.code for n in response.context["result"].notices] == ["ranked_newest"]
    assert api(client, q="trafficking")["notice"].startswith(said)
