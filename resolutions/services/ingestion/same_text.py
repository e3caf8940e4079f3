"""One text in two files: the same resolution uploaded in another format is one document with two source files.

Used by the store step inside its transaction, before it creates a Document:

* ``lock_same_text(fingerprint)`` serialises the storing of texts that could
  turn out to be one document;
* ``find_same_document(parsed)`` finds the stored document holding the same
  text (seeds 000 and 001);
* ``merge_into(document, fields)`` keeps the stored metadata and fills its empty
  fields from the new file, and ``keeps_stored_parse(document, parsed)`` says
  whether the stored paragraphs, sponsors and footnotes stay (the new file only
  becomes another source file) or the new, richer parse replaces them.

This is ingestion's own question (is this upload a document already stored?),
not lineage's (how do stored documents relate?): lineage starts once the
document is stored (``services.documents.document_changed``).
"""
from __future__ import annotations

from datetime import date

from django.db import connection

from resolutions.models import Document, Paragraph
from resolutions.lineage.similarity import document_bands, text_similarity, words
from resolutions.un.symbols import normalise_symbol

# Word-level similarity of two whole texts above which two files are one document.
SAME_DOCUMENT = 0.9

_METADATA = ("symbol", "body", "session", "committee", "date", "distribution", "original_language",
             "document_type", "title", "preamble_subject")


def stored_texts(parsed) -> list[str]:
    """The parse's paragraph texts in the order the ingestion stores them (``store``): each paragraph, then its
    sub-paragraphs; the resolution's first, then each annex's."""
    texts = []
    for paragraphs in [parsed.paragraphs, *(annex.paragraphs for annex in parsed.annexes)]:
        for paragraph in paragraphs:
            texts.append(paragraph.text)
            texts.extend(sub.text for sub in paragraph.subparagraphs)
    return texts


def _iso_date(value) -> str | None:
    try:
        return date.fromisoformat(value).isoformat() if value else None
    except (TypeError, ValueError):
        return None


def _same_text_candidates(parsed, fingerprint: list[int], limit: int = 5) -> list[int]:
    """Documents sharing a whole-text band with the parse whose metadata does not contradict it, best first.

    The contradictions are checked in SQL (a different symbol, body, session or date: a revision is another
    document even when its text barely changed), so near-identical revisions do not crowd out the one
    candidate that matters.
    """
    if not fingerprint:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT id FROM resolutions_document
             WHERE text_bands && %(bands)s::bigint[]
               AND (%(symbol)s::text IS NULL OR symbol_key IS NULL OR symbol_key = %(symbol)s)
               AND (%(body)s::text IS NULL OR body = '' OR body = %(body)s)
               AND (%(session)s::int IS NULL OR session IS NULL OR session = %(session)s)
               AND (%(date)s::date IS NULL OR date IS NULL OR date = %(date)s)
             ORDER BY (SELECT count(*) FROM unnest(text_bands) AS band WHERE band = ANY(%(bands)s)) DESC, id
             LIMIT %(limit)s
            """,
            {"bands": fingerprint, "symbol": normalise_symbol(parsed.symbol) if parsed.symbol else None,
             "body": parsed.body or None, "session": parsed.session, "date": _iso_date(parsed.date),
             "limit": limit})
        return [row[0] for row in cursor.fetchall()]


def lock_same_text(fingerprint: list[int], *, has_symbol: bool) -> None:
    """Serialise, until the transaction ends, the storing of texts that could turn out to be one document.

    Two processes storing one text from two files at the same moment would each
    find no stored twin and make two documents.  Each takes a transaction-level
    advisory lock per whole-text band (in sorted order: no deadlock), so the
    second waits for the first to commit and then finds it.  Two files that both
    carry a symbol can never be merged by text (a different symbol contradicts,
    the same symbol meets on the unique index), so they take the locks shared
    and are stored side by side even when their texts are near-identical
    revisions; a file without a symbol takes them exclusive.  Unrelated texts
    share no band at all.
    """
    if fingerprint:
        function = "pg_advisory_xact_lock_shared" if has_symbol else "pg_advisory_xact_lock"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}(band) FROM unnest(%s::bigint[]) AS band ORDER BY band",
                           [sorted(set(fingerprint))])


def find_same_document(parsed, fingerprint: list[int] | None = None) -> Document | None:
    """The stored document holding the same text as this parse (another format of it), or None.

    Candidates are the few documents sharing a band of the whole text's MinHash
    (``Document.text_bands``, GIN-indexed) whose metadata does not contradict
    the parse; a candidate is the same document when the whole texts' words are
    nearly identical (word-level similarity >= SAME_DOCUMENT, whatever the
    paragraph splitting of either extraction).  Measured on the seeds: 000
    against 001 (raw text, other line breaks) 0.93 even with a rough
    extraction; the other seed pairs 0.23-0.46.  ``fingerprint`` is the parse's
    ``document_bands`` when the caller has it already.
    """
    texts = [text for text in stored_texts(parsed) if words(text)]
    if not texts:
        return None
    whole = " ".join(texts)
    if fingerprint is None:
        fingerprint = document_bands(texts)
    for document_id in _same_text_candidates(parsed, fingerprint):
        stored = " ".join(Paragraph.objects.filter(document_id=document_id).order_by("order")
                          .values_list("text", flat=True))
        if text_similarity(whole, stored) >= SAME_DOCUMENT:
            return Document.objects.get(pk=document_id)
    return None


def merge_into(document: Document, fields: dict) -> dict:
    """Metadata for a document found again in another file: its non-empty fields kept, empty ones filled.

    Returns the merged field values (the ingestion service sets and saves them).
    """
    merged = {}
    for name, value in fields.items():
        current = getattr(document, name)
        merged[name] = current if current not in (None, "", []) else value
    if merged.get("symbol") and not document.symbol:
        merged["symbol_key"] = fields.get("symbol_key")
    return merged


def keeps_stored_parse(document: Document, parsed) -> bool:
    """Whether a same-text document keeps its stored parse rather than take this file's.

    The parse with more of the header wins (metadata fields, sponsors, agenda
    items, footnotes): seed 001 (PDF text without its header) must not replace
    the sponsors and agenda item that 000 gave the document.  On a tie the
    stored parse stays.
    """
    stored = (sum(1 for name in _METADATA if getattr(document, name) not in (None, ""))
              + document.sponsorships.exists() + document.agenda_items.exists() + document.footnotes.exists())
    new = (sum(1 for name in _METADATA if getattr(parsed, name, None) not in (None, ""))
           + bool(parsed.sponsors) + bool(parsed.agenda_items) + bool(parsed.footnotes))
    return new <= stored
