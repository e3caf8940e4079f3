from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """The record as a network: which documents cite which, the most cited, thematic neighbours."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "network"
    verbose_name = "Citation network"
