"""Two-factor authentication (allauth.mfa) required for whoever can use the admin: a
staff member without an authenticator app is sent to set one up; once set, signing in
asks for the code; refused sign-ins are logged without the address."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from community.members.factories import UserFactory
from tests.community.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mfa_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


@pytest.fixture
def editor():
    return UserFactory(is_staff=True, is_superuser=True, email="editrice@example.org")


def code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def login(client, email, password, **extra):
    return client.post("/compte/login/", {"login": email, "password": password, **extra})


def test_staff_without_two_factor_is_sent_to_set_it_up(client, editor):
    login(client, editor.email, PASSWORD)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/compte/2fa/totp/activate/"
    # Members who cannot use the admin are not concerned.
    member = UserFactory(email="membre@example.org")
    client.force_login(member)
    assert client.get("/compte/").status_code == 200


def test_set_up_an_authenticator_then_sign_in_with_its_code(client, editor):
    login(client, editor.email, PASSWORD)
    response = client.get("/compte/2fa/totp/activate/")
    assert response["Location"].startswith("/compte/reauthenticate/")  # the password again first
    client.post("/compte/reauthenticate/", {"password": PASSWORD})
    page = client.get("/compte/2fa/totp/activate/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html  # the QR code is inline: no third-party service
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', html) or re.search(
        r'value="([A-Z2-7]{32})"', html
    )
    secret = secret.group(1)
    response = client.post("/compte/2fa/totp/activate/", {"code": code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200

    client.logout()
    response = login(client, editor.email, PASSWORD, next="/admin/")
    assert response.status_code == 302
    assert "/2fa/authenticate/" in response["Location"]
    assert client.get("/admin/").status_code == 302  # the password alone opens nothing
    assert client.post("/compte/2fa/authenticate/", {"code": "000000"}).status_code == 200
    assert client.get("/admin/").status_code == 302
    response = client.post("/compte/2fa/authenticate/", {"code": code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_refused_logins_are_logged_with_a_hash(client, editor, caplog):
    with caplog.at_level("WARNING", logger="relais.security"):
        login(client, editor.email, "pas-le-bon")
    messages = [record.getMessage() for record in caplog.records if record.name == "relais.security"]
    assert any(message.startswith("login refused login=") for message in messages)
    assert "editrice" not in " ".join(messages)


def test_lockout_after_five_failures_holds_even_with_the_right_password_and_is_logged(client, editor, caplog):
    with caplog.at_level("WARNING", logger="relais.security"):
        for _attempt in range(5):
            login(client, editor.email, "pas-le-bon")
        response = login(client, editor.email, PASSWORD)
    assert response.status_code == 200  # the form again, with the lockout message
    assert "_auth_user_id" not in client.session
    messages = [record.getMessage() for record in caplog.records if record.name == "relais.security"]
    assert any(message.startswith("login locked out login=") for message in messages)
    assert "editrice" not in " ".join(messages)
