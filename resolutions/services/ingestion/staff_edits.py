"""Staff corrections win over a later file: one rule for a document's main text and for its language versions.

A document staff corrected in the admin (``Document.edited``) and a language version staff corrected
(``LanguageVersion.edited``, written by ``resolutions.languages.edits``) are not replaced by a later upload of a file
for them (another file of the same symbol in that language, or the same bytes re-run) unless the caller passes
``discard_edits``. The upload is kept all the same, linked to its document and *parsed*, with a warning that says
why its parse was not applied (``NOT_APPLIED``, which the admin's upload report shows staff).
"""
from __future__ import annotations

from resolutions.languages.models import LanguageVersion
from resolutions.models import Document, SourceFile
from resolutions.services.ingestion.intake import PARSED, IngestionOutcome, mark_parsed
from resolutions.un import languages as un_languages

NOT_APPLIED = "The parse was not applied"


def edited_version(document: Document, language: str | None) -> LanguageVersion | None:
    """The document's version in ``language`` when staff corrected it, else None."""
    if not language:
        return None
    return LanguageVersion.objects.filter(document=document, language=language, edited=True).first()


def has_staff_edits(document: Document | None) -> bool:
    """Whether staff corrected the document or any of its language versions (a file kept without being applied may
    then be applied again on request, ``discard_edits``)."""
    if document is None:
        return False
    return document.edited or LanguageVersion.objects.filter(document=document, edited=True).exists()


def keep_edits(source_file: SourceFile, document: Document, fmt: str, warnings: list[str], filename: str,
               version: LanguageVersion | None = None) -> IngestionOutcome:
    """Record the file as parsed and linked to ``document``, its parse not applied because of staff corrections (of
    ``version`` when given, else of the document's main text)."""
    if version is None:
        what = str(document)
    else:
        known = un_languages.language(version.language)
        what = f"the {known.name if known else version.language} version of {document}"
    message = (f"{NOT_APPLIED}: staff edited {what} in the admin, and their corrections are kept. Re-run ingestion "
               "discarding staff edits to replace them with this file's parse.")
    mark_parsed(source_file, document, fmt, warnings + [message])
    return IngestionOutcome(source_file, document, PARSED, message, name=filename)


def not_applied_notice(source_file: SourceFile | None) -> str | None:
    """The warning saying a stored file's parse was not applied because of staff edits, if it carries one."""
    for warning in (source_file.warnings or []) if source_file is not None else []:
        if warning.startswith(NOT_APPLIED):
            return warning
    return None
