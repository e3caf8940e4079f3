"""A citation of a resolution adopted in parts ("resolutions 36/87 A and B") resolves to a part's document when the
archive holds one, and otherwise stays unresolved, shown as printed with a link to the UN's copy of the first part.

The citing text is real: A/RES/80/17 (the railcar extraction of the UN's PDF), whose first preambular paragraph recalls
"its resolutions 3263 (XXIX) of 9 December 1974, ..., 36/87 A and B of 9 December 1981, 37/75 ...". The corpus holds
no resolution adopted in parts, so part B is stood in for by another real text of the same extraction, A/RES/80/1,
under the front matter symbol "A/RES/36/87 B" (the UN publishes each part under its own symbol).
"""
import re

import pytest

from resolutions.citations.keys import numbers_naming_part, part_numbers
from resolutions.models import Citation, Document
from resolutions.services.ingestion.ingest import ingest_file

pytestmark = pytest.mark.django_db

PRINTED = "36/87 A and B"


def _citing(corpus_dir):
    path = corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_17.md"
    assert PRINTED + " of 9 December 1981" in path.read_text(encoding="utf-8")
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _part_b(corpus_dir):
    data = (corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_1.md").read_bytes()
    assert b"symbol: A/RES/80/1\n" in data
    outcome = ingest_file(data.replace(b"symbol: A/RES/80/1\n", b"symbol: A/RES/36/87 B\n"), "A_RES_36_87_B.md")
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _the_citation(document) -> Citation:
    (citation,) = [c for c in document.citations.all() if c.raw_text.startswith(PRINTED)]
    return citation


def test_the_parts_a_citation_names_and_the_citations_naming_a_part():
    assert part_numbers("36/87A-B") == ["36/87A", "36/87B"]
    assert part_numbers("75/254A-C") == ["75/254A", "75/254B", "75/254C"]
    assert part_numbers("61/180") == [] and part_numbers("217A(III)") == [] and part_numbers("ES-10/15") == []
    naming_b = numbers_naming_part("36/87B")
    assert "36/87A-B" in naming_b and "36/87B-C" in naming_b and "36/87A-Z" in naming_b
    assert "36/87C-D" not in naming_b and "36/87A-A" not in naming_b
    assert numbers_naming_part("61/180") == [] and numbers_naming_part("2720(2023)") == []


def test_without_a_part_in_the_archive_the_citation_is_unresolved_and_links_to_the_first_parts_copy(client,
                                                                                                     corpus_dir):
    citing = _citing(corpus_dir)
    citation = _the_citation(citing)
    assert citation.status == "unresolved" and citation.target_document is None
    html = client.get(citing.get_absolute_url()).content.decode()
    assert re.search(rf'href="https://docs.un.org/en/A/RES/36/87A"[^>]*>{PRINTED}</a>', html)


def test_a_part_arriving_after_the_citing_resolution_resolves_its_citation(client, corpus_dir):
    citing = _citing(corpus_dir)
    part = _part_b(corpus_dir)
    assert part.symbol_key == "A/RES/36/87B"
    citation = _the_citation(citing)
    assert citation.status == "resolved" and citation.target_document_id == part.pk
    html = client.get(Document.objects.get(pk=citing.pk).get_absolute_url()).content.decode()
    assert re.search(rf'href="{re.escape(part.get_absolute_url())}"[^>]*>{PRINTED}</a>', html)
    # and the part's page lists A/RES/80/17 as citing it
    assert "A/RES/80/17" in client.get(part.get_absolute_url()).content.decode()


def test_a_part_stored_before_the_citing_resolution_is_found_at_its_ingestion(corpus_dir):
    part = _part_b(corpus_dir)
    citation = _the_citation(_citing(corpus_dir))
    assert citation.status == "resolved" and citation.target_document_id == part.pk


def test_a_parts_masthead_symbol_keeps_its_letter_so_two_parts_are_two_documents():
    """Seed 002's masthead ('United Nations A/C.3/61/L.7/Rev.1') printing a part's symbol instead, as the UN prints
    one ('A/RES/36/87 B'): the letter is the part's, not a word of the text."""
    from resolutions.parser.pipeline import parse
    from tests.conftest import seed_path

    raw = seed_path("002").read_bytes()
    assert b"United Nations A/C.3/61/L.7/Rev.1" in raw
    assert parse(raw.replace(b"A/C.3/61/L.7/Rev.1", b"A/RES/36/87 B"), "a.txt").symbol == "A/RES/36/87B"
    assert parse(raw.replace(b"A/C.3/61/L.7/Rev.1", b"A/RES/36/87"), "b.txt").symbol == "A/RES/36/87"
