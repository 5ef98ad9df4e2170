from django.apps import AppConfig, apps
from django.core import checks
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """What every app uses and none owns: the page cache, rate limits, client address,
    security log and headers, two-factor gate, registries (personal data, daily jobs),
    moderation, backups. It imports no other app of the project."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import cached_users, daily, links, locale_cache, page_cache_signals, security_log

        checks.register(links.check_site_record, checks.Tags.database)
        # Django sends post_migrate only to apps with a models module, and core has none:
        # listen to wagtailcore's, which comes once its Site table exists (docs/traps.md).
        post_migrate.connect(
            links.align_site_record_after_migrate,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="relais-align-site",
        )
        page_cache_signals.connect()
        cached_users.connect()
        locale_cache.install()
        security_log.connect()
        daily.register_daily_job("personal data", daily.purge_personal_data, order=0)
