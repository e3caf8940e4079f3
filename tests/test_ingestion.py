"""The ingestion service on the real seeds: storing, idempotence, failures kept, re-uploads, citations.

Expectations come from reading the seeds (samples/), not from the code's output.
"""
import zipfile

import pytest

from resolutions.models import Citation, Document, Footnote, Paragraph, SourceFile, Sponsorship
from resolutions.services.ingestion.batch import ingest_paths
from resolutions.services.ingestion.ingest import ingest_file
from resolutions.services.citations import symbol_keys_for_target, target_keys_for_symbol

from .conftest import SAMPLES, seed_path

pytestmark = pytest.mark.django_db

SEED_002_SYMBOL = "A/C.3/61/L.7/Rev.1"


def ingest_seed(prefix: str, **kwargs):
    path = seed_path(prefix)
    return ingest_file(path.read_bytes(), path.name, **kwargs)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_ingests(prefix):
    outcome = ingest_seed(prefix)
    assert outcome.status == "parsed", outcome.message
    assert outcome.created
    source = SourceFile.objects.get()
    assert source.status == SourceFile.Status.PARSED
    assert bytes(source.content) == seed_path(prefix).read_bytes()
    assert source.document == outcome.document
    document = outcome.document
    assert document.paragraphs.filter(parent__isnull=True).exists()
    # Every seed has operative paragraphs and a preamble addressed by a body ("The General Assembly," ...).
    assert document.paragraphs.filter(kind=Paragraph.Kind.OPERATIVE).exists()
    assert document.preamble_subject.startswith("The ")


def test_the_seed_with_a_symbol_is_stored_under_it():
    document = ingest_seed("002").document
    assert document.symbol == SEED_002_SYMBOL
    assert document.symbol_key == "A/C.3/61/L.7/REV.1"
    assert Document.objects.get(symbol_key="A/C.3/61/L.7/REV.1") == document


def test_seed_002_is_stored_whole():
    """A/C.3/61/L.7/Rev.1 as read: 11 preambular and 19 operative paragraphs, 7 footnotes, 21 sponsors."""
    document = ingest_seed("002").document
    top = document.paragraphs.filter(parent__isnull=True)
    assert top.filter(kind="preambular").count() == 11
    assert top.filter(kind="operative").count() == 19
    assert [p.number for p in top.filter(kind="operative")] == [str(n) for n in range(1, 20)]
    assert list(document.paragraphs.values_list("order", flat=True)) == list(range(1, 31))
    assert document.paragraphs.get(number="12").text.count("fledgling") == 1
    assert document.footnotes.count() == 7
    assert document.footnotes.get(marker="5").text.startswith("E/CN.4/2006/62")
    sponsors = list(document.sponsorships.values_list("name_as_printed", flat=True))
    assert len(sponsors) == 21 and sponsors[0] == "Angola" and sponsors[-1] == "Viet Nam"
    assert document.date.isoformat() == "2006-10-19"
    assert document.session == 61
    (item,) = document.agenda_items.all()
    assert item.number == "98" and item.title == "Crime prevention and criminal justice"


def test_sub_paragraphs_are_child_rows_in_order():
    """Seed 003, operative 4: '(a) Appropriate housing' to '(d) Employment, educational and training opportunities'."""
    document = ingest_seed("003").document
    parent = document.paragraphs.get(kind="operative", number="4", parent__isnull=True)
    children = list(parent.subparagraphs.order_by("order"))
    assert [c.label for c in children] == ["a", "b", "c", "d"]
    assert children[0].text.startswith("Appropriate housing")
    assert [c.order for c in children] == [parent.order + i for i in range(1, 5)]
    assert all(c.kind == "operative" for c in children)
    assert document.paragraphs.get(number="5", parent__isnull=True).order == parent.order + 5


def test_the_same_bytes_again_are_a_duplicate():
    first = ingest_seed("002")
    again = ingest_seed("002")
    assert again.status == "duplicate" and not again.created
    assert again.document == first.document and again.source_file == first.source_file
    assert Document.objects.count() == 1 and SourceFile.objects.count() == 1
    assert Paragraph.objects.count() == first.document.paragraphs.count()


def test_a_symbol_less_seed_twice_is_still_one_document():
    ingest_seed("001")
    assert ingest_seed("001").status == "duplicate"
    assert Document.objects.count() == 1


