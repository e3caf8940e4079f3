"""The benchmark's rows for the UN's own data (issue 15), through the real code paths:

* AKN ingestion: the corpus's AKN4UN files (``unxml-ga-resolutions``, ``unxml-sc-resolutions``) through
  ``ingest_paths`` as ``manage.py ingest --jobs N`` runs it, in documents per second; what they added is removed
  afterwards, so the other figures stay those of the generated corpus;
* the vote-table import: ``import_vote_tables`` (``manage.py import_votes``) on the UN's metadata tables, the
  records of an earlier import removed first, so every run times a first import.

The corpus sits beside the project (``../shared/corpus/real``, or ``ARCHIVE_BENCH_CORPUS``); without it both rows
say so.  Smoke runs ingest a sample of the AKN files (every Nth, so both organs and every language are in it).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from resolutions.parser.akn_xml import MALFORMED_XML

ROOT = Path(__file__).resolve().parent.parent
AKN_FOLDERS = ("unxml-ga-resolutions", "unxml-sc-resolutions")
TABLE_FOLDERS = ("unxml-ga-resolutions/data_extract", "unxml-sc-resolutions/data_extract")
SMOKE_AKN_FILES = 60
NO_CORPUS = "n/a (the real corpus is not beside the project)"
MALFORMED_AS_PUBLISHED = "malformed as published"


def corpus_dir() -> Path:
    return Path(os.environ.get("ARCHIVE_BENCH_CORPUS") or ROOT.parent / "shared" / "corpus" / "real")


def akn_files(corpus: Path, smoke: bool, limit: int | None = None) -> tuple[list[Path], int]:
    """(the files to ingest, how many AKN files the corpus has): all of them, or every Nth up to ``limit``
    (SMOKE_AKN_FILES in a smoke run)."""
    files = sorted(path for folder in AKN_FOLDERS for path in (corpus / folder).rglob("*.xml"))
    limit = limit or (SMOKE_AKN_FILES if smoke else None)
    if limit and len(files) > limit:
        step = len(files) / limit
        return [files[int(i * step)] for i in range(limit)], len(files)
    return files, len(files)


def measure_akn_ingestion(smoke: bool, log, jobs: int | None = None, limit: int | None = None) -> dict:
    corpus = corpus_dir()
    if not corpus.exists():
        return {"status": NO_CORPUS}
    from resolutions.models import Document, Series, SourceFile
    from resolutions.services.ingestion.batch import ingest_paths
    from votes.models import VoteRecord

    files, available = akn_files(corpus, smoke, limit)
    jobs = jobs or os.cpu_count() or 1
    batch = f"bench-akn-{os.getpid()}-{int(time.time())}"
    before = set(Document.objects.values_list("pk", flat=True))
    started = time.perf_counter()
    outcomes = ingest_paths(files, batch=batch, progress=False, jobs=jobs)
    seconds = time.perf_counter() - started
    statuses = [outcome.status for outcome in outcomes]
    added = Document.objects.exclude(pk__in=before)
    documents = added.count()
    figures = {"status": "ok", "files": len(files), "files_in_corpus": available, "jobs": jobs, "seconds": seconds,
               "files_per_s": len(files) / seconds if seconds else 0.0,
               "documents": documents, "documents_per_s": documents / seconds if seconds else 0.0,
               "failed": statuses.count("failed"), "refused": statuses.count("refused"),
               "failures": [{"file": outcome.name, "status": outcome.status, "reason": failure_reason(outcome.message),
                             "error": outcome.message}
                            for outcome in outcomes if outcome.status in ("failed", "refused")]}
    log(f"  {len(files)} AKN files in {seconds:.1f} s: {documents} documents, {failed_text(figures)}")
    for failure in figures["failures"]:
        log(f"    {failure['status']}: {failure['file']}: {failure['error']}")
    # Leave the archive as the generated corpus made it: the AKN documents, their votes, uploads and series go.
    keys = list(added.exclude(symbol_key=None).values_list("symbol_key", flat=True))
    VoteRecord.objects.filter(symbol_key__in=keys, source__startswith="the uploaded file").delete()
    added.delete()
    SourceFile.objects.filter(batch=batch).delete()
    Series.objects.filter(documents__isnull=True).delete()
    return figures


def failure_reason(message: str) -> str:
    """Why a corpus file was not stored, in the table's words: the parser's malformed-XML error means the UN published
    the file so (the MANIFEST names such a file: a robustness test, not the archive's fault); anything else is the
    error's first sentence, to look into."""
    if message.startswith(MALFORMED_XML):
        return MALFORMED_AS_PUBLISHED
    return message.split(". ")[0][:120]


def failed_text(akn: dict) -> str:
    """'N failed' and, per reason, how many and which files: '1 failed: malformed as published (S_PRST_….xml)'."""
    text = f"{akn['failed']} failed"
    reasons: dict[str, list[str]] = {}
    for failure in akn.get("failures", []):   # absent from the JSON of runs before the reasons were recorded
        if failure["status"] == "failed":
            reasons.setdefault(failure["reason"], []).append(failure["file"])
    if reasons:
        text += ": " + "; ".join(f"{reason} ({', '.join(names)})" if len(reasons) == 1
                                 else f"{len(names)} {reason} ({', '.join(names)})"
                                 for reason, names in reasons.items())
    if akn.get("refused"):
        text += f", {akn['refused']} refused"
    return text


def measure_vote_import(log) -> dict:
    corpus = corpus_dir()
    folders = [corpus / folder for folder in TABLE_FOLDERS]
    if not all(folder.exists() for folder in folders):
        return {"status": NO_CORPUS}
    from votes.models import StateVote, VoteRecord
    from votes.services import PARSED_SOURCE, import_vote_tables

    VoteRecord.objects.exclude(source__startswith=PARSED_SOURCE).delete()
    started = time.perf_counter()
    summary = import_vote_tables(folders, progress=False)
    seconds = time.perf_counter() - started
    rows = StateVote.objects.count()
    log(f"  {summary.rows} table rows in {seconds:.1f} s")
    return {"status": "ok", "rows": summary.rows, "records": summary.created + summary.updated,
            "state_votes": summary.state_votes, "state_vote_rows": rows, "matched_share": summary.matched_share,
            "seconds": seconds, "rows_per_s": summary.rows / seconds if seconds else 0.0}


def render_lines(akn: dict | None, votes: dict | None) -> list[str]:
    lines = ["## The UN's own data (issue 15)", "", "| Measure | Value |", "|---|---|"]
    if akn and akn.get("status") == "ok":
        sample = "" if akn["files"] == akn["files_in_corpus"] else f", a sample of the corpus's {akn['files_in_corpus']}"
        lines += [f"| AKN ingestion, documents/s ({akn['files']} AKN4UN files{sample}, {akn['jobs']} processes) | "
                  f"{akn['documents_per_s']:.1f} ({akn['documents']} documents from {akn['files']} files in "
                  f"{akn['seconds']:.1f} s, {akn['files_per_s']:.1f} files/s: a file in another language is a version "
                  f"of its document; {failed_text(akn)}) |"]
    else:
        lines.append(f"| AKN ingestion, documents/s | {(akn or {}).get('status', 'skipped')} |")
    if votes and votes.get("status") == "ok":
        lines.append(f"| vote-table import (`import_votes`, {votes['rows']:,} rows, {votes['state_vote_rows']:,} state "
                     f"votes stored) | {votes['seconds']:.1f} s ({votes['rows_per_s']:.0f} rows/s) |")
    else:
        lines.append(f"| vote-table import (`import_votes`) | {(votes or {}).get('status', 'skipped')} |")
    return lines + [""]
