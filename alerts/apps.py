from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """E-mail alerts (issue 16): a visitor follows a search, a member state, an agenda item, a series, a body or the
    documents citing a document, confirms by a signed link, and gets one digest of what is new per run of
    ``send_alerts``; one-click unsubscribe in every mail; no account."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "alerts"
    verbose_name = "E-mail alerts"
