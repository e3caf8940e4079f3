"""Atom feeds (issue 16): valid Atom (RFC 4287) for a search, a state, an agenda item, a series, a body and the
documents citing a document; they gain documents as they arrive, newest stored first, at most FEED_ENTRIES; every
page that has one links it in its head and visibly.

Validity is read twice: by feedparser (a tolerant reader that flags what it had to forgive: ``bozo``) and by lxml
against the rules of RFC 4287 itself (sections 4.1.1 and 4.1.2: the feed's id, title, updated and author, each
entry's id, title, updated and alternate link; ids are absolute IRIs, dates RFC 3339).
"""
import json
import re
from datetime import datetime
from urllib.parse import urlencode, urlsplit

import feedparser
import pytest
from django.db import connection
from lxml import etree

from feeds import selectors
from resolutions.models import AgendaItem, Document, MemberState, Series
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import seed_path
from votes.services import import_vote_tables

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
GOLD = "cr-unsc-gold/data/res_en_gold/"
RAILCAR = "railcar-ga80-text/documents/ga-res-80/"


def _ingest(path):
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _seed(prefix):
    return _ingest(seed_path(prefix))


def check_rfc4287(content: bytes) -> list[etree._Element]:
    """The feed's entries, after checking the elements RFC 4287 requires of an Atom feed and its entries."""
    root = etree.fromstring(content)
    assert root.tag == f"{ATOM}feed"

    def one(parent, name):
        found = parent.findall(f"{ATOM}{name}")
        assert len(found) == 1, f"{name}: {len(found)} in {parent.tag}"
        return found[0]

    def absolute_iri(text):
        parts = urlsplit(text or "")
        assert parts.scheme in ("http", "https") and parts.netloc, text
        return text

    absolute_iri(one(root, "id").text)
    assert one(root, "title").text.strip()
    assert RFC3339.match(one(root, "updated").text)
    entries = root.findall(f"{ATOM}entry")
    # 4.1.1: a feed has an author unless every entry has one.
    assert root.findall(f"{ATOM}author/{ATOM}name") or all(e.findall(f"{ATOM}author") for e in entries)
    assert [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    ids = []
    for entry in entries:
        ids.append(absolute_iri(one(entry, "id").text))
        assert one(entry, "title").text.strip()
        assert RFC3339.match(one(entry, "updated").text)
        alternates = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1
        absolute_iri(alternates[0].get("href"))
    assert len(ids) == len(set(ids)), "entry ids must be unique within the feed"
    return entries


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    check_rfc4287(response.content)
    return parsed


def _paths(parsed):
    return [urlsplit(entry.link).path for entry in parsed.entries]


def test_a_search_feed_is_valid_atom_with_each_document_at_its_citable_address_and_its_snippet(client):
    rev1, draft_2008 = _seed("002"), _seed("000")
    parsed = read_feed(client, "/feeds/search/?q=trafficking")
    # Newest stored first; each entry's link and id are the document's citable address.
    assert _paths(parsed) == [draft_2008.get_absolute_url(), rev1.get_absolute_url()]
    assert rev1.get_absolute_url() == "/A/C.3/61/L.7/Rev.1/"
    # feedparser's sanitiser drops <mark>: the matching words are read from the summary as sent.
    summaries = [e.find(f"{ATOM}summary").text for e in check_rfc4287(client.get("/feeds/search/?q=trafficking").content)]
    for entry, document, summary in zip(parsed.entries, [draft_2008, rev1], summaries):
        assert urlsplit(entry.id).path == document.get_absolute_url()
        assert document.date.strftime("%-d %B %Y") in entry.summary
        assert re.search(r"<mark>trafficking</mark>", summary, re.IGNORECASE), summary
    # Seed 002's heading reads "A/C.3/61/L.7/Rev.1" and its title "Improving the coordination of efforts against
    # trafficking in persons".
    assert parsed.entries[1].title.startswith("A/C.3/61/L.7/Rev.1: Improving the coordination of efforts against")
    assert parsed.feed.title.startswith("Search: “trafficking”")


def test_a_search_feed_takes_the_search_pages_filters(client):
    _seed("002"), _seed("003")
    ecosoc = Document.objects.get(body="Economic and Social Council")
    parsed = read_feed(client, "/feeds/search/?body=Economic+and+Social+Council")
    assert _paths(parsed) == [ecosoc.get_absolute_url()]
    # A filter value the search refuses is ignored, as on the page.
    assert read_feed(client, "/feeds/search/?year=notayear").entries


def test_the_feed_gains_a_matching_document_when_it_is_ingested(client):
    rev1 = _seed("002")
    before = read_feed(client, "/feeds/search/?q=trafficking")
    assert _paths(before) == [rev1.get_absolute_url()]
    newer = _seed("004")
    after = read_feed(client, "/feeds/search/?q=trafficking")
    assert _paths(after)[0] == newer.get_absolute_url()
    assert len(after.entries) == 2


def test_the_feed_of_documents_citing_a_resolution_gains_each_citing_resolution(client, corpus_dir):
    cited = _ingest(corpus_dir / GOLD / "S_RES_0743_1992_EN_GOLD.txt")
    assert read_feed(client, f"/feeds/citing/{cited.pk}/").entries == []
    citing = _ingest(corpus_dir / GOLD / "S_RES_0769_1992_EN_GOLD.txt")
    parsed = read_feed(client, f"/feeds/citing/{cited.pk}/")
    assert _paths(parsed) == [citing.get_absolute_url()]
    # S/RES/769 (1992), first preambular paragraph: "Reaffirming its resolution 743 (1992) and all subsequent ..."
    assert "Reaffirming its resolution 743 (1992)" in parsed.entries[0].summary


def test_a_states_feed_has_its_sponsorships_and_the_resolutions_it_voted_on(client, corpus_dir, tmp_path):
    rev1 = _seed("002")
    sponsor = rev1.sponsorships.filter(state__isnull=False).first().state
    parsed = read_feed(client, f"/feeds/states/{sponsor.slug}/")
    assert _paths(parsed) == [rev1.get_absolute_url()]
    assert f"Sponsored by {sponsor.name}." in parsed.entries[0].summary
    resolution = _ingest(corpus_dir / RAILCAR / "A_RES_80_39.md")
    table = corpus_dir / "unxml-ga-resolutions/data_extract/80.json"
    rows = [line for line in table.read_text(encoding="utf-8").splitlines()
            if line.strip() and json.loads(line)["symbol"] == "A/RES/80/39"]
    subset = tmp_path / "data_extract" / "80.json"
    subset.parent.mkdir()
    subset.write_text("\n".join(rows) + "\n", encoding="utf-8")
    import_vote_tables([subset], progress=False)
    # The UN's table lists CANADA among the states against A/RES/80/39.
    assert "CANADA" in json.loads(rows[0])["MS_against"]
    canada = MemberState.objects.get(name="Canada")
    parsed = read_feed(client, f"/feeds/states/{canada.slug}/")
    assert _paths(parsed) == [resolution.get_absolute_url()]
    assert "Canada: against." in parsed.entries[0].summary


def test_agenda_item_series_and_body_feeds_hold_the_documents_of_their_pages(client):
    for prefix in ("000", "002", "003", "004"):
        _seed(prefix)
    item = AgendaItem.objects.filter(documents__isnull=False).first()
    parsed = read_feed(client, f"/feeds/agenda-items/{item.pk}/")
    assert set(_paths(parsed)) == {d.get_absolute_url() for d in item.documents.all()}
    series = Series.objects.filter(documents__isnull=False).first()
    parsed = read_feed(client, f"/feeds/series/{series.slug}/")
    assert set(_paths(parsed)) == {d.get_absolute_url() for d in series.documents.all()} and len(parsed.entries) > 1
    parsed = read_feed(client, "/feeds/bodies/general-assembly/")
    assert set(_paths(parsed)) == {d.get_absolute_url() for d in Document.objects.filter(body="General Assembly")}


def test_a_feed_holds_at_most_its_bound_newest_first(client, monkeypatch):
    documents = [_seed(prefix) for prefix in ("002", "000", "004")]
    monkeypatch.setattr(selectors, "FEED_ENTRIES", 2)
    monkeypatch.setattr(selectors.entries, "__defaults__", (2, None))
    parsed = read_feed(client, "/feeds/search/")
    assert _paths(parsed) == [documents[2].get_absolute_url(), documents[1].get_absolute_url()]
    updated = [datetime.fromisoformat(entry.updated) for entry in parsed.entries]
    assert max(updated) <= datetime.fromisoformat(parsed.feed.updated)


def _links(html: str, href: str) -> tuple[bool, bool]:
    head = html.split("</head>", 1)[0]
    escaped = href.replace("&", "&amp;")
    alternate = re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="'
                          + re.escape(escaped) + '"', head) is not None
    visible = f'<a href="{escaped}" type="application/atom+xml"' in html.split("</head>", 1)[1]
    return alternate, visible


