"""Membership requests in the admin: pending first, approve or decline one or many."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.members.models import MemberProfile
from community.members.moderation import MEMBERSHIP
from core.moderation_admin import SentFromTheSitePolicy, register_moderation_admin

register_permission_policy(MemberProfile, SentFromTheSitePolicy(MemberProfile))


class MemberProfileViewSet(SnippetViewSet):
    """Staff review membership requests: pending first, filters by status and
    association; approve or decline one (row buttons) or many (bulk actions)."""

    model = MemberProfile
    icon = "user"
    menu_label = _("Members")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "full_name",  # the first column links to the edit view and carries the row buttons
        Column("email", label=_("E-mail"), accessor="user.email"),
        Column("association", label=_("Association"), accessor="association_display"),
        "role",
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda profile: profile.status == MemberProfile.Status.APPROVED,
        ),
        DateColumn("created_at", label=_("Requested on")),
    ]
    list_filter = ["status", "association"]
    list_export = ["user__first_name", "user__last_name", "user__email", "association_display", "role", "status"]
    search_fields = ["user__first_name", "user__last_name", "user__email", "association_name_other", "role"]
    search_backend_name = None  # plain database lookups across the account's fields
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return MemberProfile.objects.select_related("user", "association")


register_snippet(MemberProfileViewSet)


register_moderation_admin(
    MEMBERSHIP,
    pending_query="?status=pending",
)
