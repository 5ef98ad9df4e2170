import logging

from allauth.account.adapter import DefaultAccountAdapter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import get_language

from core.client_ip import client_ip
from core.links import rebase_url
from core.personal_data import email_digest

# The links allauth puts in its e-mails: address confirmation, password reset, sign-up.
LINKS = ("activate_url", "password_reset_url", "signup_url")


class AccountAdapter(DefaultAccountAdapter):
    """allauth, the Relais way: e-mails signed by the site with BASE_URL, their links on
    BASE_URL, sent as text and HTML, and visitors sent back to the home page of their language."""

    def send_mail(self, template_prefix, email, context):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, "base_url": settings.BASE_URL, **context}
        # allauth builds its links on the request's host (request.build_absolute_uri): the
        # same paths on BASE_URL, like every address the site writes (core.links).
        for key in LINKS:
            if context.get(key):
                context[key] = rebase_url(context[key])
        return super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if not getattr(message, "alternatives", None):
            # allauth ships text e-mails only: give each the site's HTML layout.
            html = render_to_string(
                "email/from_text.html",
                {"body": message.body, "subject": message.subject, **context},
            )
            message.attach_alternative(html, "text/html")
        return message

    def pre_authenticate(self, request, **credentials):
        """Locked out after too many failures (ACCOUNT_RATE_LIMITS["login_failed"]): say so
        in the security log, with the login hashed."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            login = credentials.get("email") or credentials.get("username") or ""
            logging.getLogger("relais.security").warning(
                "login locked out login=%s ip=%s", email_digest(login), client_ip(request)
            )
            raise

    def get_logout_redirect_url(self, request):
        language = get_language()
        return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


def user_display(user):
    """How allauth names a person in its messages ("Signed in as …")."""
    return user.get_full_name() or user.email
