from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """Member accounts: sign-up (allauth), approval, the member area."""

    name = "community.members"
    label = "community_members"
    verbose_name = _("Members")

    def ready(self):
        from community.members import member_area, personal_data, views

        personal_data.register()
        # The member area's own sections; other apps add theirs between 20 and 80.
        member_area.register_section("community/members/sections/profile.html", order=10)
        member_area.register_section(
            "community/members/sections/my_data.html", order=90, context=views.records_by_email
        )
        member_area.register_section("community/members/sections/delete.html", order=95)
