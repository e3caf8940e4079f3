"""Store: one parse written as one Document with all its rows, in one transaction.

``store_parse(source_file, parsed, filename)`` runs inside the caller's
transaction (``ingest.py`` opens it) and decides what the parse becomes:

* a new Document, or a corrected re-upload of a stored symbol, whose earlier
  rows it replaces (both source files stay linked to the document);
* another source file of a document holding the same text (another format of
  it, ``same_text.py``), whose stored parse stays when it has more of the header;
* nothing new when staff edited the document in the admin (``Document.edited``),
  or the version in the file's language (``staff_edits``): their corrections win
  until someone passes ``discard_edits``;
* a language version of the stored document with its symbol, when the file is
  in another language (``resolutions.languages``): the main text stays (English
  takes it over when it arrives after another language), every language other
  than English is kept as version rows too.

Then ``services.documents.document_changed`` brings the search index, lineage
and the citations waiting for the document in line, in the same transaction.

Mapping a ``ParsedDocument`` onto rows: each ``_store_*`` function writes one kind of part, and a string is
fitted to its column with ``_fit``, which reads the column's width from the model (``_meta``), so a migration
that widens a column needs no change here.  A new part of the parse gets a ``_store_*`` function of its own,
called from ``_write_rows`` (annexes: ``_store_annexes``).
"""
from __future__ import annotations

from datetime import date

from django.db import models

from resolutions.models import (AgendaItem, Annex, Citation, Document, DocumentAgendaItem, Footnote, MemberState,
                                Paragraph, SourceFile, Sponsorship)
from resolutions.languages import services as language_versions
from resolutions.parser import ParsedDocument
from resolutions.parser.subject import subject_from_text
from resolutions.services.addresses import assign_address
from resolutions.services.agenda import offer_title
from resolutions.services.citations import resolve_citations
from resolutions.services import deferred
from resolutions.services.copy_rows import copy_rows, draw_keys
from resolutions.services.documents import document_changed
from resolutions.services.member_states import state_index
from resolutions.services.ingestion import same_text, staff_edits  # the modules, not the package: see __init__
from resolutions.services.ingestion.intake import PARSED, IngestionOutcome, mark_parsed
from resolutions.lineage import services as lineage
from resolutions.lineage.similarity import paragraph_and_document_bands
from resolutions.un.anchors import Anchors, subparagraph
from resolutions.un.languages import PREFERRED
from resolutions.un.state_names import name_key
from resolutions.un.symbols import normalise_symbol
from votes.services import votes_after_ingest


def column_width(model: type[models.Model], field: str) -> int:
    """The declared width of a character column (an array's elements for an ArrayField)."""
    column = model._meta.get_field(field)
    return getattr(column, "base_field", column).max_length


def _fit(value, model: type[models.Model], field: str, warnings: list[str] | None = None) -> str:
    """A parsed string fitted to its column; with ``warnings``, a cut is reported rather than silently lost."""
    value = (value or "").strip() if isinstance(value, str) or value is None else str(value)
    limit = column_width(model, field)
    if len(value) > limit:
        if warnings is not None:
            label = model._meta.get_field(field).verbose_name.capitalize()
            warnings.append(f"{label} was longer than {limit} characters and was cut: {value!r}")
        value = value[:limit]
    return value


def _document_fields(parsed: ParsedDocument, warnings: list[str]) -> dict:
    symbol = _fit(parsed.symbol, Document, "symbol", warnings) or None
    draft_symbol = _fit(getattr(parsed, "draft_symbol", None), Document, "draft_symbol", warnings)
    parsed_date = None
    if parsed.date:
        try:
            parsed_date = date.fromisoformat(parsed.date)
        except (TypeError, ValueError):
            warnings.append(f"Date {parsed.date!r} is not an ISO date; left empty.")
    return {
        "symbol": symbol,
        "symbol_key": normalise_symbol(symbol) if symbol else None,
        "body": _fit(parsed.body, Document, "body", warnings),
        "session": parsed.session,
        "committee": _fit(parsed.committee, Document, "committee", warnings),
        "date": parsed_date,
        "distribution": _fit(parsed.distribution, Document, "distribution", warnings),
        "original_language": _fit(parsed.original_language, Document, "original_language", warnings),
        "document_type": _fit(parsed.document_type, Document, "document_type", warnings),
        "title": (parsed.title or "").strip(),
        "subject": _fit(subject_from_text(parsed), Document, "subject", warnings),
        "preamble_subject": _fit(parsed.preamble_subject, Document, "preamble_subject", warnings),
        "draft_symbol": draft_symbol,
        "draft_symbol_key": normalise_symbol(draft_symbol) if draft_symbol else "",
        "language": _fit(parsed.language or PREFERRED, Document, "language", warnings),
    }


