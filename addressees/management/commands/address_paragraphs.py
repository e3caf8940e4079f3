from django.core.management.base import BaseCommand
from tqdm import tqdm

from addressees.services import address_paragraphs
from resolutions.models import Document


class Command(BaseCommand):
    help = ("Read every stored document's operative paragraphs for their action and addressees again (after an "
            "upgrade; ingestion, reparse and staff edits keep them up to date).")

    def handle(self, *args, **options):
        total = 0
        for document in tqdm(Document.objects.only("pk").order_by("pk").iterator(), desc="Addressing",
                             total=Document.objects.count(), disable=not self.stdout.isatty()):
            total += address_paragraphs(document)
        self.stdout.write(f"{total} operative paragraph(s) read.")
