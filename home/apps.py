from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from . import locale_cache, page_cache_signals

        page_cache_signals.connect()
        locale_cache.install()
