"""Site-wide security headers: the Content Security Policy (strict on public pages,
looser in the admins) and Permissions-Policy. Two-factor authentication for the admin
is core.two_factor (it speaks to people, so its messages are translated there)."""

from csp.middleware import CSPMiddleware

from django.conf import settings


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_URL_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with CONTENT_SECURITY_POLICY everywhere except under the admin
    prefixes, whose templates carry inline scripts (docs/traps.md)."""

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
