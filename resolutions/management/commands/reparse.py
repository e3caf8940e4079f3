"""python manage.py reparse [--all | SYMBOL...]: the current parser over the stored originals."""
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from resolutions.services.ingestion.reparse import CHANGED, UNCHANGED, reparse, select_documents


class Command(BaseCommand):
    help = ("Parse stored documents again from their kept source files with the current parser, through the "
            "ingestion service (staff edits kept unless --discard-edits). Prints one line per changed or failed "
            "document and a summary; exits with status 1 when any document failed (it then keeps what it had).")

    def add_arguments(self, parser):
        parser.add_argument("symbols", nargs="*", metavar="SYMBOL", help="Symbols of the documents to re-parse.")
        parser.add_argument("--all", action="store_true", help="Every document of the archive.")
        parser.add_argument("--discard-edits", action="store_true",
                            help="Re-parse documents that staff corrected in the admin too, replacing the edits.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, symbols, all=False, discard_edits=False, no_progress=False, **options):
        if all == bool(symbols):
            raise CommandError("Name the documents' symbols, or pass --all (not both).")
        documents, missing = select_documents(None if all else symbols)
        for symbol in missing:
            self.stderr.write(f"not found  {symbol}")

        with tqdm(total=len(documents), disable=no_progress, file=sys.stderr, unit="document",
                  desc="Re-parsing") as bar:
            def report(result):
                if result.status != UNCHANGED or result.message:
                    line = f"{result.status:<10} {result.document}  {result.message}".rstrip()
                    if no_progress:
                        self.stdout.write(line)
                    else:
                        tqdm.write(line, file=self.stdout._out)
                bar.update(1)

            summary = reparse(documents, discard_edits=discard_edits, on_result=report)
        failed = summary.count("failed")
        self.stdout.write(f"{len(summary.results)} document(s): {summary.count(CHANGED)} changed, "
                          f"{summary.count(UNCHANGED)} unchanged, {failed} failed"
                          + (f"; {len(missing)} symbol(s) not found" if missing else ""))
        if failed or missing:
            raise CommandError(f"{failed} document(s) failed, {len(missing)} symbol(s) not found.", returncode=1)
