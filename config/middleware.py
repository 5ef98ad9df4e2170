"""Site-wide security middleware: the Content Security Policy (strict on public pages,
looser in the admins), Permissions-Policy, and two-factor authentication required
before anyone uses the Wagtail admin."""

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_URL_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with CONTENT_SECURITY_POLICY everywhere except under the admin
    prefixes, whose templates carry inline scripts (TRAPS.md)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts


class PermissionsPolicyMiddleware:
    """No page needs the camera, the microphone, the position or payments."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def can_use_admin(user):
    return user.is_authenticated and (user.is_staff or user.has_perm("wagtailadmin.access_admin"))


def has_two_factor(user):
    from allauth.mfa.models import Authenticator

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
