"""The demo's English site is in English: every English page translation is complete and in
sync with its source (the dashboard's "Translations to update" panel lists none), and every
English page's main text reads as English, French stories aside (marked `lang="fr"`).
Publishing a French page after that puts its translation on the panel."""

import io
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from django.core.management import call_command

from community.articles.models import ArticlePage
from home.translation_status import outdated_page_translations
from tests import skeleton

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content")]

FRENCH = re.compile(r"\b(les|des|pour|une|avec|dans|est|sont|nous|vous|aux)\b", re.IGNORECASE)
ENGLISH = re.compile(r"\b(the|and|for|with|you|your|are|is|of|to)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
        yield
        skeleton.restore()


def english_paths(client):
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
    urls = [element.text for element in sitemap.iter() if element.tag.endswith("loc")]
    return ["/" + url.split("://", 1)[1].split("/", 1)[1] for url in urls if "/en/" in url]


# What people wrote themselves, in their own language and not yet marked with it (left out:
# comments and topic proposals carry no language field).
PEOPLES_OWN_WORDS = ".comment__text, .comment-list, .topic__title, .topic__description"


def main_text(html):
    """The page's <main> without what is marked as written in another language."""
    main = BeautifulSoup(html, "html.parser").find("main")
    for element in main.select(PEOPLES_OWN_WORDS):
        element.decompose()
    for element in main.select("[lang]"):
        if not element["lang"].startswith("en"):
            element.decompose()
    return main.get_text(" ")


def test_every_english_translation_is_complete_and_in_sync():
    assert outdated_page_translations() == []


def test_every_english_demo_page_reads_as_english(client):
    paths = english_paths(client)
    assert len(paths) >= 15 and "/en/resources/guide-writing-a-kit/" in paths
    paths.append("/en/associations/courir-ensemble/")
    mixed = {}
    for path in paths:
        text = main_text(client.get(path).content.decode())
        french, english = len(FRENCH.findall(text)), len(ENGLISH.findall(text))
        if french > max(3, english // 10):  # names such as "Maison des associations" aside
            mixed[path] = (french, english, FRENCH.findall(text)[:10])
    assert mixed == {}, "\n".join(f"{path}: {found}" for path, found in mixed.items())


def test_the_guide_and_the_directory_are_english(client):
    guide = main_text(client.get("/en/resources/guide-writing-a-kit/").content.decode())
    assert "Start from the volunteers' questions" in guide and "Partir des questions" not in guide
    directory = client.get("/en/associations/").content.decode()
    assert "Charity runs in schools and companies" in directory
    assert "Des courses solidaires" not in directory


def test_a_french_page_published_again_shows_on_the_panel(admin_client):
    guide = ArticlePage.objects.get(locale__language_code="fr", slug="guide-ecrire-un-kit")
    guide.introduction = "Une méthode en six étapes pour un kit qu'on lit jusqu'au bout."
    guide.save_revision().publish()
    outdated = outdated_page_translations()
    assert [item.page.title for item in outdated] == ["Guide: writing a kit neither too short nor too long"]
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Traductions à mettre à jour" in dashboard
    assert "Source modifiée depuis la dernière synchronisation" in dashboard
    assert f"/admin/localize/update/{outdated[0].sync_url.rstrip('/').rsplit('/', 1)[-1]}/" in dashboard
