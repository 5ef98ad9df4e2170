"""Membership decisions: staff approve or decline a request; the person is e-mailed."""

from community.members.moderation import MEMBERSHIP
from core.moderation import APPROVE, DECLINE


def approve_members(profiles, by):
    """Approve the given profiles; each newly approved member is e-mailed. Returns the
    profiles whose status changed."""
    return MEMBERSHIP.decide(profiles, APPROVE, by).changed


def decline_members(profiles, by, reason=""):
    """Decline the given profiles; each newly declined member is e-mailed (with the
    reason, when there is one)."""
    return MEMBERSHIP.decide(profiles, DECLINE, by, reason).changed
