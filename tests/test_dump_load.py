"""Bulk dump and load: dump, load into an empty database, dump again gives the same files, upload bytes included."""
import base64
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from resolutions import search
from resolutions.models import Document, Paragraph, SourceFile
from resolutions.services.dump import LoadError, load_archive
from tests.conftest import SAMPLES
from tests.seeded_archive import ingest_seeds


def files(directory):
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def flush():
    """manage.py flush inside the test's transaction (its pending foreign-key checks are run first)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", "--no-input")


@pytest.fixture
def seeds(db):
    ingest_seeds()
    # A failed upload belongs to no document; it must survive the round trip too.
    from resolutions.services.ingestion.ingest import ingest_file
    assert ingest_file(b"\x00\x01 not a resolution", "broken.pdf").status == "failed"


def test_round_trip_gives_identical_output(seeds, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    call_command("dump_archive", str(first), "--no-progress")
    lines = (first / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["record"] for r in records] == ["document"] * 4 + ["source_file"]
    # Seeds 000 and 001 are one document with both files, each byte for byte.
    merged = next(r for r in records if len(r.get("source_files", [])) == 2)
    for source in merged["source_files"]:
        assert base64.b64decode(source["content_base64"]) == (SAMPLES / source["original_name"]).read_bytes()
    assert len(list((first / "akn").glob("*.xml"))) == 4
    original_vector = Document.objects.get(symbol="A/C.3/61/L.7/Rev.1").search_vector

    flush()
    assert not Document.objects.exists() and not SourceFile.objects.exists()
    call_command("load_archive", str(first / "documents.jsonl"), "--no-progress")
    call_command("dump_archive", str(second), "--no-progress")

    assert files(first) == files(second)
    # Derived data is rebuilt: the same document vector, and full-text search works on the loaded archive.
    rev1 = Document.objects.get(symbol="A/C.3/61/L.7/Rev.1")
    assert rev1.search_vector == original_vector
    result = search.search(search.parse_query("trafficking"), Document.objects.all(), Paragraph.objects.all(),
                           mode="documents", sort="relevance", page=1, params={})
    assert result.total == 4
    assert bytes(SourceFile.objects.get(original_name="broken.pdf").content) == b"\x00\x01 not a resolution"
    # New rows after a load get fresh ids (the sequences were moved past the loaded ids).
    from resolutions.services.ingestion.ingest import ingest_file
    outcome = ingest_file(b"another failed upload", "other.pdf")
    assert outcome.source_file.pk > max(r["id"] for r in records if r["record"] == "source_file")


@pytest.fixture
def one_seed(db):
    from resolutions.services.ingestion.ingest import ingest_file
    (path,) = SAMPLES.glob("002_*")
    assert ingest_file(path.read_bytes(), path.name).status == "parsed"


def test_load_refuses_a_non_empty_archive_and_writes_nothing(one_seed, tmp_path):
    call_command("dump_archive", str(tmp_path), "--no-progress")
    before = Document.objects.count()
    with pytest.raises(CommandError, match="not empty"):
        call_command("load_archive", str(tmp_path / "documents.jsonl"), "--no-progress")
    assert Document.objects.count() == before


def test_damaged_dump_is_refused_with_the_line_and_nothing_loaded(one_seed, tmp_path):
    call_command("dump_archive", str(tmp_path), "--no-progress")
    lines = (tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record["source_files"][0]["content_base64"] = base64.b64encode(b"tampered").decode()
    original = lines[0]
    lines = [json.dumps(record)]
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    flush()
    with pytest.raises(LoadError, match="do not match their sha256"):
        load_archive(damaged, progress=False)
    assert not Document.objects.exists()
    truncated = tmp_path / "truncated.jsonl"
    truncated.write_text(original + "\n" + original[:200] + "\n", encoding="utf-8")
    with pytest.raises(LoadError, match="line 2"):
        load_archive(truncated, progress=False)
    assert not Document.objects.exists()
