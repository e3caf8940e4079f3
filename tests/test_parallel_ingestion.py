"""Bulk ingestion in several processes (`manage.py ingest --jobs N`): same outcome as one process.

Runs on a committed database (the child processes open their own connections and
cannot see a test transaction).
"""
import io
import shutil

import pytest
from django.core.management import call_command

from resolutions.models import Document, Paragraph, SourceFile
from resolutions.parser import parse
from resolutions.services.ingestion.batch import ingest_paths

from .conftest import SAMPLES, seed_path

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_processes_store_every_file_once_and_whole(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for path in SAMPLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    shutil.copy(seed_path("002"), folder / "copy-of-002.txt")
    (folder / "noise.txt").write_bytes(b"\x00\x01 not a resolution \xff" * 50)

    outcomes = ingest_paths([folder], batch="parallel", progress=False, jobs=2)

    names = sorted(outcome.name for outcome in outcomes)
    assert len(names) == 7 and len(set(names)) == 7
    statuses = sorted(outcome.status for outcome in outcomes)
    assert statuses.count("parsed") == 5
    assert statuses.count("duplicate") == 1
    assert statuses.count("failed") + statuses.count("refused") == 1
    # Seeds 000 and 001 are one text in two layouts: one document even when stored side by side.
    assert Document.objects.count() == 4
    assert SourceFile.objects.filter(batch="parallel").count() == 6
    # Every document is whole: its paragraphs are those of a parse of one of its files.
    for document in Document.objects.all():
        stored = Paragraph.objects.filter(document=document, parent__isnull=True).count()
        counts = {len(parse(bytes(f.content), f.original_name).paragraphs)
                  for f in document.source_files.filter(status="parsed")}
        assert stored in counts


def test_the_command_takes_jobs_and_reports_each_file(tmp_path):
    out = io.StringIO()
    call_command("ingest", str(SAMPLES), "--jobs", "2", "--no-progress", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[-1] == "5 file(s): 5 parsed"
    for path in SAMPLES.glob("*.txt"):
        assert sum(path.name in line for line in lines) == 1


def test_a_file_tried_again_after_its_pool_broke_is_reported_parsed_when_its_process_had_stored_it():
    # When one process of a pool dies, Python stops the others too and every future in flight breaks, even
    # that of a file another process committed just before it was stopped (the cause of
    # test_crash_recovery's intermittent {'duplicate', 'parsed'}). Tried again, that file is found stored by
    # this very run under this very name: parsed, not a duplicate of an earlier upload.
    from resolutions.services.ingestion.batch import _ingest_one
    from resolutions.services.ingestion.uploads import upload_from_path

    upload = upload_from_path(seed_path("002"), "batch/002.txt")
    stored = _ingest_one(upload, None, "run-1", False)           # the stopped process's commit
    assert stored.status == "parsed"
    again = _ingest_one(upload, None, "run-1", False, retried=True)
    assert again.status == "parsed" and again.document == stored.document
    assert Document.objects.count() == 1 and SourceFile.objects.count() == 1
    # Another run's upload of the same bytes, or another name in this run, is a duplicate as always.
    assert _ingest_one(upload, None, "run-2", False, retried=True).status == "duplicate"
    other_name = upload_from_path(seed_path("002"), "batch/copy-of-002.txt")
    assert _ingest_one(other_name, None, "run-1", False, retried=True).status == "duplicate"
