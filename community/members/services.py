"""Membership decisions: staff approve or decline a request; the person is e-mailed."""

from django.db import transaction
from django.utils import timezone

from community.members.emails import send_membership_decision
from community.members.models import MemberProfile


def _decide(profiles, status, by):
    changed = []
    with transaction.atomic():
        # of=("self",): the association is an outer join, which PostgreSQL cannot lock.
        for profile in profiles.select_for_update(of=("self",)).select_related("user", "association"):
            if profile.status == status:
                continue
            profile.status = status
            profile.approved_by = by
            profile.approved_at = timezone.now()
            profile.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
            changed.append(profile)
    for profile in changed:
        send_membership_decision(profile)
    return changed


def approve_members(profiles, by):
    """Approve the given profiles (a queryset); each newly approved member is e-mailed.
    Returns the profiles whose status changed."""
    return _decide(profiles, MemberProfile.Status.APPROVED, by)


def decline_members(profiles, by):
    """Decline the given profiles (a queryset); each newly declined member is e-mailed."""
    return _decide(profiles, MemberProfile.Status.DECLINED, by)
