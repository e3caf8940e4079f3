from django.core.management.base import BaseCommand

from network.services import rebuild_network


class Command(BaseCommand):
    help = "Rebuild the citation network's links and counts from the resolved citations (after a bulk load)."

    def handle(self, *args, **options):
        links = rebuild_network()
        self.stdout.write(f"{links} link(s) between documents.")
