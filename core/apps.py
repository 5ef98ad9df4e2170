from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app uses and none owns: the page cache, rate limits, client address,
    security log and headers, two-factor gate, registries (personal data, daily jobs),
    moderation, backups. It imports no other app of the project."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import daily, locale_cache, page_cache_signals, security_log

        page_cache_signals.connect()
        locale_cache.install()
        security_log.connect()
        daily.register_daily_job("personal data", daily.purge_personal_data, order=0)
