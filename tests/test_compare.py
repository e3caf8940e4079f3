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
import json

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


# ---------------------------------------------------------------------------
# Real pairs of the corpus: which paragraph became which, read from the texts (not from the aligner's output).


def _corpus_document(corpus_dir, pattern: str) -> Document:
    (path,) = corpus_dir.glob(pattern)
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _anchor_rows(comparison) -> list[tuple[str | None, str | None, str]]:
    return [(row.a.anchor if row.a else None, row.b.anchor if row.b else None, row.status) for row in comparison.rows]


def _words_of(row, op: str) -> str:
    return " ".join("".join(c.text for c in row.diff if c.op == op).split())


def test_a_third_committee_draft_against_the_resolution_adopted_from_it(corpus_dir):
    """A/C.3/78/L.41 (the draft, as the un-bench genealogy holds its text) was adopted as A/RES/78/220 word for word
    but for the UN editors' spelling: 'filmmakers' became 'film-makers' in operative 23; 'non-compliance' (op 16)
    and 'non-violent' (op 19) only took a non-breaking hyphen, which is no change of words.  So every paragraph and
    sub-paragraph (3 preambular, 35 operative, op 30's (a)-(g)) pairs with the one of the same place, and only
    op 23 changed."""
    import json

    data = json.loads((corpus_dir / "un-bench-eda-ga78/viz/analysis_iran_genealogy.json").read_text(encoding="utf-8"))
    draft = ingest_file(data["stages"]["draft"]["text"].encode("utf-8"), "A_C.3_78_L.41.txt").document
    adopted = _corpus_document(corpus_dir, "unxml-ga-resolutions/78session/English/A_RES_78_220-*.xml")
    comparison = compare_documents(draft, adopted)
    rows = _anchor_rows(comparison)
    assert len(rows) == 45
    assert all(a == b for a, b, _ in rows), [r for r in rows if r[0] != r[1]]
    assert [a for a, _, status in rows if status != KEPT] == ["op23"]
    (op23,) = [row for row in comparison.rows if row.b.anchor == "op23"]
    assert op23.status == CHANGED
    assert "filmmakers" in _words_of(op23, "delete") and "makers" in _words_of(op23, "insert")
    assert comparison.counts == {KEPT: 44, CHANGED: 1, MOVED: 0, ADDED: 0, REMOVED: 0}


def test_the_question_of_the_cayman_islands_from_one_session_to_the_next(corpus_dir):
    """A/RES/77/138 (2022) and A/RES/78/90 (2023): the same 25 preambular and 13 operative paragraphs in the same
    order; four were updated -- pp 1 (the Special Committee's report 'for 2022' -> 'for 2023'), pp 15 (the Pacific
    regional seminar: Castries, Saint Lucia, 11-13 May 2022 -> Bali, Indonesia, 24-26 May 2023, with a new theme),
    pp 25 ('the COVID-19 pandemic' -> 'the coronavirus disease (COVID-19) pandemic') and op 13 (report 'at its
    seventy-eighth session' -> 'seventy-ninth')."""
    older = _corpus_document(corpus_dir, "unxml-ga-resolutions/77session/English/A_RES_77_138-*.xml")
    newer = _corpus_document(corpus_dir, "unxml-ga-resolutions/78session/English/A_RES_78_90-*.xml")
    comparison = compare_documents(older, newer)
    rows = _anchor_rows(comparison)
    expected_anchors = [f"pp{n}" for n in range(1, 26)] + [f"op{n}" for n in range(1, 14)]
    assert [a for a, _, _ in rows] == expected_anchors and [b for _, b, _ in rows] == expected_anchors
    assert {a for a, _, status in rows if status == CHANGED} == {"pp1", "pp15", "pp25", "op13"}
    assert {status for a, _, status in rows if a not in {"pp1", "pp15", "pp25", "op13"}} == {KEPT}
    by_anchor = {row.a.anchor: row for row in comparison.rows}
    assert (_words_of(by_anchor["pp1"], "delete"), _words_of(by_anchor["pp1"], "insert")) == ("2022", "2023")
    seminar = by_anchor["pp15"]
    assert "Castries" in _words_of(seminar, "delete") and "Bali" in _words_of(seminar, "insert")
    covid = by_anchor["pp25"]      # the hyphen of 'COVID-19' became a non-breaking one: punctuation, not words
    assert "coronavirus disease (" in _words_of(covid, "insert")
    assert not any(ch.isalnum() for ch in _words_of(covid, "delete"))
    assert (_words_of(by_anchor["op13"], "delete"), _words_of(by_anchor["op13"], "insert")) == ("eighth", "ninth")


