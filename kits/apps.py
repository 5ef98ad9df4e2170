from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KitsConfig(AppConfig):
    name = "kits"
    verbose_name = _("Kits")

    def ready(self):
        from core.daily import register_daily_job
        from kits import daily, personal_data

        personal_data.register()
        register_daily_job("kit reminders and follow-ups", daily.run, order=20)
