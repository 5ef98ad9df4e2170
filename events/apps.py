from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from community.member_area import register_section

        from . import personal_data, signals  # noqa: F401  (signals: connects the page_published receiver)
        from .topic_views import member_topics
        from .views import member_registrations

        register_section("events/member_area/registrations.html", order=30, context=member_registrations)
        register_section("events/member_area/topics.html", order=40, context=member_topics)
        personal_data.register()
