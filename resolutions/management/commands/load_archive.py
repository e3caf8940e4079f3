"""python manage.py load_archive FILE.jsonl: read a dump_archive dump back into an empty archive."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resolutions.services.dump import LoadError, load_archive


class Command(BaseCommand):
    help = ("Load documents.jsonl written by dump_archive into an empty archive, ids, timestamps and original "
            "bytes included; all or nothing.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, file, no_progress=False, **options):
        try:
            summary = load_archive(file, progress=not no_progress)
        except LoadError as exc:
            raise CommandError(f"Nothing was loaded: {exc}") from exc
        self.stdout.write(f"Loaded {summary.documents} documents and {summary.source_files} source files.")
