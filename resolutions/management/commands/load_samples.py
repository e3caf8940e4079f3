"""python manage.py load_samples: the seed documents of samples/ into the archive (idempotent)."""
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from resolutions.services.ingestion.batch import ingest_paths

from .ingest import outcome_line


class Command(BaseCommand):
    help = "Ingest samples/*.txt; files already in the archive are recognised by their bytes and skipped quickly."

    def handle(self, *args, **options):
        paths = sorted((settings.BASE_DIR / "samples").glob("*.txt"))
        if not paths:
            raise CommandError(f"No sample documents in {settings.BASE_DIR / 'samples'}.")
        outcomes = ingest_paths(paths, batch="samples", progress=False)
        for outcome in outcomes:
            if options["verbosity"] > 1 or outcome.status != "duplicate":
                self.stdout.write(outcome_line(outcome))
        loaded = sum(o.status == "parsed" for o in outcomes)
        present = sum(o.status == "duplicate" for o in outcomes)
        failed = [o for o in outcomes if not o.ok]
        self.stdout.write(f"Samples: {loaded} loaded, {present} already present, {len(failed)} failed.")
        if failed:
            # Not an error exit: `make run` should still serve the archive; the admin lists the failures.
            self.stderr.write("Some sample documents could not be ingested (see above).")
