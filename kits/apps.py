from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KitsConfig(AppConfig):
    name = "kits"
    verbose_name = _("Kits")

    def ready(self):
        from core import unsubscribe
        from core.daily import register_daily_job
        from core.outage import register_retry_form
        from core.page_cache_signals import register_sections
        from core.search_types import register_search_type
        from kits import cache_sections, daily, emails, personal_data, search, services
        from kits.declaration_forms import DeclarationForm

        register_sections("kits.actiondeclaration", cache_sections.declaration_sections)

        personal_data.register()
        unsubscribe.register(
            emails.UNSUBSCRIBE_KIND,
            label=_("reminders and “how did it go?” e-mails about your actions"),
            key=services.email_hash,
            stop=services.stop_emails_for,
        )
        register_daily_job("kit reminders and follow-ups", daily.run, order=20)
        register_search_type(search.KIT_SEARCH, order=10)
        register_retry_form(r"/je-me-lance/$", DeclarationForm)