@pytest.mark.parametrize("name, data", [
    ("empty.txt", b""),
    ("blank.txt", b"  \n\n \t\n"),
    ("garbage.bin", bytes(range(256)) * 40),
    ("corrupt.pdf", b"%PDF-1.4 garbage"),
    ("shopping.txt", b"Shopping list\n\nEggs, milk and bread.\n"),
])
def test_a_file_that_cannot_be_parsed_is_kept_as_failed(name, data):
    outcome = ingest_file(data, name)
    assert outcome.status == "failed"
    assert outcome.document is None
    source = SourceFile.objects.get()
    assert source.status == SourceFile.Status.FAILED
    assert bytes(source.content) == data
    assert source.error and source.error == outcome.message
    assert Document.objects.count() == 0


def test_the_empty_file_says_so():
    assert "empty" in ingest_file(b"", "empty.txt").message.lower()


def test_a_parser_crash_is_reported_as_an_internal_error(monkeypatch):
    def crash(data, filename):
        raise KeyError("boom")

    monkeypatch.setattr("resolutions.services.ingestion.ingest.parse", crash)
    outcome = ingest_seed("002")
    assert outcome.status == "failed" and outcome.message.startswith("Internal error:")
    assert SourceFile.objects.get().status == SourceFile.Status.FAILED
    assert Document.objects.count() == 0


def test_a_failure_while_storing_rolls_the_document_back_but_keeps_the_file(monkeypatch):
    def broken_index(document):
        raise RuntimeError("index down")

    monkeypatch.setattr("resolutions.services.indexing.index_document", broken_index)
    outcome = ingest_seed("002")
    assert outcome.status == "failed" and "index down" in outcome.message
    assert Document.objects.count() == 0 and Paragraph.objects.count() == 0
    assert bytes(SourceFile.objects.get().content) == seed_path("002").read_bytes()


def test_a_failed_file_is_retried_on_its_own_record_when_uploaded_again(monkeypatch):
    def crash(data, filename):
        raise KeyError("first try")

    monkeypatch.setattr("resolutions.services.ingestion.ingest.parse", crash)
    assert ingest_seed("002").status == "failed"
    monkeypatch.undo()
    outcome = ingest_seed("002")
    assert outcome.status == "parsed"
    assert SourceFile.objects.count() == 1 and SourceFile.objects.get().error == ""


def test_a_zip_batch_with_one_bad_file_loses_nothing(tmp_path):
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(SAMPLES.glob("*.txt")):
            zf.write(path, f"seeds/{path.name}")
        zf.writestr("seeds/broken.pdf", b"%PDF-1.4 garbage")
    outcomes = ingest_paths([archive], progress=False)
    assert sorted(o.status for o in outcomes) == ["failed"] + ["parsed"] * 5
    assert SourceFile.objects.count() == 6
    # Seed 001 is seed 000's text without its header: one document with two source files (lineage).
    assert Document.objects.count() == 4
    assert SourceFile.objects.get(original_name__endswith=seed_path("000").name).document == \
        SourceFile.objects.get(original_name__endswith=seed_path("001").name).document
    failed = SourceFile.objects.get(status="failed")
    assert failed.original_name == "batch.zip/seeds/broken.pdf" and bytes(failed.content) == b"%PDF-1.4 garbage"
    assert len(set(SourceFile.objects.values_list("batch", flat=True))) == 1


def corrected_002() -> bytes:
    data = seed_path("002").read_bytes()
    assert data.count(b"fledgling") == 1
    return data.replace(b"fledgling", b"nascent")


def test_a_corrected_reupload_replaces_the_parse_and_keeps_both_files():
    first = ingest_seed("002").document
    old_ids = set(first.paragraphs.values_list("pk", flat=True))
    outcome = ingest_file(corrected_002(), "002-corrected.txt")
    assert outcome.status == "parsed" and not outcome.created
    assert outcome.document.pk == first.pk
    assert Document.objects.count() == 1
    document = Document.objects.get()
    assert "nascent" in document.paragraphs.get(number="12").text
    assert not document.paragraphs.filter(text__contains="fledgling").exists()
    assert not set(document.paragraphs.values_list("pk", flat=True)) & old_ids
    assert document.paragraphs.count() == 30
    assert document.footnotes.count() == 7 and document.sponsorships.count() == 21
    assert set(document.source_files.values_list("original_name", flat=True)) == {
        seed_path("002").name, "002-corrected.txt"}