def store_parse(source_file: SourceFile, parsed: ParsedDocument, filename: str, *, discard_edits: bool,
                later_source: bool = False, bands: tuple[list[list[int]], list[int]] | None = None
                ) -> IngestionOutcome:
    """Store the parse as one Document with all its rows (the caller holds the transaction).

    ``later_source``: the file is a later source file of the document it is
    linked to, re-read after the first (``reparse``): unless its symbol finds
    the document (a corrected re-upload), the document is its same-text twin, as
    when it was uploaded, and keeps the richer parse.  ``bands``: the parse's
    ``paragraph_and_document_bands`` of ``same_text.stored_texts``, when the caller
    computed them already (the bulk load, in its parsing processes).
    """
    warnings = list(parsed.warnings)
    fields = _document_fields(parsed, warnings)
    document = twin = None
    if fields["symbol_key"]:
        document = Document.objects.select_for_update().filter(symbol_key=fields["symbol_key"]).first()
    if document is not None and fields["language"] not in (document.language, PREFERRED):
        version = None if discard_edits else staff_edits.edited_version(document, parsed.language)
        if version is not None:
            return staff_edits.keep_edits(source_file, document, parsed.format, warnings, filename, version)
        _before_change(document)
        return _store_language_version(document, source_file, parsed, filename, warnings)
    if document is None and source_file.document_id:
        # This very file was stored before (a re-run): replace its own document, do not add a second one.
        document = Document.objects.select_for_update().filter(pk=source_file.document_id).first()
        if later_source:
            document, twin = None, document
    paragraph_bands, fingerprint = bands or paragraph_and_document_bands(same_text.stored_texts(parsed))
    same_text.lock_same_text(fingerprint, has_symbol=bool(fields["symbol_key"]))
    if document is None:
        # The same text already stored from another file (another format of it): one document, two source
        # files. Its non-empty metadata is kept, empty fields are filled from this file (lineage issue).
        same = twin or same_text.find_same_document(parsed, fingerprint)
        if same is not None:
            document = Document.objects.select_for_update().get(pk=same.pk)
        if document is not None and document.symbol_key and fields["symbol_key"] \
                and document.symbol_key != fields["symbol_key"]:
            document = None  # another file with another symbol merged into it while we waited for its row
        if document is not None:
            fields = same_text.merge_into(document, fields)
            if same_text.keeps_stored_parse(document, parsed):
                # This file has less of the header (seed 001 beside 000): it only becomes another source file.
                _before_change(document)
                for name, value in fields.items():
                    setattr(document, name, value)
                document.save()
                document_changed(document, bands_stored=True)  # the merge may have given it a symbol
                message = f"Same text as {document}: kept as another source file of it."
                mark_parsed(source_file, document, parsed.format, warnings + [message])
                return IngestionOutcome(source_file, document, PARSED, message, name=filename)

    if document is not None and not discard_edits:
        # The main text corrected, or (a document held in that language only) its version in this file's language.
        version = None if document.edited else staff_edits.edited_version(document, parsed.language)
        if document.edited or version is not None:
            return staff_edits.keep_edits(source_file, document, parsed.format, warnings, filename, version)

    created = document is None
    if created:
        document = Document(**fields)
        document.series = lineage.series_by_title(document)   # with the insert: no update after it
    else:
        for name, value in fields.items():
            setattr(document, name, value)
        document.edited = False
        _before_change(document)
        _delete_parse(document)
    document.parse_warnings = warnings
    document.unplaced = [block for block in (text.strip() for text in parsed.unplaced) if block]
    document.text_bands = fingerprint
    document.save()

    _write_rows(document, parsed, paragraph_bands)
    if language_versions.is_version_language(parsed.language):
        language_versions.store_version(document, parsed, source_file)
    document_changed(document, bands_stored=True, new=created)

    mark_parsed(source_file, document, parsed.format, warnings)
    message = str(document) if created else f"{document} (replaced the earlier parse)"
    return IngestionOutcome(source_file, document, PARSED, message, created=created, name=filename)


def _store_language_version(document: Document, source_file: SourceFile, parsed: ParsedDocument, filename: str,
                            warnings: list[str]) -> IngestionOutcome:
    """The parse is the stored document in another language: kept as that language's version, the main text and
    the document's fields untouched (a corrected file in that language replaces a version staff did not edit)."""
    language_versions.store_version(document, parsed, source_file)
    document_changed(document, bands_stored=True)
    mark_parsed(source_file, document, parsed.format, warnings + [f"Stored as the {parsed.language} version of "
                                                                  f"{document}."])
    return IngestionOutcome(source_file, document, PARSED, f"{document}: {parsed.language} version", name=filename)


def _before_change(document: Document) -> None:
    """In a bulk load, what must be counted of the document's rows before they change (``services.deferred``)."""
    later = deferred.active()
    if later is not None:
        later.before_change(document.pk)


