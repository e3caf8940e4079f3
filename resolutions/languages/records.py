"""Language versions in the archive's JSON record (``resolutions.exports.json_export``) and back from a dump
(``resolutions.services.dump``): every version with its paragraphs and footnotes, ids kept, so that dump, load,
dump gives identical output."""
from __future__ import annotations

from resolutions.languages.models import LanguageVersion, VersionFootnote, VersionParagraph
from resolutions.languages.services import index_version


def version_records(document, *, complete: bool) -> list[dict]:
    """The document's language versions as plain JSON types; ``complete`` adds the paragraphs' lsh_bands."""
    records = []
    for version in LanguageVersion.objects.filter(document=document).order_by("language"):
        paragraphs = []
        for p in version.paragraphs.order_by("order"):
            row = {"id": p.pk, "order": p.order, "parent_id": p.parent_id, "annex_order": p.annex_order,
                   "kind": p.kind, "number": p.number, "label": p.label, "lead": p.lead, "heading": p.heading,
                   "text": p.text, "anchor": p.anchor, "footnote_refs": list(p.footnote_refs), "edited": p.edited}
            if complete:
                row["lsh_bands"] = list(p.lsh_bands)
            paragraphs.append(row)
        records.append({
            "id": version.pk, "language": version.language, "source_file_id": version.source_file_id,
            "title": version.title, "preamble_subject": version.preamble_subject, "annexes": version.annexes,
            "parse_warnings": version.parse_warnings, "edited": version.edited, "paragraphs": paragraphs,
            "footnotes": [{"id": f.pk, "order": f.order, "annex_order": f.annex_order, "marker": f.marker,
                           "text": f.text, "edited": f.edited} for f in version.footnotes.order_by("order")],
        })
    return records


def load_versions(document, records: list[dict]) -> None:
    """Create the dumped versions of ``document`` (its source files may come later in the dump: foreign keys are
    checked at commit) and index each in its language."""
    for record in records:
        version = LanguageVersion.objects.create(
            pk=record["id"], document=document, language=record["language"],
            source_file_id=record["source_file_id"], title=record["title"],
            preamble_subject=record["preamble_subject"], annexes=record["annexes"],
            parse_warnings=record["parse_warnings"], edited=record.get("edited", False))   # older dumps lack it
        VersionParagraph.objects.bulk_create([
            VersionParagraph(pk=p["id"], version=version, document=document, parent_id=p["parent_id"],
                             annex_order=p["annex_order"], order=p["order"], kind=p["kind"], number=p["number"],
                             label=p["label"], lead=p["lead"], heading=p["heading"], text=p["text"],
                             anchor=p["anchor"], footnote_refs=p["footnote_refs"], lsh_bands=p.get("lsh_bands") or [],
                             edited=p.get("edited", False))
            for p in record["paragraphs"]])
        VersionFootnote.objects.bulk_create([
            VersionFootnote(pk=f["id"], version=version, annex_order=f["annex_order"], order=f["order"],
                            marker=f["marker"], text=f["text"], edited=f.get("edited", False))
            for f in record["footnotes"]])
        index_version(version)


MODELS = (LanguageVersion, VersionParagraph, VersionFootnote)     # their id sequences are reset after a load
