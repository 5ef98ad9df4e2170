from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KitsConfig(AppConfig):
    name = "kits"
    verbose_name = _("Kits")

    def ready(self):
        from django.db.models.signals import post_save

        from wagtail.documents import get_document_model
        from wagtail.documents.models import Document
        from wagtail.models import AbstractPage
        from wagtail.permissions import register_permission_policy

        from community.associations.space import register_space_section
        from core import unsubscribe
        from core.daily import register_daily_job
        from core.outage import register_retry_form
        from core.page_cache_signals import register_sections
        from core.search_types import register_search_type
        from kits import association_space, cache_sections, daily, emails, personal_data, search, services
        from kits.declaration_forms import DeclarationForm
        from kits.document_permissions import document_policy
        from kits.models import KitIndexPage
        from kits.permissions import AssociationScopedPagePolicy, grant_kit_index_on_create

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
        register_space_section("kits/admin/space_kits.html", association_space.context, order=10)
        register_retry_form(r"/je-me-lance/$", DeclarationForm)
        # Replaces Wagtail's page policy (same behaviour for everyone but association staff).
        register_permission_policy(AbstractPage, AssociationScopedPagePolicy())
        # Exact classes: wagtail.documents' ready() registers its own for Document after ours,
        # and its views ask for Document, not our PrivateDocument.
        for model in {Document, get_document_model()}:
            register_permission_policy(model, document_policy(get_document_model()), exact_class=True)
        post_save.connect(grant_kit_index_on_create, sender=KitIndexPage, dispatch_uid="kits-index-association-staff")
