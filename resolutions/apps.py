from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_member_states(sender, **kwargs):
    from resolutions.services.member_states import sync_member_states

    sync_member_states()


class ResolutionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "resolutions"
    verbose_name = "UN resolutions"

    def ready(self):
        # The member-state table is data kept in the repository; every migrate (and the test database) gets it.
        post_migrate.connect(_sync_member_states, sender=self, dispatch_uid="resolutions_sync_member_states")
