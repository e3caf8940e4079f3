"""A word with a filter through a link table (a sponsor, an agenda item) finds exactly the documents that carry both,
whichever side the search reads first (search/linked.py), and paragraph mode's facet counts, read in one statement
with the page, are the counts of the matching paragraphs.

The archive is the Security Council's 19 drafts that were not adopted and the General Assembly's 21 resolutions of the
seventy-eighth session of the corpus (the UN's AKN XML, many of them with long sponsor lists), ingested through the
ingestion service. Expected sets are computed here, never by the search: which documents hold the word, by a plain
scan of every stored text a document's vector is made of (symbol, title, paragraphs with their leads, annex labels and
titles, subject, footnotes, unplaced text) for the word's forms; which documents are in agenda item 71 (b) of the
seventy-eighth session, from the agenda item each XML file's cover page prints; which carry a sponsor, from the
stored sponsor lists (the filter's own definition: the parse of the sponsor lists is tested in test_sponsors.py).
"""
from __future__ import annotations

import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions.models import AgendaItem, Document, Paragraph, Sponsorship
from resolutions.search import linked, read_search
from resolutions.search.limits import SearchLimits
from tests.seeded import clear_archive

GA78 = "unxml-ga-resolutions/78session/English"
SC_DRAFTS = "unxml-sc-resolutions/Not adopted/English"
# 'women' and 'women's' are the one stem 'women' (the English stemmer keeps 'woman' apart), 'States' and 'State' the
# stem 'state' ('stated', 'statement' and 'stateless' are other stems).
WOMEN = re.compile(r"\bwomen\b", re.IGNORECASE)
STATES = re.compile(r"\bstates?\b", re.IGNORECASE)
EVERY_MATCH = SearchLimits(page_size=100, rank_candidates=1000, facet_rows=1000)
# Room to rank and count two: the page is the two newest matches, and a window of the newest documents may answer.
ROOM_FOR_TWO = SearchLimits(page_size=100, rank_candidates=2, facet_rows=2, exact_count_limit=0, row_test_limit=0)


def corpus_files(corpus_dir):
    return sorted((corpus_dir / SC_DRAFTS).glob("*.xml")) + sorted((corpus_dir / GA78).glob("*.xml"))


@pytest.fixture(scope="module")
def archive(corpus_dir, django_db_setup, django_db_blocker):
    from resolutions.services.ingestion.ingest import ingest_file

    with django_db_blocker.unblock():
        clear_archive()
        files = corpus_files(corpus_dir)
        for path in files:
            outcome = ingest_file(path.read_bytes(), path.name)
            assert outcome.status == "parsed", (path.name, outcome.message)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        yield files
        clear_archive()


def texts_of(document: Document) -> list[str]:
    """Every stored text the document's search vector is made of (services/indexing.py), read from the rows."""
    texts = [document.symbol or "", document.title, document.subject or ""]
    texts += [f"{p.lead} {p.text}" for p in document.paragraphs.all()]
    texts += [f"{a.label} {a.title}" for a in document.annexes.all()]
    texts += [f.text for f in document.footnotes.all()]
    texts += [str(block) for block in (document.unplaced or [])]
    return texts


def holding(pattern) -> set[int]:
    return {d.pk for d in Document.objects.all() if any(pattern.search(t) for t in texts_of(d))}


def sponsored_by(slug: str) -> set[int]:
    return set(Sponsorship.objects.filter(state__slug=slug).values_list("document_id", flat=True))


def most_frequent_sponsor() -> str:
    counts = Counter(Sponsorship.objects.exclude(state=None).values_list("state__slug", flat=True))
    return counts.most_common(1)[0][0]


def found(params: dict, limits: SearchLimits = EVERY_MATCH):
    result = read_search({**params, "page_size": str(limits.page_size)}, limits=limits, page_size=True).run(limits)
    return result


def ids(result) -> list[int]:
    return [hit.document.pk for hit in result.hits]


@pytest.fixture(params=["documents first", "words first"])
def order(request, monkeypatch):
    # linked.py reads the filter's documents first when testing them costs less than taking the word's documents from
    # the GIN index: a row test priced at nothing always reads the documents first, at a billion the words first.
    monkeypatch.setattr(linked, "ROW_TEST_COST", 0 if request.param == "documents first" else 10**9)
    return request.param


def test_a_common_word_with_the_most_frequent_sponsor_finds_exactly_the_documents_carrying_both(archive, db, order):
    slug = most_frequent_sponsor()
    expected = holding(STATES) & sponsored_by(slug)
    assert 5 < len(expected) < Document.objects.count()       # a filter that keeps some documents and drops others
    result = found({"q": "States", "sponsor": slug, "sort": "date"})
    assert set(ids(result)) == expected
    assert result.total == len(expected) and not result.total_is_estimate


