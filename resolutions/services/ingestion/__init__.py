"""The write side of an upload: from bytes handed over to a stored, indexed, linked document.

The path of an upload through the modules (each imports only those above it):

* ``uploads``: files, folders, zip archives and admin uploads read into checked
  ``Upload`` objects within the size and member limits;
* ``intake``: an upload recorded byte for byte as a ``SourceFile``, claimed
  before it is parsed, and what became of it (``IngestionOutcome``);
* ``staff_edits``: staff corrections (of a document, of a language version)
  kept over a later file unless discarded;
* ``same_text``: whether a parse is a document already stored from another file;
* ``store``: a ``ParsedDocument`` mapped onto rows in one transaction, ending
  with ``services.documents.document_changed`` (index, bands, lineage, citations);
* ``ingest``: one file through those steps (``ingest_file``,
  ``process_source_file``);
* ``batch``: many files (processes, the background queue, re-runs).

This ``__init__`` imports none of them, so that ``resolutions.tasks`` (which
runs ``ingest``) and ``batch`` (which queues ``resolutions.tasks``) import each
other's modules without a cycle.
"""
