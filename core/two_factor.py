"""Who may open the Wagtail admin: editors, moderators and staff, with two-factor
authentication set up first (allauth.mfa); a signed-in member gets a page saying the
area is for staff (Wagtail would send them to the login form, which sends them back)."""

from allauth.mfa.models import Authenticator

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import translation
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


class StaffOnlyAdminMiddleware:
    """A signed-in member who opens the admin: Wagtail redirects them to
    WAGTAILADMIN_LOGIN_URL, and allauth's login, seeing them signed in, back to the admin,
    forever. They get a page of their own instead, in their language (403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if is_admin_path(request.path_info) and user.is_authenticated and not can_use_admin(user):
            # /admin/ has no language prefix, so LocaleMiddleware chose French: use the
            # visitor's own (language cookie, then the browser's).
            with translation.override(translation.get_language_from_request(request)):
                request.LANGUAGE_CODE = translation.get_language()
                return render(request, "staff_only.html", status=403)
        return self.get_response(request)
