"""Staff corrections of a language version (the admin's writes): its title, its paragraphs and its footnotes.

A corrected version is indexed again in its language's configuration (``services.index_version``: its paragraphs'
vectors and its whole-text vector), its paragraphs' similarity bands are those of the corrected text (agreed
language in that language reads them), and ``document_changed`` brings the rest in line: the document's vector
(which holds the version's), the pages that show it.  What staff touched is marked *edited*, the version with it
(``LanguageVersion.edited``), as ``services.documents`` marks a document's own corrections: a later file in that
language then leaves the version as staff made it unless they discard their edits
(``services.ingestion.staff_edits``).
"""
from __future__ import annotations

from django.db import transaction

from resolutions.languages import segmentation
from resolutions.languages.models import LanguageVersion, VersionParagraph
from resolutions.languages.services import index_version
from resolutions.lineage.similarity import band_hashes_many
from resolutions.models import Document
from resolutions.services.documents import document_changed


def _store_bands(version: LanguageVersion) -> None:
    rows = list(version.paragraphs.order_by("order"))
    bands = band_hashes_many([segmentation.comparable_text(row.text, version.language) for row in rows])
    for row, row_bands in zip(rows, bands):
        row.lsh_bands = row_bands
    VersionParagraph.objects.bulk_update(rows, ["lsh_bands"])


def version_changed(version: LanguageVersion) -> None:
    """After a version's rows changed: its bands and vectors again, then the document's follow-up."""
    _store_bands(version)
    index_version(version)
    document_changed(Document.objects.get(pk=version.document_id))


def _mark_edited(version_id: int) -> None:
    LanguageVersion.objects.filter(pk=version_id, edited=False).update(edited=True)


def save_version_edit(version: LanguageVersion, *, changed: bool = True) -> None:
    """Save a version's own fields as corrected by staff (title, subject of the preamble); ``changed``: the form
    changed anything."""
    if changed:
        version.edited = True
    version.save()


def save_version_parts(version: LanguageVersion, saved: list, deleted: list) -> None:
    """Save the paragraphs and footnotes staff changed or added on the version's page, delete those removed; each
    saved part and the version are marked edited."""
    with transaction.atomic():
        for part in saved:
            if isinstance(part, VersionParagraph) and not part.document_id:
                part.document_id = version.document_id
            part.edited = True
            part.save()
        for part in deleted:
            part.delete()
        if saved or deleted:
            version.edited = True
            _mark_edited(version.pk)


def save_version_paragraph_edit(paragraph: VersionParagraph, *, changed: bool = True) -> None:
    """Save one version paragraph corrected on its own page, and bring its version and document in line."""
    with transaction.atomic():
        if changed:
            paragraph.edited = True
        paragraph.save()
        if changed:
            _mark_edited(paragraph.version_id)
        version_changed(LanguageVersion.objects.get(pk=paragraph.version_id))


def delete_version_paragraphs(paragraphs) -> None:
    """Delete version paragraphs staff removed (with their sub-paragraphs); each version touched is marked edited
    and re-indexed."""
    with transaction.atomic():
        version_ids = sorted({paragraph.version_id for paragraph in paragraphs})
        VersionParagraph.objects.filter(pk__in=[paragraph.pk for paragraph in paragraphs]).delete()
        for version_id in version_ids:
            _mark_edited(version_id)
        for version in LanguageVersion.objects.filter(pk__in=version_ids):
            version_changed(version)
