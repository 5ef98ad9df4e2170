"""Who counts as a network member, and the gate other apps put on members-only views.

    from community.members import is_network_member, network_member_required

    @network_member_required
    def propose_topic(request): ...

    class TopicCreateView(NetworkMemberRequiredMixin, CreateView): ...

Anonymous visitors are sent to the login page (and back afterwards); signed-in people
whose membership is not approved get a 403 page that says why and what to do."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .models import MemberProfile


def get_profile(user):
    """The member profile of `user`, or None (anonymous, staff without profile…)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.member_profile
    except MemberProfile.DoesNotExist:
        return None


def is_network_member(user) -> bool:
    """Signed in, active, and approved by staff."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    profile = get_profile(user)
    return profile is not None and profile.status == MemberProfile.Status.APPROVED


def membership_refused(request):
    """The 403 page for a signed-in person who is not (yet) an approved member."""
    return TemplateResponse(
        request,
        "community/members/membership_required.html",
        {"profile": get_profile(request.user)},
        status=403,
    )


def network_member_required(view):
    """Decorator for members-only views (see module docstring)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("account_login"))
        if not is_network_member(request.user):
            return membership_refused(request)
        return view(request, *args, **kwargs)

    return wrapper


class NetworkMemberRequiredMixin:
    """The same gate for class-based views."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("account_login"))
        if not is_network_member(request.user):
            return membership_refused(request)
        return super().dispatch(request, *args, **kwargs)


def _decide(profiles, status, by):
    from .emails import send_membership_decision

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
