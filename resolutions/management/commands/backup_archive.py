"""python manage.py backup_archive FILE: the whole database with pg_dump (custom format)."""
from pathlib import Path

from django.core.management.base import BaseCommand

from resolutions.services.backup import backup


class Command(BaseCommand):
    help = "Back up the whole database to FILE with pg_dump (restore with restore_archive or pg_restore)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options):
        path = backup(options["file"])
        self.stdout.write(f"Backed up to {path} ({path.stat().st_size:,} bytes).")
