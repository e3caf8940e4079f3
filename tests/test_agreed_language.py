""""Find agreed language" on the real seeds: a paraphrase finds its source, phrases, filters, escaping, indexes.

The paraphrase below was written by hand from 002 (A/C.3/61/L.7/Rev.1, 2006) op 10:
"Encourages Member States to initiate and develop working-level contacts between
countries of origin, transit and destination, especially between police,
prosecutors and social authorities;" — no other seed has that paragraph.
"""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resolutions.models import Document
from resolutions.lineage.selectors import AgreedLanguageFilters, agreed_language
from resolutions.services.ingestion.ingest import ingest_file

from .conftest import seed_path

pytestmark = pytest.mark.django_db

PARAPHRASE = ("Member States are encouraged to begin and to develop contacts at the working level among countries "
              "of origin, transit and destination, in particular among the police, prosecutors and social services")
PHRASE = "implement fully all aspects of these instruments"


@pytest.fixture
def archive():
    for prefix in ("002", "000", "001", "003", "004"):
        path = seed_path(prefix)
        outcome = ingest_file(path.read_bytes(), path.name)
        assert outcome.status == "parsed", outcome.message


def test_a_paraphrase_finds_its_source_first(archive):
    results = agreed_language(PARAPHRASE)
    assert results
    best = results[0]
    assert best.paragraph.document.date == datetime.date(2006, 10, 19)
    assert best.paragraph.text.startswith("Encourages Member States to initiate and develop working-level contacts")
    assert best.similarity > (results[1].similarity if len(results) > 1 else 0)
    assert best.paragraph.kind == "operative" and best.paragraph.lead.startswith("Encourages")


def test_a_short_phrase_inside_long_paragraphs_is_found(archive):
    """The phrase closes 2006 op 3 and op 4 and 2008 op 1 ("... and to implement fully all aspects of these
    instruments;"); MinHash of a whole paragraph cannot see it, full-text candidates do."""
    results = agreed_language(PHRASE)
    top = [r for r in results if r.similarity >= 0.95]
    found = {(r.paragraph.document.date.year, r.paragraph.number) for r in top}
    assert {(2006, "3"), (2006, "4"), (2008, "1")} <= found
    assert all(PHRASE in r.paragraph.text for r in top)


def test_filters_by_body_and_date(archive):
    phrase = "the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children"
    ecosoc = agreed_language(phrase, AgreedLanguageFilters(body="Economic and Social Council"))
    assert ecosoc and {r.paragraph.document.body for r in ecosoc} == {"Economic and Social Council"}
    early = agreed_language(phrase, AgreedLanguageFilters(date_to=datetime.date(2007, 1, 1)))
    assert early and {r.paragraph.document.date.year for r in early} == {2006}
    # The seeds are all drafts, 002 too: "resolution adopted by the Third Committee" is the committee's draft for
    # the General Assembly (an L. document).
    assert agreed_language(phrase, AgreedLanguageFilters(document_type="adopted")) == []
    assert len(agreed_language(phrase, AgreedLanguageFilters(document_type="draft"))) == len(agreed_language(phrase))


def test_the_page_works_without_javascript_and_escapes(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        page = client.get(reverse("lineage:agreed_language"), {"q": "<script>alert(1)</script> " + PARAPHRASE})
    html = page.content.decode()
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert 'method="get"' in html
    results = html[html.index('class="agreed-language-results"'):]
    assert "working-level" in results and "<ins>" in results and "<mark>" in results
    first = results.index('class="agreed-language-result"')
    second = results.find('class="agreed-language-result"', first + 1)
    first_item = results[first:second if second > 0 else None]
    assert Document.objects.get(date=datetime.date(2006, 10, 19)).get_absolute_url() in first_item


def test_every_paragraph_lookup_goes_through_an_index(archive):
    """Candidates come from the GIN-indexed && (LSH bands) and @@ (full text); other reads are by primary key."""
    with CaptureQueriesContext(connection) as queries:
        agreed_language(PARAPHRASE)
    paragraph_reads = [q["sql"] for q in queries.captured_queries if 'FROM "resolutions_paragraph"' in q["sql"]]
    assert paragraph_reads
    for sql in paragraph_reads:
        assert "&&" in sql or "@@" in sql or '"resolutions_paragraph"."id" IN' in sql, sql


def test_the_page_takes_the_words_as_text_too(client, archive):
    """The search page links here with ?text=<its query>."""
    page = client.get(reverse("lineage:agreed_language"), {"text": PARAPHRASE})
    assert "working-level" in page.content.decode()


def test_adopted_text_comes_before_an_equally_close_draft():
    """002's text stored twice: as the draft A/C.3/61/L.7/Rev.1 and under the symbol of the resolution adopted from
    it, A/RES/61/180 (whose text the General Assembly adopted unchanged): the resolution's paragraph ranks first."""
    path = seed_path("002")
    draft = ingest_file(path.read_bytes(), path.name).document
    adopted = ingest_file(path.read_bytes().replace(b"A/C.3/61/L.7/Rev.1", b"A/RES/61/180"), "A_RES_61_180.txt").document
    results = agreed_language(PARAPHRASE)
    assert [r.paragraph.document for r in results[:2]] == [adopted, draft]
    assert results[0].adopted and not results[1].adopted
    assert results[0].similarity == results[1].similarity
