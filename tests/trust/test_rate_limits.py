"""Every public endpoint is rate-limited per client address, the search suggestions
included, and every refusal — ours and allauth's — is a line in the security log."""

import logging

import pytest

from django.test import Client

pytestmark = pytest.mark.django_db


def security_lines(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "relais.security"]


@pytest.fixture
def tight_limits(settings):
    settings.REQUEST_RATE_LIMITS = [
        ("suggestions", "/recherche/suggestions/", 3, 60),
        ("suggestions", "/en/recherche/suggestions/", 3, 60),
        ("search", "/recherche/", 2, 60),
        ("pages", "/", 4, 60),
    ]


def test_search_suggestions_are_rate_limited_and_logged(tight_limits, caplog):
    caplog.set_level(logging.INFO, logger="relais.security")
    client = Client()
    statuses = [client.get("/recherche/suggestions/", {"q": "coll"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/en/recherche/suggestions/", {"q": "coll"})  # one bucket for both languages
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert '<html lang="en">' in refused.content.decode()
    assert any("scope=request-suggestions" in line for line in security_lines(caplog))


def test_other_addresses_keep_their_own_budget(tight_limits):
    for _ in range(3):
        Client().get("/recherche/suggestions/", {"q": "coll"})
    assert Client().get("/recherche/suggestions/", {"q": "coll"}).status_code == 429
    other = Client(REMOTE_ADDR="198.51.100.20")
    assert other.get("/recherche/suggestions/", {"q": "coll"}).status_code == 200


def test_search_and_every_other_page_are_limited(tight_limits):
    assert [Client().get("/recherche/", {"q": "x"}).status_code for _ in range(3)] == [200, 200, 429]
    statuses = [Client().get("/kits/").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert Client().get("/healthz").status_code == 200  # never counted


def test_allauth_refusals_get_our_page_and_the_security_log(settings, caplog):
    caplog.set_level(logging.INFO, logger="relais.security")
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reset_password": "2/m/ip"}
    client = Client()
    statuses = [client.post("/compte/password/reset/", {"email": f"p{n}@example.org"}).status_code for n in range(3)]
    assert statuses[-1] == 429
    refused = client.post("/compte/password/reset/", {"email": "p9@example.org"})
    assert refused.status_code == 429
    assert "Merci de patienter un instant" in refused.content.decode()
    assert any("scope=allauth" in line and "/compte/password/reset/" in line for line in security_lines(caplog))
