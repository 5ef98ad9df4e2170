"""Membership requests, moderated the site's one way (core.moderation): staff approve or
decline a request, the person is e-mailed, the decision is kept in the history."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from community.members.emails import send_membership_decision
from community.members.models import MemberProfile
from core.moderation import APPROVE, Moderation, Wording


class MembershipModeration(Moderation):
    model = MemberProfile
    approved_value = MemberProfile.Status.APPROVED
    declined_value = MemberProfile.Status.DECLINED
    pending_value = MemberProfile.Status.PENDING
    decided_by_field = "approved_by"
    decided_at_field = "approved_at"
    inbox_title = _("Membership requests")
    approve = Wording(
        action="approve",
        label=pgettext_lazy("moderation", "Approve"),
        title=_("Approve members"),
        intro=_("These people will become network members and get an e-mail saying so:"),
        confirm=_("Yes, approve"),
        done=ngettext_lazy(
            "%(count)d member approved and told by e-mail.", "%(count)d members approved and told by e-mail.", "count"
        ),
        no_permission=_("You don't have permission to change these members"),
    )
    decline = Wording(
        action="decline",
        label=pgettext_lazy("moderation", "Decline"),
        title=_("Decline members"),
        intro=_("These membership requests will be declined; each person gets an e-mail saying so:"),
        confirm=_("Yes, decline"),
        done=ngettext_lazy(
            "%(count)d member declined and told by e-mail.", "%(count)d members declined and told by e-mail.", "count"
        ),
        no_permission=_("You don't have permission to change these members"),
        icon="cross",
    )

    def get_queryset(self):
        return MemberProfile.objects.select_related("user", "association")

    def apply(self, obj, decision, user, reason, now):
        return [*super().apply(obj, decision, user, reason, now), "updated_at"]

    def notify(self, obj, decision, reason):
        send_membership_decision(obj, reason)

    def describe(self, obj):
        return f"{obj.full_name} — {obj.user.email} — {obj.association_display} ({obj.get_status_display()})"

    def button_label(self, obj, decision):
        if decision == APPROVE:
            return _("Approve %(member)s") % {"member": obj.full_name}
        return _("Decline %(member)s") % {"member": obj.full_name}


MEMBERSHIP = MembershipModeration()
