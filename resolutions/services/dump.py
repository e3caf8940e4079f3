"""Bulk dump and load of the whole archive as open data.

``dump_archive(out_dir)`` writes

* ``documents.jsonl``: one JSON object per line, one per document in id order, with everything the archive
  holds about it (resolutions.exports.json_export.document_record with ``complete=True``: metadata,
  series, agenda items, sponsors with their states, paragraphs and sub-paragraphs with their near-duplicate
  hashes, footnotes, citations, version links, and the source files with their original bytes base64-
  encoded); then one line per source file that belongs to no document (failed or refused uploads), so no
  upload is left out;
* ``akn/``: one Akoma Ntoso XML file per document (resolutions.exports.akn).

``load_archive(path)`` reads ``documents.jsonl`` back into an *empty* archive, in one transaction, keeping
every id, timestamp and byte, so that dumping the loaded archive gives the same files again.  The search
vectors and the suggestion vocabulary are derived data: they are rebuilt (resolutions.services.indexing.index_document)
rather than stored.  Uploaders are stored by user name and linked again when that account exists.

Both read and write one document at a time (querysets with ``.iterator()``, the input file line by line),
so the archive's size is bounded by disk, not memory.
"""
from __future__ import annotations

import base64
import hashlib
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, transaction
from tqdm import tqdm

from addressees.services import address_paragraphs
from network.services import rebuild_network
from resolutions.languages import records as language_records
from resolutions.exports import akn, json_export
from resolutions.models import (
    AgendaItem,
    Annex,
    Citation,
    Document,
    DocumentAgendaItem,
    DocumentLink,
    Footnote,
    MemberState,
    Paragraph,
    Series,
    SourceFile,
    Sponsorship,
)
from resolutions.un.symbols import normalise_symbol
from resolutions.services import indexing
from resolutions.un.anchors import Row, paragraph_anchors

DOCUMENTS_FILE = "documents.jsonl"
AKN_DIR = "akn"
DOCUMENT, SOURCE_FILE = "document", "source_file"


class LoadError(Exception):
    """The file cannot be loaded; nothing was written."""


@dataclass
class DumpSummary:
    documents: int
    unattached_source_files: int
    path: Path


@dataclass
class LoadSummary:
    documents: int
    source_files: int


def akn_filename(document: Document) -> str:
    return f"{document.pk:06d}-{akn.frbr_number(document)}.xml"


def dump_archive(out_dir: Path | str, *, progress: bool = True) -> DumpSummary:
    out_dir = Path(out_dir)
    (out_dir / AKN_DIR).mkdir(parents=True, exist_ok=True)
    documents = Document.objects.select_related("series").order_by("pk")
    unattached = SourceFile.objects.filter(document__isnull=True).select_related("uploaded_by").order_by("pk")
    count = 0
    with open(out_dir / DOCUMENTS_FILE, "w", encoding="utf-8", newline="\n") as out, \
            tqdm(total=documents.count(), disable=not progress, file=sys.stderr, unit="doc", desc="Dumping") as bar:
        for document in documents.iterator(chunk_size=100):
            record = {"record": DOCUMENT, **json_export.document_record(document, complete=True)}
            out.write(json_export.dumps(record) + "\n")
            (out_dir / AKN_DIR / akn_filename(document)).write_bytes(akn.document_akn(document))
            count += 1
            bar.update(1)
        orphans = 0
        for source in unattached.iterator(chunk_size=100):
            record = {"record": SOURCE_FILE, "schema": json_export.FORMAT,
                      **json_export.source_file_record(source, complete=True)}
            out.write(json_export.dumps(record) + "\n")
            orphans += 1
    return DumpSummary(count, orphans, out_dir)


# ---------------------------------------------------------------------------
# Loading


def _datetime(value):
    return datetime.fromisoformat(value) if value else None


def _check_empty() -> None:
    if Document.objects.exists() or SourceFile.objects.exists():
        raise LoadError("The archive is not empty: load_archive only loads into an empty archive (its ids are "
                        "kept). Use a new database, or `manage.py flush` first.")


