"""Errors are seen by the admins, never by visitors: the 500 page says nothing about
internals, carries the strict CSP, and the error is e-mailed to ADMINS (no third-party
error service)."""

import pytest

from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_site(settings):
    settings.ROOT_URLCONF = "tests.trust.failing_urls"
    settings.ADMINS = [("Relais", "admins@example.org")]
    return Client(raise_request_exception=False)


def test_server_error_page_is_generic_and_admins_are_told(failing_site):
    response = failing_site.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Un problème est survenu" in html and "Aller à la page d'accueil" in html
    for leak in ("secret-internal-detail", "Traceback", "RuntimeError", "postgres://", "settings"):
        assert leak not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert [message.to for message in mail.outbox] == [["admins@example.org"]]
    assert "RuntimeError" in mail.outbox[0].subject + mail.outbox[0].body


def test_not_found_page_says_nothing_about_the_urls(client):
    response = client.get("/kits/nexiste-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "URLconf" not in html and "config.urls" not in html
