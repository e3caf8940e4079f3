from django.apps import AppConfig


class AddresseesConfig(AppConfig):
    """Who each operative paragraph asks to act, and its action: read at ingestion, searched as facets."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "addressees"
    verbose_name = "Addressees and actions"
