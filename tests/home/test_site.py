"""The site frame: languages, error pages, health check, sitemap, robots, redirects."""

import json
import xml.etree.ElementTree as ET
from html import unescape
from unittest import mock

import pytest

from django.core.management import call_command
from django.db import OperationalError
from django.test import Client

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_french_home_at_root_and_english_under_en(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()
    assert "Agir pour une association, près de chez vous" in response.content.decode()
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Act for a charity, close to home" in response.content.decode()


def test_root_stays_french_whatever_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()


def test_ui_strings_are_translated(client):
    assert "Aller au contenu" in client.get("/").content.decode()
    assert "Skip to content" in client.get("/en/").content.decode()


def test_language_switcher_leads_to_the_translated_page(client, settings):
    html = client.get("/a-propos/").content.decode()
    assert 'href="/en/about/" lang="en" hreflang="en"' in html
    assert f'<link rel="alternate" hreflang="en" href="{settings.BASE_URL}/en/about/">' in html  # core.links
    html = client.get("/en/about/").content.decode()
    assert 'href="/a-propos/" lang="fr" hreflang="fr"' in html


def test_language_switcher_falls_back_to_translated_home(client, demo_home):
    untranslated = StandardPage(title="Seulement en français", slug="seulement-fr", introduction="x")
    demo_home.add_child(instance=untranslated)
    html = client.get("/seulement-fr/").content.decode()
    assert 'href="/en/" lang="en"' in html
    assert client.get("/en/seulement-fr/").status_code == 404


def test_unknown_path_is_a_404_in_the_visitors_language(client):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    response = client.get("/en/nowhere/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_unknown_language_prefix_is_a_404(client):
    assert client.get("/xx/").status_code == 404
    assert client.get("/de/kits/").status_code == 404


def test_post_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    assert client.post("/", {"q": "x"}).status_code == 403


def test_healthz_reports_the_database():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_is_503_when_the_database_is_down():
    with mock.patch("core.views.connection.cursor", side_effect=OperationalError("connection refused")):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "error", "database": "error", "cache": "ok"}


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, settings):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [url.find("s:loc", ns).text for url in root.findall("s:url", ns)]
    assert f"{settings.BASE_URL}/a-propos/" in locations
    assert f"{settings.BASE_URL}/en/about/" in locations
    about = next(url for url in root.findall("s:url", ns) if url.find("s:loc", ns).text.endswith("/a-propos/"))
    alternates = {link.get("hreflang"): link.get("href") for link in about.findall("x:link", ns)}
    assert alternates == {"fr": f"{settings.BASE_URL}/a-propos/", "en": f"{settings.BASE_URL}/en/about/"}


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: " in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_changed_slug_redirects_the_old_address(client, admin_user, django_capture_on_commit_callbacks):
    page = StandardPage.objects.get(slug="a-propos", locale__language_code="fr")
    page.slug = "qui-sommes-nous"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=admin_user).publish(user=admin_user)
    response = client.get("/a-propos/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/qui-sommes-nous/")


def test_footer_shows_legal_pages_in_each_language(client):
    html = unescape(client.get("/").content.decode())
    for title in ("Mentions légales", "Politique de confidentialité", "Déclaration d'accessibilité"):
        assert title in html
    html = client.get("/en/").content.decode()
    for title in ("Legal notice", "Privacy policy", "Accessibility statement"):
        assert title in html


def test_every_section_index_renders_in_both_languages(client):
    # Every section index has demo content since issues 3, 7, 9 and 10 (empty states are
    # tested in their apps).
    for path in ("/kits/", "/evenements/", "/actions-locales/", "/ressources/", "/associations/"):
        assert client.get(path).status_code == 200, path
    for path in ("/en/kits/", "/en/events/", "/en/local-actions/", "/en/resources/", "/en/associations/"):
        assert client.get(path).status_code == 200, path


def test_loading_the_skeleton_again_changes_nothing():
    """The session database holds the skeleton already; the full demo's second run is proved
    in tests/test_demo.py."""
    before = Page.objects.count()
    call_command("load_demo", "--skeleton", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Page.objects.count() == before
    assert HomePage.objects.count() == 2


class TestPageTreeRules(WagtailPageTestCase):
    def test_home_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_page_under_home_or_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_editor_can_create_a_standard_page(self):
        from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

        home = HomePage.objects.get(locale__language_code="fr")
        self.login()
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Nous rejoindre",
                    "slug": "nous-rejoindre",
                    "introduction": "Comment rejoindre le réseau.",
                    "body": streamfield([("paragraph", rich_text("<p>Écrivez-nous.</p>"))]),
                }
            ),
        )