def test_a_democratic_and_equitable_international_order_two_sessions_apart(corpus_dir):
    """A/RES/77/215 (2022) and A/RES/79/168 (2024).  Read side by side: 2022's pp 16 ('Welcoming in this regard the
    upcoming thirtieth anniversary, in 2023, of ... the Vienna Declaration') is gone (2024's pp 12 names the Vienna
    Declaration instead); 2024 adds a preambular paragraph after the COVID-19 ones ('Recognizing also that
    eradicating poverty in all its forms ...', its pp 25); everything between keeps its words under a number one
    lower; op 3 drops 'of the Human Rights Council' after 'Independent Expert'; op 23 asks for the report at the
    eightieth session 'with a focus on ... the reform of the international financial architecture'; op 24 continues
    the matter at the eightieth session instead of the seventy-eighth.  Nothing moved."""
    older = _corpus_document(corpus_dir, "unxml-ga-resolutions/77session/English/A_RES_77_215-*.xml")
    newer = _corpus_document(corpus_dir, "unxml-ga-resolutions/79session/English/A_RES_79_168-*.xml")
    comparison = compare_documents(older, newer)
    rows = _anchor_rows(comparison)
    assert [a for a, b, status in rows if status == REMOVED] == ["pp16"]
    assert [b for a, b, status in rows if status == ADDED] == ["pp25"]
    (added,) = [row for row in comparison.rows if row.status == ADDED]
    assert added.b.text.startswith("Recognizing also that eradicating poverty in all its forms")
    assert MOVED not in {status for _, _, status in rows}
    paired = {a: (b, status) for a, b, status in rows if a and b}
    for n in range(17, 25):          # renumbered, one lower
        assert paired[f"pp{n}"][0] == f"pp{n - 1}"
    assert paired["pp17"][1] == KEPT
    for n in range(1, 25):           # operative paragraphs keep their numbers
        assert paired[f"op{n}"][0] == f"op{n}"
    by_anchor = {row.a.anchor: row for row in comparison.rows if row.a}
    assert by_anchor["op3"].status == CHANGED
    assert _words_of(by_anchor["op3"], "delete") == "of the Human Rights Council" and not _words_of(
        by_anchor["op3"], "insert")
    assert "international financial architecture" in _words_of(by_anchor["op23"], "insert")
    assert by_anchor["op24"].status == CHANGED and "eightieth" in _words_of(by_anchor["op24"], "insert")
    assert comparison.counts[REMOVED] == 1 and comparison.counts[ADDED] == 1


def test_a_page_of_the_comparison_has_the_same_rows_and_changes_as_the_whole(corpus_dir, client):
    """The page computes word changes for its own rows only: they are those of the whole comparison (the JSON)."""
    older = _corpus_document(corpus_dir, "unxml-ga-resolutions/77session/English/A_RES_77_215-*.xml")
    newer = _corpus_document(corpus_dir, "unxml-ga-resolutions/79session/English/A_RES_79_168-*.xml")
    whole = compare_documents(older, newer)
    paged = compare_documents(older, newer, page=1, per_page=30)
    second = compare_documents(older, newer, page=2, per_page=30)
    assert paged.total_rows == len(whole.rows) and len(paged.rows) == 30
    for row, same in zip(paged.rows + second.rows, whole.rows):
        assert (row.status, row.a, row.b, row.similarity) == (same.status, same.a, same.b, same.similarity)
        assert [(c.op, c.text) for c in row.diff] == [(c.op, c.text) for c in same.diff]


# ---------------------------------------------------------------------------
# The page cache (resolutions/page_cache.py): a comparison is kept until either document, or any other, changes.


def _compare_page(client, older, newer, query=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("lineage:compare", args=[older.pk, newer.pk]), query or {})
    assert response.status_code == 200
    built = any('FROM "resolutions_paragraph"' in q["sql"] for q in captured.captured_queries)
    return response.content.decode(), built


def test_a_comparison_is_kept_in_the_page_cache_until_either_document_or_any_other_changes(
        client, settings, django_capture_on_commit_callbacks, django_user_model):
    """Served again without reading a paragraph; built again after a staff edit of the later text (its new words
    shown), after a staff edit of the earlier one, and after any other document arrives (a paragraph's first
    appearance may be in it); never served to staff from the cache."""
    from resolutions.models import Paragraph
    from resolutions.services.documents import document_changed

    settings.ARCHIVE_PAGE_CACHE = True
    with django_capture_on_commit_callbacks(execute=True):
        older, newer = ingest("002"), ingest("000")
    first, built = _compare_page(client, older, newer)
    assert built and "First appeared in" in first
    again, built = _compare_page(client, older, newer)
    assert again == first and not built
    data, built = _compare_page(client, older, newer, {"format": "json"})     # the JSON is kept apart
    assert built and json.loads(data)["counts"] and _compare_page(client, older, newer, {"format": "json"}) == (
        data, False)

    def staff_edit(document, words):
        with django_capture_on_commit_callbacks(execute=True):
            paragraph = Paragraph.objects.filter(document=document, kind="operative").order_by("order").first()
            paragraph.text, paragraph.edited = f"{paragraph.text} {words}", True
            paragraph.save()
            document_changed(document)

    staff_edit(newer, "as amended by the later text")
    html, built = _compare_page(client, older, newer)
    assert built and "as amended by the later text" in html
    assert _compare_page(client, older, newer) == (html, False)
    staff_edit(older, "as amended by the earlier text")
    html, built = _compare_page(client, older, newer)
    assert built and "as amended by the earlier text" in html
    with django_capture_on_commit_callbacks(execute=True):
        ingest("004")
    assert _compare_page(client, older, newer)[1]

    client.force_login(django_user_model.objects.create_user("editor", password="x", is_staff=True))
    assert _compare_page(client, older, newer)[1] and _compare_page(client, older, newer)[1]
