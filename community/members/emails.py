"""E-mails of the member accounts, in the member's language."""

from django.urls import reverse
from django.utils import translation

from core.emails import send_templated_mail
from core.links import absolute_url


def send_membership_decision(profile, reason=""):
    """Tell a member that their membership was approved or declined."""
    with translation.override(profile.language):
        account_url = absolute_url(reverse("account_home"))
    name = "approved" if profile.is_approved else "declined"
    return send_templated_mail(
        f"community/email/membership_{name}",
        profile.user.email,
        {"profile": profile, "user": profile.user, "account_url": account_url, "reason": reason},
        profile.language,
    )
