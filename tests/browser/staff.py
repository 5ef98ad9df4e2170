"""Staff accounts for admin journeys: a person in a Wagtail group with an authenticator
app set up (TOTP), who signs in through the site's login form and then gives the code,
as everyone using the admin does."""

import re
import time

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from community.members.factories import UserFactory

PASSWORD = "Un-mot-de-passe-solide-42"  # community.members.factories.UserFactory's


def staff_with_totp(django_db_blocker, email, *groups, **fields):
    """A new account in `groups` with TOTP set up; returns (user, secret)."""
    with django_db_blocker.unblock():
        get_user_model().objects.filter(email=email).delete()
        user = UserFactory(email=email, **fields)
        user.groups.set(Group.objects.filter(name__in=groups))
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
    return user, secret


# A code typed in the last seconds of its 30 s window may reach a busy server in the next
# one, which refuses it (allauth accepts no drift): wait for a fresh window instead.
FRESH_SECONDS = 10


def totp_code(secret):
    if 30 - time.time() % 30 < FRESH_SECONDS:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(page, user, secret, next_url="/admin/"):
    page.goto(f"/compte/login/?next={next_url}")
    page.get_by_label("E-mail", exact=True).fill(user.email)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(re.compile(r"/compte/2fa/authenticate/"))
    page.locator("input[name=code]").fill(totp_code(secret))
    page.get_by_role("button", name="Connexion").click()
    expect(page).not_to_have_url(re.compile(r"/compte/"))
