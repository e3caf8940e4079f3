"""python manage.py relink: recompute paragraph LSH bands, series and version links for the whole archive.

Run it after changing the band parameters (resolutions/lineage/similarity.py) or the
series and link rules (resolutions/lineage/services.py); ingestion keeps them
up to date document by document otherwise.
"""
from django.core.management.base import BaseCommand
from django.db import transaction

from resolutions.lineage.services import relink_all


class Command(BaseCommand):
    help = "Recompute LSH bands of every paragraph, the series and the version links of every document."

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = relink_all()
        self.stdout.write(f"{counts['documents']} documents, {counts['paragraphs']} paragraphs banded, "
                          f"{counts['series']} series, {counts['links']} version links.")
