from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .members import approve_members, decline_members
from .models import Association, MemberProfile


class AssociationViewSet(SnippetViewSet):
    model = Association
    icon = "group"
    menu_label = _("Associations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "website"]
    search_fields = ["name"]
    list_export = ["name", "website", "short_description"]


register_snippet(AssociationViewSet)


class MemberProfileViewSet(SnippetViewSet):
    """Staff review membership requests: pending first, filters by status and
    association; approve or decline one (row buttons) or many (bulk actions)."""

    model = MemberProfile
    icon = "user"
    menu_label = _("Members")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        Column("full_name", label=_("name"), accessor="full_name"),
        Column("email", label=_("e-mail"), accessor="user.email"),
        Column("association", label=_("association"), accessor="association_display"),
        "role",
        StatusTagColumn(
            "status",
            label=_("status"),
            accessor="get_status_display",
            primary=lambda profile: profile.status == MemberProfile.Status.APPROVED,
        ),
        DateColumn("created_at", label=_("requested on")),
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

    def get_queryset(self, model, object_ids):
        return super().get_queryset(model, object_ids).select_related("user", "association")

    def check_perm(self, profile):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", profile)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "decision": self.action_type}


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
