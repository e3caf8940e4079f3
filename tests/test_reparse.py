"""`manage.py reparse`: the current parser over the stored originals, so a parser fix reaches the archive.

The documents are real: S/RES/808 (1993) from the hand-corrected Security Council texts (cr-unsc-gold), whose
printed text has three operative paragraphs, the second "Requests the Secretary-General to submit ... for the
effective and expeditious implementation of the decision contained in paragraph 1 above", and the seeds 000 and
001 (one resolution, the second without its header).  An earlier parser is played by the real one with
operative 2 dropped, as the parser once dropped S/RES/274's operatives 2 and 3.
"""
import dataclasses
import io

import pytest
from django.core.management import CommandError, call_command

from resolutions.models import Document, Paragraph, SourceFile
from resolutions.parser import parse
from resolutions.services.documents import save_paragraph_edit
from resolutions.services.ingestion.ingest import ingest_file

from .conftest import seed_path

pytestmark = pytest.mark.django_db

SC_808 = "cr-unsc-gold/data/res_en_gold/S_RES_0808_1993_EN_GOLD.txt"


def parser_that_drops_operative_2(data, filename):
    parsed = parse(data, filename)
    kept = [p for p in parsed.paragraphs if not (p.kind == "operative" and p.number == "2")]
    return dataclasses.replace(parsed, paragraphs=kept, citations=[])


def run(*args) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("reparse", *args, "--no-progress", stdout=out, stderr=out)
    except CommandError as error:
        return out.getvalue(), error.returncode
    return out.getvalue(), 0


def found(client, word: str) -> list[str]:
    return [hit["document"]["symbol"] for hit in client.get("/api/search/", {"q": word}).json()["documents"]]


@pytest.fixture
def sc_808(corpus_dir, monkeypatch):
    path = corpus_dir / SC_808
    with monkeypatch.context() as patch:
        patch.setattr("resolutions.services.ingestion.ingest.parse", parser_that_drops_operative_2)
        outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def operative_numbers(document) -> list[str]:
    return list(Paragraph.objects.filter(document=document, kind="operative", parent__isnull=True)
                .order_by("order").values_list("number", flat=True))


def test_a_parser_fix_reaches_a_stored_document_and_a_second_run_changes_nothing(sc_808, client):
    assert operative_numbers(sc_808) == ["1", "3"] and found(client, "expeditious") == []

    output, status = run("S/RES/808 (1993)")
    assert status == 0, output
    assert output.splitlines()[-1] == "1 document(s): 1 changed, 0 unchanged, 0 failed"
    assert operative_numbers(sc_808) == ["1", "2", "3"]
    assert found(client, "expeditious") == ["S/RES/808 (1993)"]
    second = Paragraph.objects.get(document=sc_808, kind="operative", number="2")
    assert second.text.startswith("Requests the Secretary-General to submit")
    assert second.lsh_bands  # banded for agreed language like every stored paragraph
    (source,) = SourceFile.objects.filter(document=sc_808)
    assert source.status == "parsed" and Document.objects.count() == 1

    output, status = run("--all")
    assert status == 0, output
    assert output.splitlines()[-1] == "1 document(s): 0 changed, 1 unchanged, 0 failed"


def test_staff_corrections_are_kept_unless_discarded(sc_808, client):
    first = Paragraph.objects.get(document=sc_808, kind="operative", number="1")
    first.text = first.text.replace("international tribunal", "international criminal tribunal")
    save_paragraph_edit(first, changed=True)

    output, status = run("--all")
    assert status == 0 and "staff edits kept" in output, output
    assert operative_numbers(sc_808) == ["1", "3"]
    assert "international criminal tribunal" in Paragraph.objects.get(pk=first.pk).text

    output, status = run("--all", "--discard-edits")
    assert status == 0 and output.splitlines()[-1].startswith("1 document(s): 1 changed"), output
    assert operative_numbers(sc_808) == ["1", "2", "3"]
    assert found(client, "criminal") == []


def test_a_file_that_now_fails_leaves_its_document_as_it_was(sc_808, monkeypatch):
    def crash(data, filename):
        raise RuntimeError("parser bug")

    monkeypatch.setattr("resolutions.services.ingestion.ingest.parse", crash)
    output, status = run("--all")
    assert status == 1
    assert "failed" in output and "parser bug" in output
    assert operative_numbers(sc_808) == ["1", "3"]
    (source,) = SourceFile.objects.filter(document=sc_808)
    assert source.status == "parsed" and source.document_id == sc_808.pk and "parser bug" in source.error


def test_one_text_in_two_files_stays_one_document_with_the_richer_parse():
    for prefix in ("000", "001"):
        ingest_file(seed_path(prefix).read_bytes(), seed_path(prefix).name)
    (document,) = Document.objects.all()
    sponsors = list(document.sponsorships.values_list("name_as_printed", flat=True))
    assert sponsors  # seed 000 prints its sponsors; 001 does not

    output, status = run("--all")
    assert status == 0 and output.splitlines()[-1] == "1 document(s): 0 changed, 1 unchanged, 0 failed", output
    (document,) = Document.objects.all()
    assert list(document.sponsorships.values_list("name_as_printed", flat=True)) == sponsors
    assert sorted(s.original_name[:3] for s in document.source_files.all()) == ["000", "001"]


def test_symbols_are_found_in_any_spelling_and_a_missing_one_is_reported(sc_808):
    output, status = run("s/res/808(1993)", "S/RES/9999 (2030)")
    assert status == 1
    assert "not found  S/RES/9999 (2030)" in output
    assert "1 document(s): 1 changed, 0 unchanged, 0 failed; 1 symbol(s) not found" in output
    with pytest.raises(CommandError):
        call_command("reparse", stdout=io.StringIO())
