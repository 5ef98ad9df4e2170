from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KitsConfig(AppConfig):
    name = "kits"
    verbose_name = _("Kits")

    def ready(self):
        from . import (
            personal_data,
            receivers,  # noqa: F401  (connects kits' reactions to other apps' signals)
        )

        personal_data.register()