def _write_rows(document: Document, parsed: ParsedDocument, paragraph_bands: list[list[int]]) -> None:
    """Every part of the parse as rows of the document (its earlier rows are gone already)."""
    _store_agenda_items(document, parsed)
    _store_sponsorships(document, parsed)
    paragraph_rows = _store_paragraphs(document, parsed, paragraph_bands)
    footnote_rows = _store_footnotes(document, parsed)
    resolution_rows = sum(1 + len(p.subparagraphs) for p in parsed.paragraphs)
    _store_annexes(document, parsed, paragraph_bands[resolution_rows:], first_order=resolution_rows + 1)
    _store_citations(document, parsed, paragraph_rows, footnote_rows)
    votes_after_ingest(document, parsed)
    assign_address(document)
    later = deferred.active()
    if later is not None:
        later.rows_written(document.pk)


def resolution_rows(parsed: ParsedDocument):
    """``(order, parent order or None, kind, lead, text)`` of the resolution's own paragraph rows (annexes aside)
    as ``_store_paragraphs`` writes them: what ``addressees.services.read_addressing`` reads."""
    order = 0
    for paragraph in parsed.paragraphs:
        order += 1
        top = order
        yield top, None, paragraph.kind, _fit(paragraph.lead, Paragraph, "lead"), paragraph.text
        for sub in paragraph.subparagraphs:
            order += 1
            yield order, top, paragraph.kind, "", sub.text


def _delete_parse(document: Document) -> None:
    """Remove the rows an earlier parse made (citations from this document go with its paragraphs)."""
    document.citations.all().delete()
    document.paragraphs.all().delete()
    document.footnotes.all().delete()
    document.annexes.all().delete()
    document.sponsorships.all().delete()
    DocumentAgendaItem.objects.filter(document=document).delete()


def _store_agenda_items(document: Document, parsed: ParsedDocument) -> None:
    later = deferred.active()
    known = later.agenda_items if later is not None else {}   # a bulk load looks each item up once per group
    orders: dict[int, int] = {}
    for order, ref in enumerate(parsed.agenda_items, start=1):
        number = _fit(ref.number, AgendaItem, "number")
        if not number:
            continue
        key = (document.body, document.session, number)
        item = known.get(key)
        if item is None:
            item, created = AgendaItem.objects.get_or_create(
                body=document.body, session=document.session, number=number,
                defaults={"title": (ref.title or "").strip()},
            )
            known[key] = item
        else:
            created = False
        if not created:   # a whole title replaces a cut one ('General and complete disarmament:')
            offer_title(item, ref.title)
        orders.setdefault(item.pk, order)   # an item printed twice is linked once, at its first place
    # The document has no agenda rows here (new, or its earlier parse's deleted): one insert for all.
    DocumentAgendaItem.objects.bulk_create([DocumentAgendaItem(document=document, agenda_item_id=pk, order=order)
                                            for pk, order in orders.items()])


def find_state(index: dict[str, MemberState], *names: str | None) -> MemberState | None:
    for name in names:
        if not name:
            continue
        key = name_key(name)   # case, accents, apostrophes, a leading 'the' and a role do not matter
        if key in index:
            return index[key]
    return None


def _store_sponsorships(document: Document, parsed: ParsedDocument) -> None:
    if not parsed.sponsors:
        return
    later = deferred.active()
    if later is None:
        index = state_index()
    else:   # a bulk load reads the member states once
        index = later.state_index = later.state_index or state_index()
    Sponsorship.objects.bulk_create([
        Sponsorship(document=document, order=order, name_as_printed=_fit(sponsor.name, Sponsorship, "name_as_printed"),
                    state=find_state(index, sponsor.state, sponsor.name))
        for order, sponsor in enumerate(parsed.sponsors, start=1)
    ])


def _store_paragraphs(document: Document, parsed: ParsedDocument, bands: list[list[int]]) -> list[Paragraph]:
    """Top-level paragraphs in order, then their sub-paragraphs as child rows; ``order`` counts every row.

    ``bands`` are the rows' LSH band hashes in that order (``same_text.stored_texts``).
    """
    anchors = Anchors()
    top_level, children = _paragraph_rows(document, parsed.paragraphs, bands, 1,
                                          lambda row: anchors.paragraph(row.kind, row.number, row.heading))
    _create_paragraph_rows(top_level, children)
    return top_level


