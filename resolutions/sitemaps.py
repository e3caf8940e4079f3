"""sitemap.xml: every document at its citable address (the framework pages it at 50,000 addresses a page)."""
from django.contrib.sitemaps import Sitemap

from resolutions.models import Document


class DocumentSitemap(Sitemap):
    changefreq = "monthly"
    limit = 50_000

    def items(self):
        return Document.objects.only("pk", "symbol", "symbol_key", "slug", "updated_at").order_by("pk")

    def lastmod(self, document):
        return document.updated_at
