"""The kit form in the French admin: an invalid block is named (in French) and only valid
steps count; the themes offered and accepted are those of the page's language; labels
start with a capital."""

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from kits.factories import ThemeFactory
from kits.models import KitPage
from tests.kits.test_admin import kit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def add_url(kit_index):
    return reverse("wagtailadmin_pages:add", args=("kits", "kitpage", kit_index.pk))


def body_with_a_broken_step():
    return streamfield(
        [
            ("heading", {"text": "Le déroulé", "level": "h2"}),
            ("step", {"title": "Préparer", "text": rich_text("<p>Réserver la salle.</p>"), "duration": "1 h"}),
            ("step", {"title": "", "text": rich_text("<p>Sans titre.</p>"), "duration": "2 h"}),
        ]
    )


def test_an_invalid_block_is_named_and_valid_steps_still_count(admin_client, add_url):
    data = {**kit_form_data(), **nested_form_data({"body": body_with_a_broken_step()})}
    response = admin_client.post(add_url, {**data, "action-publish": "publish"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ajoutez au moins une étape" not in html  # the first step is valid
    assert "Corrigez le bloc 3 (Étape) du contenu" in html
    assert "Validation error in StreamBlock" not in html
    assert not KitPage.objects.filter(slug="troc-de-livres").exists()


def test_the_quality_panel_reads_what_was_submitted(admin_client, add_url):
    data = kit_form_data(steps=False)
    response = admin_client.post(add_url, {**data, "action-publish": "publish"})
    html = response.content.decode()
    assert 'data-verdict="missing-steps"' in html


def test_french_kit_offers_and_accepts_only_french_themes(admin_client, add_url, kit_index_en):
    french = ThemeFactory(name="Jardinage", slug="jardinage")
    english = ThemeFactory(name="Gardening", slug="gardening", locale=kit_index_en.locale)
    html = admin_client.get(add_url).content.decode()
    assert "Jardinage" in html and "Gardening" not in html
    assert "Publics" in html
    response = admin_client.post(add_url, {**kit_form_data(), "themes": [str(english.pk)], "action-publish": "publish"})
    assert response.status_code == 200
    assert not KitPage.objects.filter(slug="troc-de-livres").exists()
    response = admin_client.post(add_url, {**kit_form_data(), "themes": [str(french.pk)], "action-publish": "publish"})
    assert response.status_code == 302
    assert list(KitPage.objects.get(slug="troc-de-livres").themes.all()) == [french]
