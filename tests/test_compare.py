"""Comparing two versions on the real seeds: 002 (A/C.3/61/L.7/Rev.1, 2006) against 000 (the 2008 draft).

Expectations from reading both texts:
* 2008 op 1 "Urges Member States ... to ratify or accede to the United Nations
  Convention against Transnational Organized Crime and the Protocol ..." is 2006
  op 3 with "and" where 2006 had a comma: aligned, changed, renumbered;
* 2006 pp "Recognizing that contemporary forms of slavery violate human rights
  ..." is in 2008 word for word: kept;
* 2008 op 3 "Welcomes the steps taken by human rights treaty bodies and the
  Special Rapporteur on trafficking in persons ..." has no 2006 counterpart: added;
* 2006 op 10 "Encourages Member States to initiate and develop working-level
  contacts between countries of origin, transit and destination" is not in 2008:
  removed.
"""
import datetime

import pytest
from django.urls import reverse

from resolutions.lineage.compare import ADDED, CHANGED, KEPT, MOVED, REMOVED, align, word_diff
from resolutions.models import Document
from resolutions.lineage.selectors import compare_documents
from resolutions.services.ingestion.ingest import ingest_file

from .conftest import seed_path

pytestmark = pytest.mark.django_db

URGES = "Urges Member States that have not yet done so to consider taking measures to ratify or accede"


def ingest(prefix: str) -> Document:
    path = seed_path(prefix)
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


@pytest.fixture
def versions():
    older, newer = ingest("002"), ingest("000")
    assert older.date == datetime.date(2006, 10, 19) and newer.date == datetime.date(2008, 10, 10)
    return older, newer


def row_for_b(comparison, start):
    (row,) = [r for r in comparison.rows if r.b is not None and r.b.text.startswith(start)]
    return row


def row_for_a(comparison, start):
    (row,) = [r for r in comparison.rows if r.a is not None and r.a.text.startswith(start)]
    return row


def test_2008_op1_aligns_with_2006_op3(versions):
    comparison = compare_documents(*versions)
    row = row_for_b(comparison, URGES)
    assert row.b.number == "1"
    assert row.a.number == "3" and row.a.kind == "operative"
    assert row.status == CHANGED
    inserted = " ".join(c.text for c in row.diff if c.op == "insert").split()
    deleted = "".join(c.text for c in row.diff if c.op == "delete")
    assert inserted == ["and"]
    assert not any(ch.isalpha() for ch in deleted)  # only the comma (and footnote marks) went
    assert "3" not in deleted and "1" not in inserted  # renumbering is not a change


def test_unchanged_paragraph_is_kept_although_renumbered(versions):
    comparison = compare_documents(*versions)
    row = row_for_b(comparison, "Recognizing that contemporary forms of slavery violate human rights")
    assert row.status == KEPT and row.diff == []


def test_added_and_removed_paragraphs(versions):
    comparison = compare_documents(*versions)
    added = row_for_b(comparison, "Welcomes the steps taken by human rights treaty bodies")
    assert added.status == ADDED and added.a is None
    removed = row_for_a(comparison, "Encourages Member States to initiate and develop working-level contacts")
    assert removed.status == REMOVED and removed.b is None
    assert comparison.counts[ADDED] >= 1 and comparison.counts[REMOVED] >= 1


def test_a_document_against_itself_is_all_kept(versions):
    _, newer = versions
    comparison = compare_documents(newer, newer)
    assert {r.status for r in comparison.rows} == {KEPT}


def test_swapped_paragraphs_are_moved_not_added(versions):
    _, newer = versions
    paragraphs = list(newer.paragraphs.order_by("order"))
    swapped = paragraphs[:]
    swapped[0], swapped[-1] = swapped[-1], swapped[0]
    rows = align(paragraphs, swapped)
    statuses = [r.status for r in rows]
    assert ADDED not in statuses and REMOVED not in statuses
    assert statuses.count(MOVED) >= 1 and statuses.count(MOVED) <= 2


