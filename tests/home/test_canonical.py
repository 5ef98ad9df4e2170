"""Every page says its address on BASE_URL (rel=canonical, without the query string), and
hreflang links use BASE_URL too, never the request's host; error pages have no canonical."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = "https://relais.example.org"


def links(html, rel):
    return re.findall(rf'<link rel="{rel}"[^>]*href="([^"]+)"', html)


@pytest.mark.parametrize(("path", "canonical"), [("/", "/"), ("/en/", "/en/"), ("/kits/?theme=x", "/kits/")])
def test_pages_carry_their_canonical_address_on_base_url(client, path, canonical):
    html = client.get(path, HTTP_HOST="localhost").content.decode()
    assert links(html, "canonical") == ["https://relais.example.org" + canonical]
    hreflang = links(html, "alternate")
    assert hreflang and all(url.startswith("https://relais.example.org/") for url in hreflang)


def test_a_missing_page_has_no_canonical(client):
    response = client.get("/page-qui-n-existe-pas/")
    assert response.status_code == 404
    assert not links(response.content.decode(), "canonical")
