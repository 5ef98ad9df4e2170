"""NUL bytes, which PostgreSQL refuses in text (a `DataError`, a 500 before), never reach a
query: removed from the query string, a 404 in the path, ignored in a cookie, a message next
to the field in a form. Meaningful on PostgreSQL (CI); SQLite stores NUL without complaint."""

import pytest

from django.test import Client

from tests.community.testimonial_helpers import SHARE_URL, valid_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/recherche/?q=%00",
        "/recherche/?q=%00&page=2",
        "/en/recherche/?q=%00",
        "/en/recherche/?q=%00&page=2",
        "/recherche/?q=coll%00ecte&type=%00&theme=%00",
        "/recherche/suggestions/?q=co%00ll",
        "/kits/?theme=%00&audience=%00&page=%00",
        "/associations/?theme=%00&departement=%00",
        "/actions-locales/?kit=%00&departement=%00&year=%00&page=%00",
        "/ressources/?category=%00",
        "/evenements/?format=%00&page=%00",
        "/actions-locales/partager/?declaration=%00",
        "/?%00=%00",
    ],
)
def test_nul_in_the_query_string_is_removed(url):
    response = Client().get(url)
    assert response.status_code == 200, url


def test_nul_in_the_search_is_an_empty_search_in_the_visitors_language():
    html = Client().get("/en/recherche/?q=%00").content.decode()
    assert '<html lang="en">' in html
    assert "\x00" not in html


@pytest.mark.parametrize("path", ["/kits/%00/", "/en/kits/a%00b/", "/%00", "/actions-locales/%00/"])
def test_nul_in_the_path_is_a_404(path):
    assert Client().get(path).status_code == 404


def test_a_cookie_holding_nul_is_ignored():
    client = Client()
    client.cookies["sessionid"] = "abcdefghijklmnop\x00"
    client.cookies["messages"] = "\x00"
    assert client.get("/").status_code == 200
    assert client.get("/compte/login/").status_code == 200


def test_nul_in_a_form_field_is_a_message_next_to_the_field():
    response = Client().post(SHARE_URL, valid_post(title="Une\x00course", story="Bien\x00passé"))
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"title", "story"}
