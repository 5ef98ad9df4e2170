"""Who counts as a network member, and the gate other apps put on members-only views.

    from community.members.access import is_network_member, network_member_required

    @network_member_required
    def propose_topic(request): ...

    class TopicCreateView(NetworkMemberRequiredMixin, CreateView): ...

Anonymous visitors are sent to the login page (and back afterwards); signed-in people
whose membership is not approved get a 403 page that says why and what to do."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.urls import reverse

from community.members.models import MemberProfile


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
