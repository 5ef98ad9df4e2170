from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from community.associations.space import register_space_section
        from community.members.member_area import register_section
        from core import personal_parts, unsubscribe
        from core.daily import register_daily_job
        from core.outage import register_retry_form
        from core.search_types import register_search_type
        from core.sitemap_sources import register_sitemap_source
        from events import (
            association_space,
            daily,
            emails,
            personal_data,
            search,
            services,
            signals,
            sitemap,
            topic_views,
            views,
        )
        from events.forms import GuestRegistrationForm

        unsubscribe.register(
            emails.UNSUBSCRIBE_KIND,
            label=_("reminders of the sessions you registered for"),
            key=services.registration_key,
            stop=services.stop_reminders_for,
        )

        signals.connect()
        personal_parts.register("event_registration", views.fill_registration)
        personal_data.register()
        register_section("events/member_area/registrations.html", order=30, context=views.member_registrations)
        register_section("events/member_area/topics.html", order=40, context=topic_views.member_topics)
        register_daily_job("session reminders", daily.run, order=30)
        register_space_section("events/admin/space_sessions.html", association_space.context, order=30)
        register_search_type(search.EVENT_SEARCH, order=20)
        register_retry_form(r"/inscription/$", GuestRegistrationForm)
        register_sitemap_source(sitemap.topics_addresses)
