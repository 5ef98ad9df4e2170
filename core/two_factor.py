"""Two-factor authentication required before anyone uses the Wagtail admin: editors,
moderators and staff must set up an authenticator app (allauth.mfa) first."""

from allauth.mfa.models import Authenticator

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.security_headers import is_admin_path


def can_use_admin(user):
    return user.is_authenticated and (user.is_staff or user.has_perm("wagtailadmin.access_admin"))


def has_two_factor(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffTwoFactorMiddleware:
    """Editors, moderators and staff must set up an authenticator app before they use
    the admin: a stolen password alone must not open it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            getattr(settings, "MFA_REQUIRED_FOR_STAFF", True)
            and is_admin_path(request.path_info)
            and can_use_admin(request.user)
            and not has_two_factor(request.user)
        ):
            messages.warning(
                request, _("Set up two-factor authentication with an authenticator app before using the admin.")
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