def test_a_word_in_some_documents_with_a_sponsor_finds_exactly_those_carrying_both(archive, db, order):
    slug = most_frequent_sponsor()
    expected = holding(WOMEN) & sponsored_by(slug)
    assert expected and holding(WOMEN) - expected     # some documents holding the word lack the sponsor
    result = found({"q": "women", "sponsor": slug})
    assert set(ids(result)) == expected and result.total == len(expected)


def test_a_word_with_an_agenda_item_finds_exactly_the_documents_whose_cover_page_prints_the_item(
        archive, db, order, corpus_dir):
    in_item = set()
    for path in corpus_files(corpus_dir):
        cover = re.search(r'<inline[^>]*name="agenda item"[^>]*>', path.read_text(encoding="utf-8"))
        if cover and 'title="71 (b)"' in cover.group(0):
            in_item.add(path.name)
    assert len(in_item) >= 5
    item = AgendaItem.objects.get(number="71 (b)", session=78)
    in_item_ids = set(Document.objects.filter(source_files__original_name__in=in_item).values_list("pk", flat=True))
    assert len(in_item_ids) == len(in_item)
    for word, pattern in (("women", WOMEN), ("States", STATES)):
        expected = holding(pattern) & in_item_ids
        result = found({"q": word, "agenda": str(item.pk)})
        assert set(ids(result)) == expected and result.total == len(expected), word


def test_a_window_of_the_newest_documents_gives_the_newest_documents_carrying_both(archive, db, monkeypatch):
    monkeypatch.setattr(linked, "ROW_TEST_COST", 0)       # the filter's documents first, in a window
    slug = most_frequent_sponsor()
    expected = holding(STATES) & sponsored_by(slug)
    newest = sorted(Document.objects.filter(pk__in=expected, date__isnull=False).values_list("date", "pk"),
                    reverse=True)[:2]
    with CaptureQueriesContext(connection) as captured:
        result = found({"q": "States", "sponsor": slug}, ROOM_FOR_TWO)
    statements = [q["sql"] for q in captured.captured_queries if "fence" in q["sql"]]
    assert any('"date" >= ' in sql for sql in statements)    # the window was read
    assert set(ids(result)) == {pk for _, pk in newest}
    assert result.total >= 2


def paragraphs_holding(pattern) -> list[Paragraph]:
    return [p for p in Paragraph.objects.select_related("document") if pattern.search(f"{p.lead} {p.text}")]


def facet_counts(result, name) -> dict[str, int]:
    return {v.value: v.count for f in result.facets if f.name == name for v in f.values}


@pytest.mark.parametrize("limits", [EVERY_MATCH, SearchLimits(page_size=20, rank_candidates=10, facet_rows=25)],
                         ids=["every match counted", "the newest 25 counted"])
def test_paragraph_mode_facet_counts_are_the_counts_of_the_matching_paragraphs(archive, db, limits):
    matching = paragraphs_holding(WOMEN)
    assert len(matching) > 25
    counted = sorted(matching, key=lambda p: p.pk, reverse=True)[:limits.facet_rows]   # the latest stored
    result = found({"q": "women", "mode": "paragraphs"}, limits)
    assert result.total == len(matching)
    assert facet_counts(result, "kind") == Counter(p.kind for p in counted)
    leads = Counter(p.lead for p in counted if p.lead)
    shown = facet_counts(result, "lead")
    assert shown and all(shown[lead] == leads[lead] for lead in shown)
    assert sorted(shown.values(), reverse=True) == sorted(leads.values(), reverse=True)[:len(shown)]
    # Document facets count each document of the counted paragraphs once.
    documents = {p.document_id for p in counted}
    pairs = set(Sponsorship.objects.filter(document_id__in=documents).exclude(state=None)
                .values_list("state__slug", "document_id"))
    sponsors = Counter(slug for slug, _ in pairs)
    shown = facet_counts(result, "sponsor")
    assert shown and all(shown[slug] == sponsors[slug] for slug in shown)
    assert facet_counts(result, "type") == Counter(Document.objects.filter(pk__in=documents)
                                                   .exclude(document_type="").values_list("document_type", flat=True))


def test_paragraph_mode_with_a_sponsor_lists_exactly_the_matching_paragraphs_of_its_documents(archive, db):
    slug = most_frequent_sponsor()
    carrying = sponsored_by(slug)
    expected = {p.pk for p in paragraphs_holding(WOMEN) if p.document_id in carrying}
    assert 0 < len(expected) <= EVERY_MATCH.page_size
    result = found({"q": "women", "mode": "paragraphs", "sponsor": slug, "sort": "date"})
    assert {hit.paragraph.pk for hit in result.hits} == expected and result.total == len(expected)
