"""``manage.py send_alerts``: send each confirmed subscription one digest of what is new (alerts/sending.py).

Safe from cron: a second run while one is going does nothing and exits 0; a killed run is finished by the next.
"""
from django.core.management.base import BaseCommand

from alerts.sending import send_alerts


class Command(BaseCommand):
    help = "Send each confirmed alert one digest of the documents stored since its last one."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print only the summary.")
        parser.add_argument("--schedule", action="store_true",
                            help="Only queue the worker's periodic run (alerts/tasks.py) if none is waiting.")

    def handle(self, *args, quiet=False, schedule=False, **options):
        if schedule:
            from alerts.tasks import schedule_next

            self.stdout.write("Queued the next run for the worker." if schedule_next()
                              else "A run is already waiting for the worker (or the queue cannot defer).")
            return
        summary = send_alerts(log=None if quiet else self.stdout.write)
        self.stdout.write(str(summary))
