"""Login at /compte/login/: one message for every wrong credential, rate limits, safe
redirects, password reset without enumeration, and the admin behind the same form."""

import re
from unittest import mock

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail

from tests.community.conftest import PASSWORD, last_mail_to

pytestmark = pytest.mark.django_db

WRONG_CREDENTIALS = "L’adresse e-mail ou le mot de passe sont incorrects."


def login(client, email, password, prefix="", **extra):
    return client.post(f"{prefix}/compte/login/", {"login": email, "password": password, **extra})


def error_text(response):
    html = response.content.decode()
    start = html.index('class="error-summary"')
    return html[start : html.index("</div>", start)]


def test_login_page_in_both_languages(client):
    html = client.get("/compte/login/").content.decode()
    assert re.search(r"<h1>\s*Se connecter\s*</h1>", html)
    assert 'name="login"' in html and 'name="password"' in html
    assert 'href="/compte/signup/"' in html
    assert "Mot de passe oublié" in html
    html = client.get("/en/compte/login/").content.decode()
    assert re.search(r"<h1>\s*Sign in\s*</h1>", html)
    assert 'href="/en/compte/signup/"' in html


def test_wrong_password_and_unknown_email_get_the_same_message(client, member):
    wrong_password = login(client, member.user.email, "pas-le-bon")
    unknown = login(client, "personne@example.org", "pas-le-bon")
    assert wrong_password.status_code == unknown.status_code == 200
    assert WRONG_CREDENTIALS in wrong_password.content.decode()
    assert error_text(wrong_password) == error_text(unknown)
    assert "_auth_user_id" not in client.session


def test_unknown_email_costs_a_password_hash_like_a_wrong_password(client, member):
    """Same timing: allauth hashes the password even when no account matches."""
    with mock.patch.object(MD5PasswordHasher, "encode", autospec=True, side_effect=MD5PasswordHasher.encode) as spy:
        login(client, "personne@example.org", "pas-le-bon")
    assert spy.call_count >= 1
    with mock.patch.object(MD5PasswordHasher, "verify", autospec=True, side_effect=MD5PasswordHasher.verify) as spy:
        login(client, member.user.email, "pas-le-bon")
    assert spy.call_count >= 1


def test_login_then_next_stays_on_the_site(client, approved_member):
    response = login(client, approved_member.user.email, PASSWORD, next="/kits/")
    assert response.status_code == 302
    assert response["Location"] == "/kits/"


def test_next_to_another_site_is_ignored(client, approved_member):
    for evil in ("https://evil.example/", "//evil.example/", "https:evil.example"):
        client.logout()
        response = login(client, approved_member.user.email, PASSWORD, next=evil)
        assert response.status_code == 302
        assert response["Location"] == "/compte/", evil
    # The login form does not even carry it over.
    html = client.get("/compte/login/?next=https://evil.example/").content.decode()
    assert "evil.example" not in html


def test_failed_logins_are_rate_limited_per_account(client, member):
    for _attempt in range(5):
        assert WRONG_CREDENTIALS in login(client, member.user.email, "pas-le-bon").content.decode()
    # Even the right password is refused for a while now.
    response = login(client, member.user.email, PASSWORD)
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives de connexion échouées" in response.content.decode()


def test_rate_limit_buckets_follow_the_trusted_proxy_setting(settings):
    from allauth.account import app_settings  # noqa: F401  (settings read at call time)
    from allauth.core.internal.httpkit import get_client_ip

    from django.test import RequestFactory

    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2", REMOTE_ADDR="10.0.0.1")
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert get_client_ip(request) == "10.0.0.1"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert get_client_ip(request) == "10.0.0.2"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    assert get_client_ip(request) == "203.0.113.7"


def test_trusted_proxy_count_comes_from_the_environment(monkeypatch):
    import importlib

    import config.settings.base as base

    monkeypatch.setenv("TRUSTED_PROXY_COUNT", "2")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.ALLAUTH_TRUSTED_PROXY_COUNT == 2
    finally:
        monkeypatch.delenv("TRUSTED_PROXY_COUNT")
        importlib.reload(base)


def test_password_reset_says_the_same_whether_the_address_exists(client, member):
    mail.outbox.clear()
    known = client.post("/compte/password/reset/", {"email": member.user.email})
    unknown = client.post("/compte/password/reset/", {"email": "personne@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/compte/password/reset/done/"
    # The owner gets a reset link; the unknown address is told no account exists.
    reset = last_mail_to(member.user.email)
    assert "/compte/password/reset/key/" in reset.body
    assert reset.alternatives and reset.alternatives[0][1] == "text/html"
    assert "/compte/password/reset/key/" not in last_mail_to("personne@example.org").body


def test_password_reset_link_sets_a_new_password(client, member):
    client.post("/compte/password/reset/", {"email": member.user.email})
    body = last_mail_to(member.user.email).body
    link = next(word for word in body.split() if "/compte/password/reset/key/" in word)
    assert link.startswith(f"{settings.BASE_URL}/compte/password/reset/key/")  # not the request's host
    response = client.get(link.removeprefix(settings.BASE_URL))
    assert response.status_code == 302  # allauth moves the key into the session
    form_url = response["Location"]
    response = client.post(form_url, {"password1": "Nouveau-mot-de-passe-99", "password2": "Nouveau-mot-de-passe-99"})
    assert response.status_code == 302
    member.user.refresh_from_db()
    assert member.user.check_password("Nouveau-mot-de-passe-99")


def test_password_change_for_a_signed_in_member(client, member):
    client.force_login(member.user)
    response = client.post(
        "/compte/password/change/",
        {"oldpassword": PASSWORD, "password1": "Nouveau-mot-de-passe-99", "password2": "Nouveau-mot-de-passe-99"},
    )
    assert response.status_code == 302
    member.user.refresh_from_db()
    assert member.user.check_password("Nouveau-mot-de-passe-99")


def test_logout_is_a_post_and_returns_home_in_the_visitors_language(client, member):
    client.force_login(member.user)
    response = client.post("/en/compte/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert "_auth_user_id" not in client.session


def test_header_shows_sign_in_then_my_member_area(client, member):
    html = client.get("/").content.decode()
    assert 'href="/compte/login/">Se connecter</a>' in html
    client.force_login(member.user)
    html = client.get("/en/").content.decode()
    assert 'href="/en/compte/">My member area</a>' in html


# The Wagtail admin signs in through the same, rate-limited form.


@pytest.fixture
def editor(db):
    from community.members.factories import UserFactory

    return UserFactory(is_staff=True, is_superuser=True, email="editrice@example.org")


def test_admin_sends_anonymous_visitors_to_the_site_login(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/?next=/admin/pages/")


def test_old_admin_login_redirects_and_refuses_posts(client, editor):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/compte/login/?next=%2Fadmin%2Fpages%2F"
    response = client.post("/admin/login/", {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 405
    assert "_auth_user_id" not in client.session


def test_editor_signs_in_through_allauth_and_reaches_the_admin(client, editor):
    response = login(client, editor.email, PASSWORD, next="/admin/")
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_login_attempts_are_rate_limited_too(client, editor):
    for _attempt in range(5):
        login(client, editor.email, "pas-le-bon", next="/admin/")
    login(client, editor.email, PASSWORD, next="/admin/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_admin_password_reset_form_is_off(client):
    assert client.get("/admin/password_reset/").status_code == 404


def test_user_model_unchanged():
    assert get_user_model()._meta.label == "auth.User"
