"""``manage.py send_alerts``: send each confirmed subscription one digest of what is new (alerts/sending.py).

Safe from cron: a second run while one is going does nothing and exits 0; a killed run is finished by the next.
"""
from django.core.management.base import BaseCommand

from alerts.sending import send_alerts


class Command(BaseCommand):
    help = "Send each confirmed alert one digest of the documents stored since its last one."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print only the summary.")

    def handle(self, *args, quiet=False, **options):
        summary = send_alerts(log=None if quiet else self.stdout.write)
        self.stdout.write(str(summary))
