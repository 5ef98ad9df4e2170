"""Defect 10 of issue 18, checked on every page type with a body, in the French admin: a
block left invalid is announced in French, never with Wagtail's English "Validation error
in StreamBlock" (a string Wagtail never passes through gettext: it reaches the banner only
beside a non-field error, which only the kit form raises, and kits/forms.py replaces it);
the editor's footer says "Plus d'actions", not "More actions"; an inline panel's button is
not "Ajouter un(e) Support"; and no date is written in English. The translation editor's
"Publier en anglais" is tests/browser/test_translation_review.py."""

import re

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, streamfield

from community.articles.factories import ArticlePageFactory
from community.articles.models import ArticleIndexPage
from events.factories import EventPageFactory
from events.models import EventIndexPage
from home.factories import StandardPageFactory
from home.models import HomePage
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

ENGLISH_MONTH = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"
)


def broken_heading():
    return streamfield([("heading", {"text": "", "level": "h2"})])  # its text is required


@pytest.fixture
def pages(make_kit):  # noqa: F811  (the imported fixture)
    home = HomePage.objects.get(locale__language_code="fr")
    return {
        "standard": StandardPageFactory(parent=home, title="À propos bis", slug="a-propos-bis"),
        "article": ArticlePageFactory(parent=ArticleIndexPage.objects.get(locale__language_code="fr")),
        "event": EventPageFactory(parent=EventIndexPage.objects.get(locale__language_code="fr")),
        "kit": make_kit(title="Kit du défaut 10"),
    }


@pytest.mark.parametrize("kind", ["standard", "article", "event", "kit"])
def test_the_french_editor_has_no_english_words_nor_dates(admin_client, pages, kind):
    page = pages[kind]
    page.save_revision(user=None, log_action=True)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Plus d&#x27;actions" in html or "Plus d'actions" in html
    assert "More actions" not in html
    assert "Ajouter un(e)" not in html  # Wagtail's inline panels ("Ajouter : Support", core/locale)
    assert not ENGLISH_MONTH.search(html), ENGLISH_MONTH.search(html).group(0)
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert not ENGLISH_MONTH.search(history)


@pytest.mark.parametrize("kind", ["standard", "article"])
def test_an_invalid_block_is_announced_in_french(admin_client, pages, kind):
    page = pages[kind]
    fields = {"title": page.title, "slug": page.slug, "body": broken_heading()}
    if kind == "article":
        fields.update(category=page.category, date=timezone.localdate().isoformat())
    data = nested_form_data(fields)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**data, "action-publish": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "La page ne peut être enregistrée du fait d&#x27;erreurs de validation." in html
    assert "Validation error" not in html