def test_every_page_with_a_feed_links_it_in_its_head_and_visibly(client):
    rev1, _ = _seed("002"), _seed("000")
    sponsor = rev1.sponsorships.filter(state__isnull=False).first().state
    series = Series.objects.filter(documents__isnull=False).first()
    pages = {
        "/search/?q=trafficking&body=General+Assembly": "/feeds/search/?body=General+Assembly&q=trafficking",
        f"/browse/states/{sponsor.slug}/": f"/feeds/states/{sponsor.slug}/",
        f"/series/{series.slug}/": f"/feeds/series/{series.slug}/",
        rev1.get_absolute_url(): f"/feeds/citing/{rev1.pk}/",
    }
    for page, feed in pages.items():
        html = client.get(page).content.decode()
        assert _links(html, feed) == (True, True), page
        read_feed(client, feed)
    item = AgendaItem.objects.filter(documents__isnull=False).first()
    assert f'href="/feeds/agenda-items/{item.pk}/"' in client.get("/browse/agenda-items/").content.decode()
    assert 'href="/feeds/bodies/general-assembly/"' in client.get("/browse/bodies/").content.decode()


def test_unknown_targets_are_not_found(client):
    for url in ("/feeds/states/atlantis/", "/feeds/series/none/", "/feeds/bodies/none/",
                "/feeds/agenda-items/999999/", f"/feeds/citing/{10**30}/", f"/feeds/agenda-items/{2**63}/"):
        assert client.get(url).status_code == 404, url
    assert client.post("/feeds/search/").status_code == 405


