from django.apps import AppConfig


class VotesConfig(AppConfig):
    """How each member state voted on a resolution: from the UN's AKN files and metadata tables."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "votes"
    verbose_name = "Votes"