def _state(record: dict | None) -> MemberState | None:
    if record is None:
        return None
    state = MemberState.objects.filter(slug=record["slug"]).first()
    if state is None:
        state = MemberState.objects.create(slug=record["slug"], name=record["name"], iso3=record["iso3"],
                                           kind=record["kind"], aliases=record["aliases"])
    return state


def _source_file(record: dict, users: dict) -> None:
    content = base64.b64decode(record["content_base64"], validate=True)
    if hashlib.sha256(content).hexdigest() != record["sha256"]:
        raise LoadError(f"The bytes of source file {record['id']} ({record['original_name']}) do not match their "
                        "sha256: the file is damaged.")
    username = record.get("uploaded_by")
    if username and username not in users:
        users[username] = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
    SourceFile.objects.create(
        pk=record["id"], content=content, sha256=record["sha256"], original_name=record["original_name"],
        other_names=record.get("other_names", []),
        media_type=record["media_type"], format=record["format"], size=record["size"],
        uploaded_by=users.get(username) if username else None, batch=record["batch"], status=record["status"],
        error=record["error"], warnings=record["warnings"], processed_at=_datetime(record["processed_at"]),
        document_id=record["document_id"])
    # uploaded_at is auto_now_add: set the recorded value afterwards.
    SourceFile.objects.filter(pk=record["id"]).update(uploaded_at=_datetime(record["uploaded_at"]))


def _document(record: dict, users: dict) -> Document:
    series = record["series"]
    if series is not None:
        Series.objects.get_or_create(pk=series["id"], defaults={"slug": series["slug"], "title": series["title"],
                                                                "title_key": series["title_key"]})
    document = Document.objects.create(
        pk=record["id"], symbol=record["symbol"], symbol_key=record["symbol_key"], body=record["body"],
        session=record["session"], committee=record["committee"],
        date=date.fromisoformat(record["date"]) if record["date"] else None, distribution=record["distribution"],
        original_language=record["original_language"], language=record.get("language", "en"),
        document_type=record["document_type"], title=record["title"],
        subject=record.get("subject", ""), unplaced=record.get("unplaced", []),
        draft_symbol=record.get("draft_symbol", ""),
        draft_symbol_key=normalise_symbol(record["draft_symbol"]) if record.get("draft_symbol") else "",
        preamble_subject=record["preamble_subject"], parse_warnings=record["parse_warnings"],
        edited=record["edited"], series_id=series["id"] if series else None)
    for item in record["agenda_items"]:
        agenda = AgendaItem.objects.filter(pk=item["id"]).first() or AgendaItem.objects.create(
            pk=item["id"], body=item["body"], session=item["session"], number=item["number"], title=item["title"])
        DocumentAgendaItem.objects.create(document=document, agenda_item=agenda, order=item["order"])
    Sponsorship.objects.bulk_create([
        Sponsorship(pk=s["id"], document=document, order=s["order"], name_as_printed=s["name_as_printed"],
                    state=_state(s["state"])) for s in record["sponsorships"]])
    Annex.objects.bulk_create([
        Annex(pk=a["id"], document=document, order=a["order"], label=a["label"], title=a["title"])
        for a in record.get("annexes", [])])
    Paragraph.objects.bulk_create([
        Paragraph(pk=p["id"], document=document, parent_id=p["parent_id"], annex_id=p.get("annex_id"),
                  order=p["order"], kind=p["kind"],
                  number=p["number"], label=p["label"], lead=p["lead"], text=p["text"], heading=p.get("heading", ""),
                  anchor=anchor, footnote_refs=p["footnote_refs"], edited=p["edited"],
                  lsh_bands=p.get("lsh_bands") or [])
        for p, anchor in zip(record["paragraphs"], _anchors(record))])
    Footnote.objects.bulk_create([
        Footnote(pk=f["id"], document=document, annex_id=f.get("annex_id"), order=f["order"], marker=f["marker"],
                 text=f["text"],
                 edited=f["edited"]) for f in record["footnotes"]])
    # Citations and version links may point at documents later in the file: foreign keys are checked at commit.
    Citation.objects.bulk_create([
        Citation(pk=c["id"], document=document, paragraph_id=c["paragraph_id"], footnote_id=c["footnote_id"],
                 order=c["order"], kind=c["kind"], raw_text=c["raw_text"], cited_body=c["cited_body"],
                 number=c["number"], symbol=c["symbol"], volume=c["volume"], treaty_number=c["treaty_number"],
                 target_key=c["target_key"], status=c["status"], target_document_id=c["target_document_id"],
                 pinpoint=c.get("pinpoint", ""))
        for c in record["citations"]])
    DocumentLink.objects.bulk_create([
        DocumentLink(pk=link["id"], source=document, target_id=link["target_id"], kind=link["kind"],
                     method=link["method"], score=link["score"]) for link in record["links_out"]])
    for source in record["source_files"]:
        _source_file(source, users)
    language_records.load_versions(document, record.get("language_versions", []))
    return document