def test_word_diff_keeps_the_text():
    a = "Invites Member States to provide voluntary contributions in order to facilitate implementation;"
    b = "Invites all Member States to provide voluntary contributions in order to facilitate optimum implementation;"
    changes = word_diff(a, b)
    assert "".join(c.text for c in changes if c.op != "delete") == b
    assert "".join(c.text for c in changes if c.op != "insert") == a
    assert [c.text.strip() for c in changes if c.op == "insert"] == ["all", "optimum"]


def test_comparison_page_json_and_first_appeared(client, versions, django_assert_max_num_queries):
    older, newer = versions
    with django_assert_max_num_queries(12):
        page = client.get(reverse("lineage:compare", args=[older.pk, newer.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "First appeared in" in html and older.get_absolute_url() in html
    assert "<ins>and </ins>" in html
    # 2006 op 1 "Recognizes that broad international cooperation ..." became 2008's sixth preambular paragraph.
    assert "now preambular" in html

    data = client.get(reverse("lineage:compare_json", args=[older.pk, newer.pk])).json()
    assert data == client.get(reverse("lineage:compare", args=[older.pk, newer.pk]), {"format": "json"}).json()
    (row,) = [r for r in data["rows"] if r["b"] and r["b"]["text"].startswith(URGES)]
    assert row["status"] == "changed" and row["a"]["number"] == "3"
    assert row["first_appeared_in"]["document"]["id"] == older.pk
    assert row["first_appeared_in"]["paragraph"] == row["a"]["id"]


def test_compare_form_redirects_to_the_permalink(client, versions):
    older, newer = versions
    response = client.get(reverse("lineage:compare_form"), {"a": older.symbol, "b": str(newer.pk)})
    assert response.status_code == 302
    assert response["Location"] == reverse("lineage:compare", args=[older.pk, newer.pk])
    missing = client.get(reverse("lineage:compare_form"), {"a": "A/NOPE/1", "b": str(newer.pk)})
    assert missing.status_code == 200 and "must be in the archive" in missing.content.decode()


class CountingIndel:
    """Stands in for rapidfuzz's Indel in one module: counts the exact scores and stops the test past ``limit``."""

    def __init__(self, limit: int):
        self.calls, self.limit = 0, limit

    def normalized_similarity(self, a, b):
        self.calls += 1
        if self.calls > self.limit:
            raise AssertionError(f"more than {self.limit} exact similarity scores")
        from rapidfuzz.distance import Indel
        return Indel.normalized_similarity(a, b)


def long_document(symbol: str, day: datetime.date, count: int) -> Document:
    """A resolution of ``count`` operative paragraphs that differ by one number each (as the hostile upload had).

    Stored row by row with its bands computed by the lineage service, as ingestion does, without the parse.
    """
    from resolutions.models import Paragraph
    from resolutions.lineage.services import compute_bands

    document = Document.objects.create(symbol=symbol, body="General Assembly", date=day, title="Long")
    Paragraph.objects.bulk_create(
        [Paragraph(document=document, order=0, kind="preambular", text="Recalling its earlier work,")]
        + [Paragraph(document=document, order=n, kind="operative", number=str(n),
                     text=f"Decides to consider item {n} at its next session;") for n in range(1, count + 1)])
    compute_bands(document)
    return document


def test_a_ten_thousand_paragraph_document_costs_a_fixed_number_of_scores_per_paragraph(
        monkeypatch, django_assert_max_num_queries):
    """The full matrix was 10,001 x 10,001 = 10^8 scores (7 GB, over a minute); now at most 50 per paragraph."""
    import resolutions.lineage.compare
    import resolutions.lineage.similarity

    earlier = long_document("A/RES/1/1", datetime.date(2001, 1, 1), 10_000)
    later = long_document("A/RES/2/1", datetime.date(2002, 1, 1), 10_000)
    paragraphs = 10_001
    alignment = CountingIndel(limit=50 * paragraphs)
    monkeypatch.setattr(resolutions.lineage.compare, "Indel", alignment)
    with django_assert_max_num_queries(12):  # the reads, and the savepoint of the time-limited lookup
        itself = compare_documents(earlier, earlier)
    assert len(itself.rows) == paragraphs
    assert all(row.status == KEPT and row.a.pk == row.b.pk for row in itself.rows)

    alignment.calls = 0
    provenance = CountingIndel(limit=50 * paragraphs)
    monkeypatch.setattr(resolutions.lineage.similarity, "Indel", provenance)
    with django_assert_max_num_queries(12):
        comparison = compare_documents(earlier, later)
    assert all(row.status == KEPT and row.a.order == row.b.order for row in comparison.rows)
    # The later text's first appearances are looked up for a bounded number of its paragraphs, and it says so.
    assert any("first 2,000 paragraphs" in note for note in comparison.notes)


def test_a_document_over_the_limit_is_refused_with_a_clear_message(client, versions, monkeypatch):
    import resolutions.lineage.compare

    older, newer = versions
    monkeypatch.setattr(resolutions.lineage.compare, "MAX_COMPARE_PARAGRAPHS", 10)
    page = client.get(reverse("lineage:compare", args=[older.pk, newer.pk]))
    assert page.status_code == 422
    assert "paragraphs; comparisons take documents of up to 10 paragraphs" in page.content.decode()
    data = client.get(reverse("lineage:compare_json", args=[older.pk, newer.pk]))
    assert data.status_code == 422 and "up to 10 paragraphs" in data.json()["detail"]
    api = client.get(f"/api/compare/{older.pk}/{newer.pk}/")
    assert api.status_code == 422 and "up to 10 paragraphs" in api.json()["detail"]


@pytest.fixture
def two_long_resolutions(corpus_dir):
    """A/RES/79/258 (the budget resolution in sections, with annexes) and A/RES/80/5: the corpus's longest texts."""
    documents = []
    for pattern in ("unxml-ga-resolutions/79session/English/A_RES_79_258-*.xml",
                    "unxml-ga-resolutions/80session/English/A_RES_80_5-*.xml"):
        (path,) = corpus_dir.glob(pattern)
        documents.append(ingest_file(path.read_bytes(), path.name).document)
    return documents


def test_the_comparison_page_of_two_long_documents_shows_its_rows_a_page_at_a_time(client, two_long_resolutions):
    """Every row on exactly one page, each page at most COMPARISON_PAGE_ROWS rows, the counts of every row on each
    page, and links from one page to the next; the JSON keeps every row."""
    import re

    from resolutions.lineage.selectors import COMPARISON_PAGE_ROWS

    a, b = two_long_resolutions
    url = reverse("lineage:compare", args=[a.pk, b.pk])
    data = client.get(reverse("lineage:compare_json", args=[a.pk, b.pk])).json()
    total = len(data["rows"])
    assert total > COMPARISON_PAGE_ROWS   # some 450 rows: the two texts share little
    pages = -(-total // COMPARISON_PAGE_ROWS)
    seen_b, rows_seen = [], 0
    html = client.get(url).content.decode()
    for number in range(1, pages + 1):
        if number > 1:
            assert f'href="{url}?page={number}" rel="next"' in html   # the previous page links to this one
            html = client.get(url, {"page": number}).content.decode()
        rows = re.findall(r'<tr class="row-\w+"\s*(?:id="b-([^"]+)")?>', html)
        assert 0 < len(rows) <= COMPARISON_PAGE_ROWS
        first = (number - 1) * COMPARISON_PAGE_ROWS + 1
        assert f"Rows {first}–{first + len(rows) - 1} of {total}" in html
        assert f"{data['counts']['added']} added" in html   # the counts are of every row, on every page
        seen_b += [anchor for anchor in rows if anchor]
        rows_seen += len(rows)
    assert rows_seen == total
    assert 'rel="next"' not in html and 'rel="prev"' in html   # the last page
    assert sorted(seen_b) == sorted(row["b"]["anchor"] for row in data["rows"] if row["b"])
    # A page past the end is the last page; a page number that is not one is the first.
    assert f"Rows {(pages - 1) * COMPARISON_PAGE_ROWS + 1}–" in client.get(url, {"page": "9999"}).content.decode()
    assert "Rows 1–" in client.get(url, {"page": "two"}).content.decode()
