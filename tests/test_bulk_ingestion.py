"""The bulk load (``ingest_paths(..., bulk=True)``, ``manage.py ingest --bulk``) stores what ingesting the same files
one by one stores: the same rows in every table, compared as dumps in which each row names the rows it points at by
their natural keys (a document by its symbol or address, a paragraph by its document and place, ...), surrogate
keys and timestamps left out.  The expected dump is the one-by-one path's own, on real files of the corpus chosen
for what the bulk load defers or reorders: documents citing each other before and after the cited one arrives
(the Security Council's Yemen resolutions), a resolution stored before the draft its markup names (A/RES/78/220 and
A/C.3/78/L.41), a revision stored before its original (seed 002 and the same text under A/C.3/61/L.7), one text in
two files (seeds 000 and 001, the Assembly's eightieth-session resolutions as AKN and as Markdown), language
versions (French), the same bytes twice, and a file that cannot be read."""
from __future__ import annotations

import json
import os

import pytest
from django.apps import apps
from django.db import models

from network.models import ThematicCluster
from resolutions.models import AgendaItem, Document, SearchTerm, Series, SourceFile
from resolutions.services.ingestion import bulk
from resolutions.services.ingestion.batch import ingest_paths
from tests.conftest import SAMPLES, seed_path
from votes.models import VoteRecord

pytestmark = pytest.mark.django_db(transaction=True)

APPS = ("resolutions", "votes", "network", "addressees")
SC = "unxml-sc-resolutions"
GA = "unxml-ga-resolutions"


def _files(corpus_dir, tmp_path) -> list:
    """The files in the order both ways ingest them: citing documents before the cited, a resolution before its
    draft, a revision before its original, English before and after other languages."""
    genealogy = json.loads((corpus_dir / "un-bench-eda-ga78/viz/analysis_iran_genealogy.json").read_text("utf-8"))
    draft_78 = tmp_path / "A_C.3_78_L.41.txt"
    draft_78.write_text(genealogy["stages"]["draft"]["text"], "utf-8")
    original_61 = tmp_path / "A_C.3_61_L.7.txt"
    original_61.write_bytes(seed_path("002").read_bytes().replace(b"A/C.3/61/L.7/Rev.1", b"A/C.3/61/L.7"))
    again = tmp_path / "the_same_bytes_again.txt"
    again.write_bytes(seed_path("003").read_bytes())
    unreadable = tmp_path / "unreadable.txt"
    unreadable.write_bytes(b"\x00\x01 not a resolution \xff")
    ga80 = corpus_dir / GA / "80session"
    english = sorted((ga80 / "English").glob("A_RES_80_*.xml"))[:10]
    return [
        corpus_dir / SC / "2026/English/S_RES_2812-2600463E.xml",
        seed_path("002"),
        next((corpus_dir / GA / "78session/English").glob("A_RES_78_220-*.xml")),
        corpus_dir / SC / "2025/English/S_RES_2768-2500616E.xml",
        original_61,
        *sorted(SAMPLES.glob("00[0134]_*.txt")),
        draft_78,
        next((corpus_dir / GA / "78session/French").glob("A_RES_78_220-*.xml")),
        corpus_dir / SC / "2024/English/S_RES_2722-2400437E.xml",
        next((ga80 / "French").glob("A_RES_80_1-*.xml")),
        *english,
        *(corpus_dir / "railcar-ga80-text/documents/ga-res-80" / f"A_RES_80_{n}.md" for n in (1, 3, 7)),
        again,
        unreadable,
    ]


def _clear() -> None:
    Document.objects.all().delete()       # paragraphs, citations, links, versions, network nodes cascade
    for model in (SourceFile, AgendaItem, Series, SearchTerm, VoteRecord, ThematicCluster):
        model.objects.all().delete()


def _natural_keys() -> dict:
    """For each model a row points at: its rows' ids to a key that does not depend on the order of insertion."""
    documents = {pk: symbol_key or slug or f"title:{title}" for pk, symbol_key, slug, title in
                 Document.objects.values_list("pk", "symbol_key", "slug", "title")}

    def by(model, *fields, document_field=None):
        rows = model.objects.values_list("pk", *fields)
        if document_field is None:
            return {pk: rest for pk, *rest in rows}
        position = fields.index(document_field)
        return {pk: (documents[rest[position]], *rest[:position], *rest[position + 1:]) for pk, *rest in rows}

    get = apps.get_model
    return {
        Document: documents,
        SourceFile: by(SourceFile, "sha256"),
        Series: by(Series, "title_key"),
        AgendaItem: by(AgendaItem, "body", "session", "number"),
        get("resolutions", "MemberState"): by(get("resolutions", "MemberState"), "name"),
        get("resolutions", "Paragraph"): by(get("resolutions", "Paragraph"), "document_id", "order",
                                            document_field="document_id"),
        get("resolutions", "Annex"): by(get("resolutions", "Annex"), "document_id", "order", document_field="document_id"),
        get("resolutions", "Footnote"): by(get("resolutions", "Footnote"), "document_id", "order",
                                           document_field="document_id"),
        get("resolutions", "LanguageVersion"): by(get("resolutions", "LanguageVersion"), "document_id", "language",
                                                  document_field="document_id"),
        get("resolutions", "VersionParagraph"): {
            pk: (documents[document_id], language, order) for pk, document_id, language, order in
            get("resolutions", "VersionParagraph").objects.values_list("pk", "document_id", "version__language",
                                                                       "order")},
        VoteRecord: by(VoteRecord, "symbol_key", "source"),
        ThematicCluster: by(ThematicCluster, "label", "size"),
    }


