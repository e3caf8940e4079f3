"""manage.py bench --scale N: the benchmark of issue 7 (see bench/run.py). Thin: it calls bench.run."""
import os

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    # Checks import every URL module; a half-built page elsewhere must not stop the measurements of the rest.
    requires_system_checks = []

    help = "Generate (or reuse) a corpus of N documents, ingest it into the benchmark database, measure, print the table."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=100_000, help="number of documents (default 100,000)")
        parser.add_argument("--seed", type=int, default=1, help="the corpus generator's seed")
        parser.add_argument("--runs", type=int, default=None, help="timed runs per figure (default 5 smoke, 30 full)")
        parser.add_argument("--smoke", action="store_true", help="write the table to bench/out/, not BENCHMARKS.md")
        parser.add_argument("--output", default=None, help="where to write the table")
        parser.add_argument("--no-peer", action="store_true", help="skip the tantivy peer")
        parser.add_argument("--ingest-budget", type=float, default=None,
                            help="end this ingestion sitting after about this many seconds and measure the "
                                 "documents stored so far (a partial table in bench/out/); the next run goes on")

    def handle(self, *args, **options):
        from archive.embedded_db import DEFAULT_PGDATA

        # The benchmark fills its database with generated documents: never the development database.
        if not os.environ.get("DATABASE_URL") and (
                not os.environ.get("ARCHIVE_PGDATA")
                or os.path.realpath(os.environ["ARCHIVE_PGDATA"]) == os.path.realpath(DEFAULT_PGDATA)):
            raise CommandError("The benchmark needs its own database: run `make bench SCALE=N`, or set "
                               "ARCHIVE_PGDATA=var/bench-pgdata-N (or DATABASE_URL) before manage.py bench.")
        call_command("migrate", interactive=False, verbosity=0, skip_checks=True)
        from bench.run import run

        run(options["scale"], seed=options["seed"], runs=options["runs"], output=options["output"],
            smoke=options["smoke"] or None, peer=not options["no_peer"], ingest_budget=options["ingest_budget"],
            log=self.stdout.write)