def _paragraph_rows(document: Document, paragraphs, bands: list[list[int]], first_order: int, anchor_of,
                    annex: Annex | None = None) -> tuple[list[Paragraph], list[tuple[Paragraph, Paragraph]]]:
    """Rows for ``paragraphs`` (the resolution's or an annex's) and their sub-paragraphs, ``order`` numbered on
    from ``first_order``; ``bands[i]`` are the LSH bands of the i-th row, ``anchor_of(row)`` a top row's anchor."""
    top_level, children, index = [], [], 0
    for paragraph in paragraphs:
        row = Paragraph(document=document, annex=annex, order=first_order + index, kind=paragraph.kind,
                        number=_fit(paragraph.number, Paragraph, "number"), lead=_fit(paragraph.lead, Paragraph, "lead"),
                        text=paragraph.text, heading=_fit(paragraph.heading, Paragraph, "heading"),
                        footnote_refs=[_fit(ref, Paragraph, "footnote_refs") for ref in paragraph.footnote_refs],
                        lsh_bands=bands[index] if index < len(bands) else [])
        row.anchor = anchor_of(row)
        index += 1
        top_level.append(row)
        for sub in paragraph.subparagraphs:
            label = _fit(sub.label, Paragraph, "label")
            children.append((row, Paragraph(document=document, annex=annex, order=first_order + index,
                                            kind=paragraph.kind, label=label, text=sub.text,
                                            footnote_refs=[_fit(ref, Paragraph, "footnote_refs")
                                                           for ref in sub.footnote_refs],
                                            lsh_bands=bands[index] if index < len(bands) else [],
                                            anchor=subparagraph(row.anchor, label))))
            index += 1
    return top_level, children


def _create_paragraph_rows(top_level: list[Paragraph], children: list[tuple[Paragraph, Paragraph]]) -> None:
    rows = top_level + [child for _, child in children]
    draw_keys(Paragraph, rows)   # the keys the children's parent links need, then every row in one COPY
    for parent, child in children:
        child.parent = parent
    copy_rows(Paragraph, rows)


def _store_annexes(document: Document, parsed: ParsedDocument, bands: list[list[int]], first_order: int) -> None:
    """``parsed.annexes`` as Annex rows; their paragraphs are Paragraph rows numbered on from the resolution's
    (``first_order``, ``bands`` in ``annex_texts`` order) and their notes Footnote rows after the resolution's."""
    if not parsed.annexes:
        return
    annexes = Annex.objects.bulk_create([
        Annex(document=document, order=number, label=_fit(annex.label or "Annex", Annex, "label"),
              title=(annex.title or "").strip())
        for number, annex in enumerate(parsed.annexes, start=1)])
    anchors, offset, rows = Anchors(), 0, ([], [])
    for annex_row, annex in zip(annexes, parsed.annexes):
        top_level, children = _paragraph_rows(
            document, annex.paragraphs, bands[offset:], first_order + offset,
            lambda row, order=annex_row.order: anchors.annex_paragraph(order, row.kind, row.number), annex=annex_row)
        offset += len(top_level) + len(children)
        rows[0].extend(top_level)
        rows[1].extend(children)
    _create_paragraph_rows(*rows)
    notes = [(annex_row, note) for annex_row, annex in zip(annexes, parsed.annexes) for note in annex.footnotes]
    Footnote.objects.bulk_create([
        Footnote(document=document, annex=annex_row, order=len(parsed.footnotes) + n,
                 marker=_fit(note.marker, Footnote, "marker"), text=note.text)
        for n, (annex_row, note) in enumerate(notes, start=1)])


def _store_footnotes(document: Document, parsed: ParsedDocument) -> dict[str, Footnote]:
    rows = [Footnote(document=document, order=order, marker=_fit(note.marker, Footnote, "marker"), text=note.text)
            for order, note in enumerate(parsed.footnotes, start=1)]
    Footnote.objects.bulk_create(rows)
    by_marker: dict[str, Footnote] = {}
    for row in rows:
        by_marker.setdefault(row.marker, row)
    return by_marker


def _store_citations(document: Document, parsed: ParsedDocument, paragraphs: list[Paragraph],
                     footnotes: dict[str, Footnote]) -> None:
    rows = []
    for order, citation in enumerate(parsed.citations, start=1):
        paragraph = None
        if citation.paragraph is not None and 0 <= citation.paragraph < len(paragraphs):
            paragraph = paragraphs[citation.paragraph]
        rows.append(Citation(
            document=document, paragraph=paragraph,
            footnote=footnotes.get(str(citation.footnote)) if citation.footnote is not None else None,
            order=order, kind=citation.kind, raw_text=citation.text,
            cited_body=_fit(citation.body, Citation, "cited_body"), number=_fit(citation.number, Citation, "number"),
            symbol=_fit(citation.symbol, Citation, "symbol"), volume=_fit(citation.volume, Citation, "volume"),
            treaty_number=_fit(citation.treaty_number, Citation, "treaty_number"),
            target_key=_fit(citation.target_key, Citation, "target_key"),
            pinpoint=_fit(",".join(citation.pinpoint), Citation, "pinpoint"),
        ))
    resolve_citations(rows)
    copy_rows(Citation, rows, keys=False)   # nothing written after points at a citation


