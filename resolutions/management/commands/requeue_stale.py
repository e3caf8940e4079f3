"""python manage.py requeue_stale [--older-than MINUTES]: queue again the uploads a dead worker left pending."""
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from resolutions.services.ingestion.batch import requeue_stale


class Command(BaseCommand):
    help = ("Queue again the files left pending longer than --older-than minutes that no worker is processing "
            "(a worker killed in the middle of a file leaves it pending). Safe to run from cron: a file queued "
            "twice is parsed once.")

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=float, default=30.0, metavar="MINUTES",
                            help="pending for at least this long (default 30 minutes)")

    def handle(self, *args, older_than, **options):
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more minutes.")
        stale = requeue_stale(timedelta(minutes=older_than))
        for source_file in stale:
            self.stdout.write(f"queued again  {source_file.original_name}")
        self.stdout.write(f"{len(stale)} stale pending file(s) queued again.")
