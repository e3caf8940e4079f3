from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_member_states(sender, **kwargs):
    from resolutions.services.member_states import sync_member_states

    sync_member_states()


def _create_cache_table(sender, using="default", **kwargs):
    # The rate limits' shared cache is a database table (settings.CACHES); createcachetable skips a table that
    # exists and a database the routers keep it off (a read replica).
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
    # A migrate is how a new release starts (Dockerfile, make run): its templates and code may draw the pages
    # differently, so the pages cached by the last one are built again (resolutions/page_cache.py). The member
    # states synced just before may have changed names the pages print, too.
    from resolutions import page_cache

    page_cache.every_page_changed(database=using)


class ResolutionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "resolutions"
    verbose_name = "UN resolutions"

    def ready(self):
        from django.core import checks

        from resolutions.search.limits import check_configured_limits

        checks.register(check_configured_limits)
        # The member-state table is data kept in the repository; every migrate (and the test database) gets it.
        post_migrate.connect(_sync_member_states, sender=self, dispatch_uid="resolutions_sync_member_states")
        post_migrate.connect(_create_cache_table, sender=self, dispatch_uid="resolutions_create_cache_table")
