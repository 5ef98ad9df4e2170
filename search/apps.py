from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from core.daily import register_daily_job
        from search import daily, empty

        empty.connect()
        register_daily_job("search statistics", daily.run, order=40)
