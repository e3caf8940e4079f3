"""Re-parse what is stored: the current parser over the kept originals, through the ingestion service.

A parser fix reaches the archive without anyone uploading again (``manage.py reparse``).  Each document is
re-read from its own source files, in the order they were uploaded, exactly as ingestion would store them:
the first replaces the document's parse, each later one is what it was at upload (a corrected re-upload of
the same symbol replaces it again; another format of the same text is kept or merged by the same-text rule).
Staff corrections are kept as ingestion keeps them (a document edited in the admin is not re-parsed unless
``discard_edits``).  One document is one transaction: when a file of it fails, nothing of the document
changes and the file keeps its reason (``SourceFile.error``).  Running it twice changes nothing the second
time.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction

from resolutions.exports.json_export import document_record
from resolutions.models import Document, SourceFile
from resolutions.services.ingestion.ingest import process_source_file
from resolutions.services.ingestion.intake import FAILED, PARSED, fail
from resolutions.un.symbols import normalise_symbol

CHANGED, UNCHANGED = "changed", "unchanged"

# What a re-parse may renumber without changing the document: row ids and the time stamps of the writing.
_VOLATILE = frozenset({"id", "parent_id", "annex_id", "paragraph_id", "footnote_id", "created_at", "updated_at",
                       "source_files"})


@dataclass
class ReparseResult:
    document: Document
    status: str              # CHANGED, UNCHANGED or FAILED
    message: str = ""


@dataclass
class ReparseSummary:
    results: list[ReparseResult] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # symbols asked for that the archive does not hold

    def count(self, status: str) -> int:
        return sum(1 for result in self.results if result.status == status)


class _FileFailed(Exception):
    def __init__(self, source_file: SourceFile, message: str):
        super().__init__(message)
        self.source_file, self.message = source_file, message


def _content(document: Document):
    """What the archive holds about the document, without what rewriting the same rows renumbers."""
    def strip(value):
        if isinstance(value, dict):
            return {key: strip(item) for key, item in value.items() if key not in _VOLATILE}
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    return strip(document_record(Document.objects.get(pk=document.pk)))


def select_documents(symbols: Iterable[str] | None) -> tuple[list[Document], list[str]]:
    """The documents named by their symbols (any spacing or case), or every document for None; and the missing."""
    if symbols is None:
        return list(Document.objects.order_by("pk").only("pk", "symbol", "title")), []
    wanted = {normalise_symbol(symbol): symbol for symbol in symbols}
    found = {d.symbol_key: d for d in Document.objects.filter(symbol_key__in=wanted).only("pk", "symbol", "title",
                                                                                          "symbol_key")}
    return ([found[key] for key in wanted if key in found],
            [symbol for key, symbol in wanted.items() if key not in found])


def reparse_document(document: Document, *, discard_edits: bool = False) -> ReparseResult:
    """Parse the document's source files again and store them as ingestion does (one transaction)."""
    sources = list(SourceFile.objects.filter(document=document, status=PARSED).order_by("uploaded_at", "pk"))
    if not sources:
        return ReparseResult(document, FAILED, "No parsed source file is kept for it.")
    if document.edited and not discard_edits:
        return ReparseResult(document, UNCHANGED, "staff edits kept (discard them to re-parse)")
    before = _content(document)
    messages = []
    try:
        with transaction.atomic():
            for index, source_file in enumerate(sources):
                outcome = process_source_file(source_file, discard_edits=discard_edits, later_source=index > 0)
                if outcome.status != PARSED:
                    raise _FileFailed(source_file, outcome.message)
                if outcome.document is not None and outcome.document.pk != document.pk:
                    messages.append(f"{source_file.original_name} now reads as {outcome.document}")
    except _FileFailed as failure:
        fail(failure.source_file, failure.message, failure.source_file.original_name)  # stays parsed and linked
        return ReparseResult(document, FAILED, f"{failure.source_file.original_name}: {failure.message}")
    status = CHANGED if _content(document) != before else UNCHANGED
    return ReparseResult(document, status, "; ".join(messages))


def reparse(documents: list[Document], *, discard_edits: bool = False,
            on_result: Callable[[ReparseResult], None] | None = None) -> ReparseSummary:
    summary = ReparseSummary()
    for document in documents:
        result = reparse_document(document, discard_edits=discard_edits)
        summary.results.append(result)
        if on_result:
            on_result(result)
    return summary
