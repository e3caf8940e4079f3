"""Backup with pg_dump and restore with pg_restore into an empty database: every document is there."""
import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from resolutions.models import Document, Paragraph, SourceFile
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import SAMPLES


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_finds_every_document(tmp_path):
    for path in sorted(SAMPLES.glob("*.txt")):
        ingest_file(path.read_bytes(), path.name)
    symbols = sorted(str(s) for s in Document.objects.values_list("symbol", flat=True))
    paragraphs = Paragraph.objects.count()
    sources = {s.sha256: bytes(s.content) for s in SourceFile.objects.all()}
    dump = tmp_path / "archive.dump"
    call_command("backup_archive", str(dump))
    assert dump.stat().st_size > 0

    target = "restore_check"
    settings = connection.settings_dict
    admin = psycopg.connect(host=settings["HOST"] or None, port=settings["PORT"] or None, user=settings["USER"],
                            dbname="postgres", autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
    try:
        call_command("restore_archive", str(dump), "--database", target)
        with psycopg.connect(host=settings["HOST"] or None, port=settings["PORT"] or None, user=settings["USER"],
                             dbname=target) as restored:
            got_symbols = sorted(str(r[0]) for r in restored.execute("SELECT symbol FROM resolutions_document"))
            got_paragraphs = restored.execute("SELECT count(*) FROM resolutions_paragraph").fetchone()[0]
            got_sources = dict(restored.execute("SELECT sha256, content FROM resolutions_sourcefile").fetchall())
        assert got_symbols == symbols and len(symbols) == 4
        assert got_paragraphs == paragraphs
        assert {k: bytes(v) for k, v in got_sources.items()} == sources  # the original uploads, byte for byte
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        admin.close()