def test_a_reader_polling_an_unchanged_feed_gets_304_and_a_changed_one_the_new_feed(client):
    _seed("002")
    first = client.get("/feeds/search/?q=trafficking")
    etag = first["ETag"]
    assert client.get("/feeds/search/?q=trafficking", HTTP_IF_NONE_MATCH=etag).status_code == 304
    _seed("000")
    changed = client.get("/feeds/search/?q=trafficking", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_the_window_of_newest_ids_gives_the_same_entries_as_reading_every_match(monkeypatch):
    """A word in most documents reads only a window of the newest ids (search/arrivals.py); forced here with
    exact_count_limit=0, it must give exactly what reading every match gives, for every bound (the window is
    widened to every match when it holds too few)."""
    from resolutions.search import SearchLimits, newest_arrivals, parse_query

    from resolutions.search import arrivals

    for prefix in ("002", "003", "000", "004", "001"):
        _seed(prefix)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE resolutions_document")     # the planner's estimates size the window
    documents = Document.objects.all()
    windows = []
    read = arrivals._newest

    def recording(cursor, matching, limit):
        windows.append('"id" >=' in str(matching.query))
        return read(cursor, matching, limit)

    monkeypatch.setattr(arrivals, "_newest", recording)
    everything = SearchLimits(exact_count_limit=10**9)
    windowed = SearchLimits(exact_count_limit=0)
    for words in ("trafficking", "States", "Council"):
        query = parse_query(words)
        for limit in range(1, 6):
            expected = newest_arrivals(documents, query, limit, everything)
            assert newest_arrivals(documents, query, limit, windowed) == expected, (words, limit)
            assert expected == sorted(expected, reverse=True)
    matching = set(Document.objects.filter(search_vector=parse_query("trafficking").tsquery()).values_list("pk", flat=True))
    assert set(newest_arrivals(documents, parse_query("trafficking"), 5, windowed)) == matching
    assert any(windows) and not all(windows), "both the window and the widening to every match were read"


def test_a_paragraph_search_feed_follows_the_documents_holding_such_a_paragraph(client):
    """kind and lead filter paragraphs: the feed lists the documents with a matching paragraph of that lead, not
    every document matching the words (a lead chosen so that some matching documents have it and some not)."""
    from resolutions.models import Paragraph
    from resolutions.search import parse_query

    for prefix in ("002", "003", "004"):
        _seed(prefix)
    words = parse_query("trafficking").tsquery()
    everything = set(Document.objects.filter(search_vector=words).values_list("pk", flat=True))
    matching = Paragraph.objects.filter(search_vector=words).exclude(lead="")
    for kind, lead in sorted(set(matching.values_list("kind", "lead"))):
        holding = set(matching.filter(kind=kind, lead=lead).values_list("document_id", flat=True))
        if holding < everything:
            break
    else:
        pytest.fail("every lead of a matching paragraph is in every matching document")
    parsed = read_feed(client, "/feeds/search/?" + urlencode({"q": "trafficking", "mode": "paragraphs",
                                                              "kind": kind, "lead": lead}))
    assert set(_paths(parsed)) == {Document.objects.get(pk=pk).get_absolute_url() for pk in holding}
