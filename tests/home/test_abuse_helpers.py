from django.test import RequestFactory, override_settings

from core.client_ip import client_ip
from core.ratelimit import allow


def request_from(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_trusted_proxy_the_socket_address_counts():
    assert client_ip(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_last_forwarded_address_counts():
    # The client forged the first address; our proxy appended the real one.
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 198.51.100.7")) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies():
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.1")) == "198.51.100.7"


def test_rate_limit_allows_up_to_the_limit_then_refuses():
    results = [allow("test-scope", "someone", limit=3, period=60) for _ in range(5)]
    assert results == [True, True, True, False, False]
    assert allow("test-scope", "someone-else", limit=3, period=60)


def test_too_many_requests_page_is_friendly_and_translated(rf, db):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    from core.views import too_many_requests

    request = rf.post("/kits/x/je-me-lance/")
    request.user = AnonymousUser()
    with translation.override("fr"):
        response = too_many_requests(request)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Merci de patienter" in response.content.decode()
