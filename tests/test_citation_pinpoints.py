"""A citation that names a paragraph ('paragraph 10 of resolution 2722 (2024)') links to that paragraph's anchor on
the cited page, and the cited page lists the documents citing each paragraph.  Read on the Security Council's own
AKN files of its Yemen resolutions: S/RES/2768 (2025) op 1 'Extends the reporting request in paragraph 10 of
resolution 2722 (2024)'."""
import re

import pytest

from resolutions.citations import find_citations
from resolutions.services.ingestion.ingest import ingest_file

SC = "unxml-sc-resolutions"
S2722 = f"{SC}/2024/English/S_RES_2722-2400437E.xml"
S2768 = f"{SC}/2025/English/S_RES_2768-2500616E.xml"
S2812 = f"{SC}/2026/English/S_RES_2812-2600463E.xml"


def _text(path) -> str:
    """The XML's words without its markup, for reading what the source says."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_the_finder_reads_the_paragraphs_a_citation_names_before_the_resolution():
    found = find_citations("Recalling paragraph 1 of resolution 61/75, paragraph 2 of resolution 62/43 and "
                           "resolution 63/1,", organ="General Assembly")
    assert [(c.number, c.pinpoint) for c in found] == [("61/75", ("1",)), ("62/43", ("2",)), ("63/1", ())]
    (listed,) = find_citations("pursuant to paragraphs 2, 6, 10 and 13 to 16 of resolution 1596 (2005)")
    assert listed.pinpoint == ("2", "6", "10", "13", "14", "15", "16")
    (lettered,) = find_citations("as described in paragraph 12 (g) of resolution 1718 (2006)")
    assert lettered.pinpoint == ("12(g)",)
    (its,) = find_citations("paragraph 5 of its resolution 79/33", organ="General Assembly")
    assert (its.body, its.pinpoint) == ("General Assembly", ("5",))


def test_a_paragraph_of_an_annex_is_no_pinpoint_of_the_resolution():
    (annexed,) = find_citations("as set out in paragraph 5 of the annex to resolution 79/33", organ="General Assembly")
    assert annexed.pinpoint == ()


def test_the_finder_reads_the_pinpoint_of_a_real_security_council_resolution(corpus_dir):
    text = _text(corpus_dir / S2768)
    sentence = re.search(r"Extends the reporting request in paragraph 10 of resolution 2722 \(2024\)[^;]*", text)
    assert sentence, "S/RES/2768 (2025) op 1 as printed"
    (citation,) = [c for c in find_citations(sentence.group(0), organ="Security Council")]
    assert (citation.number, citation.pinpoint) == ("2722 (2024)", ("10",))


@pytest.mark.django_db
def test_a_citation_of_a_paragraph_links_to_its_anchor_and_the_cited_page_lists_who_cites_it(client, corpus_dir):
    cited = ingest_file((corpus_dir / S2722).read_bytes(), "2722.xml").document
    citing = ingest_file((corpus_dir / S2768).read_bytes(), "2768.xml").document
    later = ingest_file((corpus_dir / S2812).read_bytes(), "2812.xml").document
    assert "paragraph 10 of resolution 2722 (2024)" in _text(corpus_dir / S2812)   # S/RES/2812 (2026) op 1 too
    page = client.get(citing.get_absolute_url()).content.decode()
    assert f'href="{cited.get_absolute_url()}#op10"' in page
    cited_page = client.get(cited.get_absolute_url()).content.decode()
    listed = re.search(r'<p class="cited-here">Paragraph 10 is cited by (.*?)</p>', cited_page)
    assert listed, "the cited paragraph says who cites it"
    assert citing.symbol in listed.group(1) and later.symbol in listed.group(1)
    # Only paragraph 10 is named by them: no other paragraph of S/RES/2722 (2024) lists citers.
    assert cited_page.count('class="cited-here"') == 1