def _value(value):
    if isinstance(value, (memoryview, bytes)):
        return f"{len(bytes(value))} bytes"
    return value


def archive_dump() -> dict[str, list[str]]:
    """Every row of every table of the archive's apps, its references by natural key, sorted; no surrogate key, no
    timestamp (a search vector, a band array, a status, a count are kept as stored)."""
    keys = _natural_keys()
    dump = {}
    for app in APPS:
        for model in apps.get_app_config(app).get_models():
            fields = [f for f in model._meta.concrete_fields
                      if not isinstance(f, (models.DateTimeField, models.AutoField))
                      and not (f.primary_key and not f.is_relation)]
            rows = []
            for row in model.objects.values_list(*(f.attname for f in fields)):
                named = {}
                for field, value in zip(fields, row):
                    if field.is_relation and value is not None:
                        value = keys[field.related_model][value]
                    named[field.name] = _value(value)
                rows.append(repr(sorted(named.items())))
            dump[model._meta.label] = sorted(rows)
    return dump


def test_a_bulk_load_stores_the_same_rows_as_ingesting_the_files_one_by_one(corpus_dir, tmp_path, monkeypatch):
    files = _files(corpus_dir, tmp_path)
    _clear()
    one_by_one = ingest_paths(files, batch="same", progress=False, jobs=1)
    expected = archive_dump()
    _clear()
    # Groups of 7: documents of one group cite, revise and translate documents of another.
    monkeypatch.setattr(bulk, "GROUP", 7)
    in_bulk = ingest_paths(files, batch="same", progress=False, jobs=2, bulk=True)
    found = archive_dump()

    assert [(o.name, o.status, o.message) for o in in_bulk] == [(o.name, o.status, o.message) for o in one_by_one]
    # The files are what they were chosen for (else the comparison would prove less than it says).
    statuses = [o.status for o in one_by_one]
    assert statuses.count("failed") == 1 and statuses.count("duplicate") == 1
    assert len(expected["resolutions.LanguageVersion"]) >= 2 and expected["resolutions.DocumentLink"]
    assert any("'status', 'resolved'" in row for row in expected["resolutions.Citation"])
    assert expected["network.CitationLink"] and expected["addressees.Addressee"]
    for table in expected:
        assert found[table] == expected[table], f"{table} differs between the bulk load and one by one"


_DIES_ON: tuple[str, int] = ("", 0)      # (file name, pid of the process that is not to die)
_parse_and_band = bulk.prepare


def _prepare_or_die(upload):
    """``bulk.prepare``, except that the parsing process handed the file ``_DIES_ON`` names dies (as under the OOM
    killer).  At module level: the pool sends the function to its processes by name."""
    victim, parent = _DIES_ON
    if upload.name == victim and os.getpid() != parent:
        os._exit(9)
    return _parse_and_band(upload)


def _stored() -> list[tuple]:
    """Each document by its symbol with its number of paragraphs and the names of its source files."""
    return sorted((d.symbol_key or "", d.paragraphs.count(), sorted(d.source_files.values_list("original_name", flat=True)))
                  for d in Document.objects.all())


def test_a_parsing_process_dying_mid_load_loses_no_file(corpus_dir, monkeypatch):
    # Groups of 2 with the parse a group and more ahead: the process dies on the seventh file while groups before
    # it are stored and the files after it are parsed or queued.  The files not stored yet go the one-by-one way
    # (in processes, so in the order they finish): every file is stored all the same.
    files = [*sorted(SAMPLES.glob("00[0234]_*.txt")),
             *sorted((corpus_dir / SC / "2026/English").glob("S_RES_*.xml"))[:3],
             *sorted((corpus_dir / GA / "80session/English").glob("A_RES_80_*.xml"))[:4]]
    _clear()
    ingest_paths(files, batch="same", progress=False, jobs=1)
    expected = _stored()
    _clear()
    monkeypatch.setattr(bulk, "GROUP", 2)
    monkeypatch.setitem(globals(), "_DIES_ON", (files[6].name, os.getpid()))
    monkeypatch.setattr(bulk, "prepare", _prepare_or_die)
    in_bulk = ingest_paths(files, batch="same", progress=False, jobs=2, bulk=True)

    assert sorted(o.name for o in in_bulk) == sorted(f.name for f in files)
    assert {o.status for o in in_bulk} == {"parsed"}
    assert _stored() == expected and len(expected) == len(files)
