from django.apps import AppConfig


class FeedsConfig(AppConfig):
    """Atom feeds of what the archive receives: for a search, a member state, an agenda item, a series, a body, and
    the documents citing a document (issue 16)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "feeds"
    verbose_name = "Feeds"