def test_staff_edits_survive_a_reupload_unless_discarded():
    document = ingest_seed("002").document
    paragraph = document.paragraphs.get(number="12")
    paragraph.text = "Requests the Secretary-General to do what staff wrote."
    paragraph.edited = True
    paragraph.save()
    Document.objects.filter(pk=document.pk).update(edited=True)

    kept = ingest_file(corrected_002(), "002-corrected.txt")
    assert kept.status == "parsed" and "not applied" in kept.message
    assert document.paragraphs.get(number="12").text == "Requests the Secretary-General to do what staff wrote."
    assert any("staff edited" in w for w in kept.source_file.warnings)
    assert kept.source_file.document == document

    replaced = ingest_file(corrected_002(), "002-corrected.txt", source_file=kept.source_file, discard_edits=True)
    assert replaced.status == "parsed"
    document.refresh_from_db()
    assert not document.edited
    assert "nascent" in document.paragraphs.get(number="12").text
    assert SourceFile.objects.count() == 2


def test_sponsors_are_linked_to_member_states_by_name_or_alias():
    from resolutions.models import MemberState

    MemberState.objects.update_or_create(name="Russian Federation", defaults={
        "iso3": "RUS", "slug": "russian-federation", "aliases": ["Russia", "USSR"]})
    MemberState.objects.update_or_create(name="Iran (Islamic Republic of)", defaults={
        "iso3": "IRN", "slug": "iran", "aliases": ["Iran"]})
    MemberState.objects.filter(name="Angola").delete()  # whatever the table holds, Angola is unknown here
    ingest_seed("003")  # printed "Russia"
    ingest_seed("002")  # printed "Iran" and "Russian Federation"
    russia = MemberState.objects.get(iso3="RUS")
    assert set(Sponsorship.objects.filter(state=russia).values_list("name_as_printed", flat=True)) == {
        "Russia", "Russian Federation"}
    assert Sponsorship.objects.get(name_as_printed="Iran").state.iso3 == "IRN"
    unknown = Sponsorship.objects.get(name_as_printed="Angola")
    assert unknown.state is None  # not in this test's table: kept as printed


def resolution_61_180() -> bytes:
    """Seed 002 is the draft adopted as resolution 61/180: the same text under the resolution's symbol."""
    return seed_path("002").read_bytes().replace(SEED_002_SYMBOL.encode(), b"A/RES/61/180")


def test_citations_wait_unresolved_and_resolve_when_the_target_arrives():
    citing = ingest_seed("003").document  # "General Assembly resolution 61/180 of 20 December 2006"
    waiting = citing.citations.filter(target_key="resolution:A:61/180")
    assert waiting.exists()
    assert all(c.status == Citation.Status.UNRESOLVED and c.target_document is None for c in waiting)

    target = ingest_file(resolution_61_180(), "A_RES_61_180.txt").document
    assert target.symbol == "A/RES/61/180"
    for citation in citing.citations.filter(target_key="resolution:A:61/180"):
        assert citation.status == Citation.Status.RESOLVED and citation.target_document == target


def test_a_citation_of_a_document_already_in_the_archive_resolves_at_once():
    target = ingest_file(resolution_61_180(), "A_RES_61_180.txt").document
    citing = ingest_seed("003").document
    resolved = citing.citations.get(target_key="resolution:A:61/180")
    assert resolved.status == Citation.Status.RESOLVED and resolved.target_document == target


def test_treaty_citations_are_external():
    document = ingest_seed("000").document  # footnote 3: "United Nations, Treaty Series, vol. 2171, No. 27531."
    treaty = document.citations.get(kind="treaty", volume="2171")
    assert treaty.treaty_number == "27531"
    assert treaty.status == Citation.Status.EXTERNAL
    assert treaty.footnote == Footnote.objects.get(document=document, marker="3")


@pytest.mark.parametrize("target_key, symbol_key", [
    ("resolution:A:61/180", "A/RES/61/180"),
    ("resolution:S:2720(2023)", "S/RES/2720(2023)"),
    ("resolution:E:2008/33", "E/RES/2008/33"),
    ("resolution:A/HRC:7/2", "A/HRC/RES/7/2"),
    ("document:E/CN.4/2006/62", "E/CN.4/2006/62"),
])
def test_target_keys_and_symbols_correspond(target_key, symbol_key):
    assert symbol_keys_for_target(target_key) == [symbol_key]
    assert target_key in target_keys_for_symbol(symbol_key)


def test_decisions_and_treaties_have_no_symbol_to_look_for():
    assert symbol_keys_for_target("decision:E:1980/127") == []
    assert symbol_keys_for_target("treaty:2171:27531") == []
