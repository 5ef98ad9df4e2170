"""Membership requests in the admin: pending first, approve or decline one or many."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.members.models import MemberProfile
from community.members.services import approve_members, decline_members


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


class MembershipDecisionBulkAction(SnippetBulkAction):
    models = [MemberProfile]
    template_name = "community/admin/confirm_membership_decision.html"

    @classmethod
    def get_queryset(cls, model, object_ids):
        return MemberProfile.objects.filter(pk__in=object_ids).select_related("user", "association")

    def check_perm(self, profile):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", profile)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "decision": self.action_type}

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}


class ApproveMembersBulkAction(MembershipDecisionBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected members")
    action_priority = 10

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = approve_members(MemberProfile.objects.filter(pk__in=[profile.pk for profile in objects]), user)
        return len(changed), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d member approved and told by e-mail.",
            "%(count)d members approved and told by e-mail.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class DeclineMembersBulkAction(MembershipDecisionBulkAction):
    display_name = _("Decline")
    action_type = "decline"
    aria_label = _("Decline the selected members")
    action_priority = 20
    classes = {"serious"}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = decline_members(MemberProfile.objects.filter(pk__in=[profile.pk for profile in objects]), user)
        return len(changed), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d member declined and told by e-mail.",
            "%(count)d members declined and told by e-mail.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


hooks.register("register_bulk_action", ApproveMembersBulkAction)
hooks.register("register_bulk_action", DeclineMembersBulkAction)


def decision_url(action, profile, next_url):
    url = reverse("wagtail_bulk_action", args=("community", "memberprofile", action))
    return f"{url}?{urlencode({'id': profile.pk, 'next': next_url})}"


@hooks.register("register_snippet_listing_buttons")
def membership_decision_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, MemberProfile):
        return []
    next_url = next_url or reverse("wagtailsnippets_community_memberprofile:list")
    buttons = []
    if snippet.status != MemberProfile.Status.APPROVED:
        buttons.append(
            ListingButton(
                _("Approve"),
                url=decision_url("approve", snippet, next_url),
                icon_name="check",
                priority=5,
                attrs={"aria-label": _("Approve %(member)s") % {"member": snippet.full_name}},
            )
        )
    if snippet.status != MemberProfile.Status.DECLINED:
        buttons.append(
            ListingButton(
                _("Decline"),
                url=decision_url("decline", snippet, next_url),
                icon_name="cross",
                priority=6,
                attrs={"aria-label": _("Decline %(member)s") % {"member": snippet.full_name}},
            )
        )
    return buttons


class PendingMembersPanel(Component):
    """On the admin dashboard: how many membership requests wait, with a link to them."""

    name = "pending_members"
    template_name = "community/admin/pending_members_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        can_review = policy_registry.get_by_type(MemberProfile).user_has_permission(self.user, "change")
        count = MemberProfile.objects.pending().count() if can_review else 0
        url = reverse("wagtailsnippets_community_memberprofile:list") + "?status=pending"
        return {"count": count, "url": url}


@hooks.register("construct_homepage_panels")
def add_pending_members_panel(request, panels):
    panels.append(PendingMembersPanel(request.user))
