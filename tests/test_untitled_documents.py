"""A document whose source prints no title is listed by the subject its text gives, never as "(untitled)"."""
import re
from pathlib import Path

import pytest

from resolutions.parser import parse
from resolutions.parser.subject import subject_from_text
from resolutions.services.ingestion.ingest import ingest_file

GOLD = "cr-unsc-gold/data/res_en_gold"


def _gold(corpus_dir: Path, number: int) -> Path:
    (path,) = (corpus_dir / GOLD).glob(f"S_RES_{number:04d}_*_EN_GOLD.txt")
    return path


def test_every_early_council_resolution_without_a_printed_title_gets_a_subject_from_its_own_words(corpus_dir):
    for path in sorted((corpus_dir / GOLD).glob("*.txt")):
        parsed = parse(path.read_bytes(), path.name)
        if parsed.title:
            continue
        subject = subject_from_text(parsed)
        assert subject, path.name
        source_words = set(re.findall(r"\w+", path.read_text(encoding="utf-8").lower()))
        kept = re.findall(r"\w+", subject.lower())
        # Every word of the subject is the text's own, save the words of the admission formula.
        foreign = [w for w in kept if w not in source_words and w not in {"admission", "of", "to", "membership",
                                                                         "in", "the", "united", "nations"}]
        assert not foreign, (path.name, subject)


def test_a_council_resolution_naming_the_question_is_listed_by_that_question(corpus_dir):
    # S/RES/561 (1985) opens: 'Recalling ... all its resolutions on the situation in Lebanon,' (the gold text, line 8).
    path = _gold(corpus_dir, 561)
    assert "resolutions on the situation in Lebanon," in " ".join(path.read_text(encoding="utf-8").split())
    assert subject_from_text(parse(path.read_bytes(), path.name)) == "Situation in Lebanon"


def test_an_admission_resolution_is_listed_as_the_admission_of_that_state(corpus_dir):
    path = _gold(corpus_dir, 196)   # 'Having examined the application of Malta for admission to the United Nations'
    assert subject_from_text(parse(path.read_bytes(), path.name)) == \
        "Admission of Malta to membership in the United Nations"


@pytest.mark.django_db
def test_the_page_and_search_show_the_subject_where_no_title_is_printed(client, corpus_dir):
    path = _gold(corpus_dir, 509)
    outcome = ingest_file(path.read_bytes(), path.name)
    document = outcome.document
    assert document.title == ""
    assert document.subject.startswith("Recalling its resolutions 425 (1978) and 508 (1982)")
    page = client.get(document.get_absolute_url()).content.decode()
    assert "(untitled)" not in page
    assert "Recalling its resolutions 425 (1978) and 508 (1982)" in page.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert "No title is printed in the source" in page
    results = client.get("/search/", {"q": "Lebanon withdraw"}).content.decode()
    assert "(untitled)" not in results
