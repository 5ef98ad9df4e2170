"""Every page says its address on BASE_URL (rel=canonical, without the query string), and
hreflang links use BASE_URL too, never the request's host; error pages have no canonical.
The sitemap and robots.txt too, and Wagtail's Site record (page.full_url, its workflow
e-mails) is kept on BASE_URL by migrate and load_demo, with a check when it is not."""

import io
import re
from unittest import mock

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import ProgrammingError, connection

from wagtail.models import Page, Site

from core import links as links_module
from home.demo import ensure_home
from home.models import StandardPage

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


def test_sitemap_and_robots_are_on_base_url_whatever_the_host(client):
    sitemap = client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "https://relais.example.org/a-propos/" in locations
    assert "https://relais.example.org/en/about/" in locations
    assert all(url.startswith("https://relais.example.org/") for url in locations)
    alternates = re.findall(r'<xhtml:link[^>]*href="([^"]+)"', sitemap)
    assert alternates and all(url.startswith("https://relais.example.org/") for url in alternates)
    robots = client.get("/robots.txt", HTTP_HOST="localhost").content.decode()
    assert "Sitemap: https://relais.example.org/sitemap.xml" in robots


@pytest.mark.parametrize(
    ("base_url", "address"),
    [
        ("https://relais.example.org", ("relais.example.org", 443)),
        ("http://relais.example.org", ("relais.example.org", 80)),
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
    ],
)
def test_site_address_comes_from_base_url(settings, base_url, address):
    settings.BASE_URL = base_url
    assert links_module.site_address() == address


def about_page():
    return StandardPage.objects.get(slug="a-propos", locale__language_code="fr")


def move_site_to_localhost():
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    cache.clear()  # update() sends no signal: forget Wagtail's cached site root paths


def test_align_site_record_puts_full_url_on_base_url():
    move_site_to_localhost()
    assert about_page().full_url == "http://localhost/a-propos/"
    links_module.align_site_record()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("relais.example.org", 443)
    assert about_page().full_url == "https://relais.example.org/a-propos/"  # Wagtail: https on 443


def test_migrate_aligns_the_site_record_for_wagtails_emails():
    """Workflow e-mails link to page.full_url, built from the Site record."""
    move_site_to_localhost()
    call_command("migrate", verbosity=0, interactive=False, stdout=io.StringIO())
    assert about_page().full_url.startswith("https://relais.example.org/")


def test_load_demo_aligns_the_site_record():
    move_site_to_localhost()
    ensure_home(demo=None)  # the home page is there already: only the site moves
    assert Site.objects.get(is_default_site=True).root_url == "https://relais.example.org"


def test_the_check_warns_while_the_site_record_differs():
    move_site_to_localhost()
    assert links_module.check_site_record(databases=None) == []  # plain `check`: no query
    warnings = links_module.check_site_record(databases=["default"])
    assert [warning.id for warning in warnings] == ["relais.W001"]
    assert "localhost:80" in warnings[0].msg
    links_module.align_site_record()
    assert links_module.check_site_record(databases=["default"]) == []


def test_the_check_is_silent_before_the_tables_exist():
    with mock.patch.object(Site.objects, "using", side_effect=ProgrammingError("no such table")):
        assert links_module.check_site_record(databases=["default"]) == []


def test_page_url_of_a_page_outside_every_site_is_none():
    orphan = Page.get_first_root_node().add_child(instance=Page(title="Hors site", slug="hors-site"))
    assert links_module.page_url(orphan) is None
    assert links_module.page_url(about_page(), "x/") == "https://relais.example.org/a-propos/x/"


def test_rebase_url_keeps_the_path_query_and_fragment_on_base_url():
    assert links_module.rebase_url("http://testserver/compte/confirm-email/k/?next=/x#top") == (
        "https://relais.example.org/compte/confirm-email/k/?next=/x#top"
    )
    assert links_module.rebase_url("/en/about/") == "https://relais.example.org/en/about/"


def test_after_migrate_without_the_site_table_nothing_is_aligned():
    """`migrate wagtailcore zero` sends post_migrate too, once the table is gone."""
    move_site_to_localhost()
    with mock.patch.object(connection.introspection, "table_names", return_value=[]):
        links_module.align_site_record_after_migrate(using="default")
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    links_module.align_site_record_after_migrate(using="default")
    assert Site.objects.get(is_default_site=True).hostname == "relais.example.org"
