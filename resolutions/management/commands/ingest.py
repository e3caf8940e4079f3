"""python manage.py ingest PATH...: files, folders and .zip archives into the archive."""
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from resolutions.services.ingestion.batch import ingest_paths
from resolutions.services.ingestion.intake import IngestionOutcome


def outcome_line(outcome: IngestionOutcome) -> str:
    """'parsed     samples/002.txt  A/C.3/61/L.7/Rev.1' or 'failed     bad.pdf  <why>'."""
    if outcome.status in ("failed", "refused"):
        detail = outcome.message
    else:
        detail = str(outcome.document) if outcome.document else outcome.message
        if outcome.message and outcome.status == "parsed" and "not applied" in outcome.message:
            detail = f"{detail}: {outcome.message}"
    return f"{outcome.status:<10} {outcome.name}  {detail}".rstrip()


class Command(BaseCommand):
    help = ("Ingest UN resolutions from files, folders (recursively) and .zip archives. Prints one line per file; "
            "exits with status 1 when any file failed or was refused, after processing all the others.")

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, folders or .zip archives.")
        parser.add_argument("--batch", default=None, help="Batch identifier recorded on every SourceFile.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")
        parser.add_argument("--discard-edits", action="store_true",
                            help="Replace documents that staff corrected in the admin with the files' parse.")
        parser.add_argument("--jobs", type=int, default=1,
                            help="Parse and store in this many processes (default 1; the machine's cores for a "
                                 "large batch). Each file is still stored in its own transaction.")
        parser.add_argument("--bulk", action="store_true",
                            help="A first load of many files: parse in --jobs processes, store a group of documents "
                                 "to a transaction and write the search index, citation network and addressees once "
                                 "per group (same result as one by one, about 2.4 times faster; see the README).")

    def handle(self, *args, paths, batch=None, no_progress=False, discard_edits=False, jobs=1, bulk=False,
               **options):
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more.")
        def report(outcome):
            line = outcome_line(outcome)
            if not no_progress:
                tqdm.write(line, file=self.stdout._out)
            else:
                self.stdout.write(line)

        outcomes = ingest_paths(paths, batch=batch, progress=not no_progress, on_outcome=report,
                                discard_edits=discard_edits, jobs=jobs, bulk=bulk)
        counts = {}
        for outcome in outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no files"
        self.stdout.write(f"{len(outcomes)} file(s): {summary}")
        bad = counts.get("failed", 0) + counts.get("refused", 0)
        if bad:
            raise CommandError(f"{bad} file(s) failed or were refused.", returncode=1)