def _anchors(record: dict) -> list[str]:
    """The paragraphs' anchors as dumped; a dump made before anchors were stored gets them by the same rule."""
    dumped = [p.get("anchor") for p in record["paragraphs"]]
    if all(dumped):
        return dumped
    rows = sorted(record["paragraphs"], key=lambda p: p["order"])
    position = {p["id"]: index for index, p in enumerate(rows)}
    annex_order = {a["id"]: a["order"] for a in record.get("annexes", [])}
    anchors = paragraph_anchors(
        Row(position.get(p["parent_id"]), p["kind"], p["number"], p["label"], p.get("heading"),
            annex_order.get(p.get("annex_id"))) for p in rows)
    by_id = {p["id"]: anchor for p, anchor in zip(rows, anchors)}
    return [by_id[p["id"]] for p in record["paragraphs"]]


def _reset_sequences() -> None:
    models = [Series, AgendaItem, Document, DocumentAgendaItem, Sponsorship, Annex, Paragraph, Footnote, Citation,
              DocumentLink, SourceFile, MemberState, *language_records.MODELS]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def load_archive(path: Path | str, *, progress: bool = True) -> LoadSummary:
    """Load a dump_archive ``documents.jsonl`` into an empty archive, all or nothing."""
    path = Path(path)
    if not path.is_file():
        raise LoadError(f"No such file: {path}")
    with open(path, encoding="utf-8") as handle:
        total = sum(1 for _ in handle)
    documents = sources = 0
    users: dict = {}
    timestamps: list[tuple[int, str, str]] = []
    with transaction.atomic():
        _check_empty()
        with connection.cursor() as cursor:
            # Citations and version links may name a document further down the file.
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        with open(path, encoding="utf-8") as handle, \
                tqdm(total=total, disable=not progress, file=sys.stderr, unit="line", desc="Loading") as bar:
            for number, line in enumerate(handle, start=1):
                bar.update(1)
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    if record.get("schema") != json_export.FORMAT:
                        raise LoadError(f"line {number}: not a record of this archive's dump format "
                                        f"({json_export.FORMAT}).")
                    if record.get("record") == DOCUMENT:
                        _document(record, users)
                        timestamps.append((record["id"], record["created_at"], record["updated_at"]))
                        documents += 1
                        sources += len(record["source_files"])
                    elif record.get("record") == SOURCE_FILE:
                        _source_file(record, users)
                        sources += 1
                    else:
                        raise LoadError(f"line {number}: unknown record type {record.get('record')!r}.")
                except LoadError:
                    raise
                except (ValueError, KeyError, TypeError) as exc:
                    raise LoadError(f"line {number}: {type(exc).__name__}: {exc}") from exc
        for pk in Document.objects.order_by("pk").values_list("pk", flat=True).iterator():
            indexing.index_document(Document(pk=pk))
            address_paragraphs(Document(pk=pk))      # derived, like the index: each paragraph's addressees
        rebuild_network()                            # derived: the citation links and counts
        # created_at / updated_at are automatic fields: put the recorded values back last.
        for pk, created_at, updated_at in timestamps:
            Document.objects.filter(pk=pk).update(created_at=_datetime(created_at), updated_at=_datetime(updated_at))
        _reset_sequences()
    return LoadSummary(documents, sources)
