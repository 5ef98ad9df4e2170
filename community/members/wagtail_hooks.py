"""Membership requests in the admin: pending first, approve or decline one or many."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.members.models import MemberProfile
from community.members.moderation import MEMBERSHIP
from core.moderation import register_moderation
from core.moderation_admin import bulk_actions, listing_buttons


class MemberProfilePermissionPolicy(ModelPermissionPolicy):
    """Profiles come from sign-ups: nobody adds one in the admin (there would be no
    account to attach it to)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


register_permission_policy(MemberProfile, MemberProfilePermissionPolicy(MemberProfile))


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


approve_members_action, decline_members_action = bulk_actions(register_moderation(MEMBERSHIP))
hooks.register("register_bulk_action", approve_members_action)
hooks.register("register_bulk_action", decline_members_action)
hooks.register("register_snippet_listing_buttons", listing_buttons(MEMBERSHIP))


class PendingMembersPanel(Component):
    """On the admin dashboard: how many membership requests wait, with a link to them."""

    name = "pending_members"
    template_name = "community/admin/pending_members_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        can_review = policy_registry.get_by_type(MemberProfile).user_has_permission(self.user, "change")
        count = MEMBERSHIP.pending().count() if can_review else 0
        url = reverse("wagtailsnippets_community_memberprofile:list") + "?status=pending"
        return {"count": count, "url": url}


@hooks.register("construct_homepage_panels")
def add_pending_members_panel(request, panels):
    panels.append(PendingMembersPanel(request.user))
