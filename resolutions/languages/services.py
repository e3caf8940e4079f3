"""Writes of language versions: a parse stored as a version of its document, and its search index.

Called by the ingestion service (``resolutions.services.ingestion.store``) inside its transaction; the document's
own vector takes the versions' through ``services.indexing.index_document`` (run by ``document_changed``), which
the caller runs after.
"""
from __future__ import annotations

from django.db import connection

from resolutions import page_cache
from resolutions.languages import segmentation
from resolutions.lineage.similarity import band_hashes_many
from resolutions.languages.models import LanguageVersion, VersionFootnote, VersionParagraph
from resolutions.search_config import config_for
from resolutions.un import languages as un_languages
from resolutions.un.anchors import Anchors, subparagraph


def _fit(value, model, field: str) -> str:
    value = (value or "").strip()
    return value[:model._meta.get_field(field).max_length]


def is_version_language(language: str | None) -> bool:
    """Whether a parse in this language is kept as version rows: every known language but English (the main text
    is English whenever the archive has it, and is indexed in English already)."""
    return bool(un_languages.language(language)) and language != un_languages.PREFERRED


def store_version(document, parsed, source_file=None) -> LanguageVersion:
    """The parse as the document's version in ``parsed.language``, replacing that language's earlier rows (staff
    corrections included: the ingestion service calls it only when there are none or staff discard them)."""
    version, _ = LanguageVersion.objects.select_for_update().get_or_create(document=document,
                                                                           language=parsed.language)
    version.paragraphs.all().delete()
    version.footnotes.all().delete()
    version.source_file = source_file
    version.title = (parsed.title or "").strip()
    version.preamble_subject = _fit(parsed.preamble_subject, LanguageVersion, "preamble_subject")
    version.annexes = [{"label": annex.label or "", "title": annex.title or ""} for annex in parsed.annexes]
    version.parse_warnings = list(parsed.warnings)
    version.edited = False
    version.save()
    anchors = Anchors()
    rows = _rows(version, parsed.paragraphs, 1, None, lambda p: anchors.paragraph(p.kind, p.number, p.heading))
    notes = [(None, note) for note in parsed.footnotes]
    for annex_order, annex in enumerate(parsed.annexes, start=1):
        rows += _rows(version, annex.paragraphs, len(rows) + 1, annex_order,
                      lambda p, order=annex_order: anchors.annex_paragraph(order, p.kind, p.number))
        notes += [(annex_order, note) for note in annex.footnotes]
    bands = band_hashes_many([segmentation.comparable_text(row.text, version.language) for row, _ in rows])
    for (row, _), row_bands in zip(rows, bands):
        row.lsh_bands = row_bands
    VersionParagraph.objects.bulk_create([row for row, parent in rows if parent is None])
    for row, parent in rows:
        if parent is not None:
            row.parent = parent
    VersionParagraph.objects.bulk_create([row for row, parent in rows if parent is not None])
    VersionFootnote.objects.bulk_create([
        VersionFootnote(version=version, annex_order=annex_order, order=order,
                        marker=_fit(note.marker, VersionFootnote, "marker"), text=note.text)
        for order, (annex_order, note) in enumerate(notes, start=1)])
    index_version(version)
    page_cache.pages_changed([document.pk])     # its language switcher and this language's text
    return version


def _rows(version, paragraphs, first_order: int, annex_order, anchor_of) -> list[tuple[VersionParagraph, object]]:
    """(row, its parent row or None) for the paragraphs and their sub-paragraphs, ``order`` on from first_order."""
    rows = []
    for paragraph in paragraphs:
        row = VersionParagraph(version=version, document_id=version.document_id, annex_order=annex_order,
                               order=first_order + len(rows), kind=paragraph.kind,
                               number=_fit(paragraph.number, VersionParagraph, "number"),
                               lead=_fit(paragraph.lead, VersionParagraph, "lead"),
                               heading=_fit(paragraph.heading, VersionParagraph, "heading"), text=paragraph.text,
                               footnote_refs=[ref[:10] for ref in paragraph.footnote_refs])
        row.anchor = anchor_of(paragraph)
        rows.append((row, None))
        for position, sub in enumerate(paragraph.subparagraphs):
            label = _fit(sub.label, VersionParagraph, "label")
            rows.append((VersionParagraph(version=version, document_id=version.document_id, annex_order=annex_order,
                                          order=first_order + len(rows), kind=paragraph.kind, label=label,
                                          text=sub.text, anchor=subparagraph(row.anchor, anchor_label(label, position)),
                                          footnote_refs=[ref[:10] for ref in sub.footnote_refs]), row))
    return rows


def anchor_label(label: str, position: int) -> str:
    """The label a sub-paragraph's anchor uses: as printed when it is Latin ('a', 'iv'), else the Latin letter of
    its place ('أ', 'а', the second 'б' -> 'a', 'b'), so that ``#op4-b`` is the same sub-paragraph in every
    language."""
    if label.isascii():
        return label
    return chr(ord("a") + position) if position < 26 else str(position + 1)


def index_version(version: LanguageVersion) -> None:
    """Each paragraph's vector and the version's whole-text vector, in the language's configuration.

    Operative paragraphs weigh B, the rest C, as the main text's (``Paragraph.search_vector``); the version's vector
    gives the title A and the footnotes D, as the document's.  Chinese is segmented here (``segmentation``), so the
    texts go to PostgreSQL from Python, one statement for every paragraph.
    """
    language, config = version.language, config_for(version.language)
    rows = list(version.paragraphs.values_list("id", "kind", "lead", "text"))
    texts = [segmentation.index_text(f"{lead} {text}".strip(), language) for _, _, lead, text in rows]
    notes = " ".join(version.footnotes.values_list("text", flat=True))
    by_kind = {"operative": [], "other": []}
    for (_, kind, _, _), text in zip(rows, texts):
        by_kind["operative" if kind == "operative" else "other"].append(text)
    annex_words = " ".join(f"{a.get('label', '')} {a.get('title', '')}" for a in version.annexes)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE resolutions_versionparagraph p
               SET search_vector = setweight(to_tsvector(%s::regconfig, u.text),
                                             CASE WHEN p.kind = 'operative' THEN 'B' ELSE 'C' END::"char")
              FROM unnest(%s::bigint[], %s::text[]) AS u(id, text)
             WHERE p.id = u.id
            """, [config, [row[0] for row in rows], texts])
        cursor.execute(
            """
            UPDATE resolutions_languageversion SET search_vector =
                   setweight(to_tsvector(%(cfg)s::regconfig, %(title)s), 'A')
                || setweight(to_tsvector(%(cfg)s::regconfig, %(operative)s), 'B')
                || setweight(to_tsvector(%(cfg)s::regconfig, %(other)s), 'C')
                || setweight(to_tsvector(%(cfg)s::regconfig, %(notes)s), 'D')
             WHERE id = %(id)s
            """, {"cfg": config, "id": version.pk,
                  "title": segmentation.index_text(version.title, language),
                  "operative": " ".join(by_kind["operative"]),
                  "other": " ".join(by_kind["other"]) + " " + segmentation.index_text(annex_words, language),
                  "notes": segmentation.index_text(notes, language)})


def drop_version(document, language: str) -> None:
    """Remove a document's version in ``language`` (its rows go with it)."""
    LanguageVersion.objects.filter(document=document, language=language).delete()
    page_cache.pages_changed([document.pk])
