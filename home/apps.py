from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from . import (
            locale_cache,
            page_cache_signals,
            security_log,  # noqa: F401  (connects the refused-login receiver)
        )

        page_cache_signals.connect()
        locale_cache.install()
