from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        # personal_data registers community's exporters; testimonial_receivers connects receivers.
        from . import member_area, personal_data, testimonial_personal_data, testimonial_receivers  # noqa: F401
        from .comments import personal_data as comment_data  # noqa: F401  (registers the threads' rules)

        testimonial_personal_data.register()

        # The member area's own sections; other apps add theirs between 20 and 80.
        member_area.register_section("community/members/sections/profile.html", order=10)
        from .views import records_by_email

        member_area.register_section("community/members/sections/my_data.html", order=90, context=records_by_email)
        member_area.register_section("community/members/sections/delete.html", order=95)
