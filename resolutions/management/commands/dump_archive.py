"""python manage.py dump_archive OUT_DIR: the whole archive as JSON lines and Akoma Ntoso files."""
from pathlib import Path

from django.core.management.base import BaseCommand

from resolutions.services.dump import AKN_DIR, DOCUMENTS_FILE, dump_archive


class Command(BaseCommand):
    help = (f"Write the whole archive to OUT_DIR: {DOCUMENTS_FILE} (one JSON object per document, source files' "
            f"bytes included, base64) and {AKN_DIR}/ (one Akoma Ntoso XML file per document).")

    def add_arguments(self, parser):
        parser.add_argument("out_dir", type=Path)
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, out_dir, no_progress=False, **options):
        summary = dump_archive(out_dir, progress=not no_progress)
        self.stdout.write(f"Dumped {summary.documents} documents and {summary.unattached_source_files} source files "
                          f"without a document to {summary.path}.")
