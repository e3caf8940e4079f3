"""One document as a complete JSON record: every field and row the archive holds about it.

The same record serves the document's JSON download (without the source files' bytes and the derived
near-duplicate hashes) and the bulk dump (``complete=True``: with both, the bytes base64-encoded), which
resolutions.services.dump reads back.  Ids are kept so that references between documents (citations,
version links) and the dump's round trip stay exact.
"""
from __future__ import annotations

import base64
import json

from resolutions.languages.records import version_records
from resolutions.models import Citation, Document, DocumentAgendaItem, SourceFile

FORMAT = "un-resolutions-archive/1"


def _dt(value):
    return value.isoformat() if value is not None else None


def state_record(state) -> dict | None:
    if state is None:
        return None
    return {"slug": state.slug, "name": state.name, "iso3": state.iso3, "kind": state.kind,
            "aliases": list(state.aliases)}


def source_file_record(source: SourceFile, *, complete: bool) -> dict:
    record = {
        "id": source.pk, "original_name": source.original_name, "other_names": list(source.other_names),
        "sha256": source.sha256,
        "media_type": source.media_type, "format": source.format, "size": source.size,
        "uploaded_by": source.uploaded_by.get_username() if source.uploaded_by_id else None,
        "uploaded_at": _dt(source.uploaded_at), "batch": source.batch, "status": source.status,
        "error": source.error, "warnings": source.warnings, "processed_at": _dt(source.processed_at),
        "document_id": source.document_id,
    }
    if complete:
        record["content_base64"] = base64.b64encode(bytes(source.content)).decode("ascii")
    return record


def document_record(document: Document, *, complete: bool = False) -> dict:
    """Everything about ``document`` as plain JSON types; ``complete`` adds the source bytes and lsh_bands."""
    d = document
    series = d.series
    agenda = (DocumentAgendaItem.objects.filter(document=d).select_related("agenda_item").order_by("order", "pk"))
    paragraphs = []
    for p in d.paragraphs.order_by("order"):
        row = {"id": p.pk, "order": p.order, "parent_id": p.parent_id, "annex_id": p.annex_id, "kind": p.kind,
               "number": p.number,
               "label": p.label, "lead": p.lead, "heading": p.heading, "anchor": p.anchor, "text": p.text,
               "footnote_refs": list(p.footnote_refs),
               "edited": p.edited}
        if complete:
            row["lsh_bands"] = list(p.lsh_bands)
        paragraphs.append(row)
    sources = SourceFile.objects.filter(document=d).select_related("uploaded_by").order_by("uploaded_at", "pk")
    if not complete:
        sources = sources.defer("content")
    return {
        "schema": FORMAT,
        "id": d.pk, "symbol": d.symbol, "symbol_key": d.symbol_key, "body": d.body, "session": d.session,
        "committee": d.committee, "date": d.date.isoformat() if d.date else None, "distribution": d.distribution,
        "original_language": d.original_language, "language": d.language, "document_type": d.document_type,
        "title": d.title,
        "subject": d.subject, "preamble_subject": d.preamble_subject, "draft_symbol": d.draft_symbol,
        "parse_warnings": d.parse_warnings,
        "unplaced": list(d.unplaced), "edited": d.edited,
        "created_at": _dt(d.created_at), "updated_at": _dt(d.updated_at),
        "series": None if series is None else {"id": series.pk, "slug": series.slug, "title": series.title,
                                               "title_key": series.title_key},
        "agenda_items": [{"id": link.agenda_item.pk, "body": link.agenda_item.body,
                          "session": link.agenda_item.session, "number": link.agenda_item.number,
                          "title": link.agenda_item.title, "order": link.order} for link in agenda],
        "sponsorships": [{"id": s.pk, "order": s.order, "name_as_printed": s.name_as_printed,
                          "state": state_record(s.state)}
                         for s in d.sponsorships.select_related("state").order_by("order")],
        "annexes": [{"id": a.pk, "order": a.order, "label": a.label, "title": a.title}
                    for a in d.annexes.order_by("order")],
        "paragraphs": paragraphs,
        "footnotes": [{"id": f.pk, "order": f.order, "annex_id": f.annex_id, "marker": f.marker, "text": f.text,
                       "edited": f.edited}
                      for f in d.footnotes.order_by("order")],
        "citations": [{"id": c.pk, "order": c.order, "paragraph_id": c.paragraph_id, "footnote_id": c.footnote_id,
                       "kind": c.kind, "raw_text": c.raw_text, "cited_body": c.cited_body, "number": c.number,
                       "symbol": c.symbol, "volume": c.volume, "treaty_number": c.treaty_number, "pinpoint": c.pinpoint,
                       "target_key": c.target_key, "status": c.status, "target_document_id": c.target_document_id}
                      for c in Citation.objects.filter(document=d).order_by("order", "pk")],
        "links_out": [{"id": link.pk, "target_id": link.target_id, "kind": link.kind, "method": link.method,
                       "score": link.score} for link in d.links_out.order_by("pk")],
        "source_files": [source_file_record(s, complete=complete) for s in sources],
        "language_versions": version_records(d, complete=complete),
    }


def dumps(record: dict) -> str:
    """One JSON line: keys sorted, UTF-8 text kept as is, so equal records give equal bytes."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def document_json(document: Document) -> str:
    """The JSON download of one document (pretty-printed; no source bytes)."""
    return json.dumps(document_record(document), ensure_ascii=False, indent=2) + "\n"
