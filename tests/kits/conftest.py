"""Kits fixtures: the skeleton's French and English kit indexes, themes, and a helper
that builds a complete kit (steps, FAQ, materials), translated into English if asked."""

import pytest

from wagtail.models import Locale

from home.factories import heading, paragraph, stream
from home.localization import translate
from kits.factories import KitDocumentFactory, KitMaterialFactory, KitPageFactory, faq, step
from kits.models import KitIndexPage, Theme


@pytest.fixture
def kit_index(db):
    return KitIndexPage.objects.get(locale__language_code="fr")


@pytest.fixture
def kit_index_en(db):
    return KitIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def themes(db):
    return {theme.slug: theme for theme in Theme.objects.filter(locale__language_code="fr")}


def words(count, seed="mot"):
    return " ".join(f"{seed}{index}" for index in range(count))


def good_body(steps=3, extra_words=600):
    return stream(
        heading("Le déroulé"),
        paragraph(words(extra_words)),
        *[step(f"Étape numéro {n}", f"Ce qu'il faut faire à l'étape {n}.", f"{n} h") for n in range(1, steps + 1)],
        faq([("Une question ?", "Une réponse."), ("Une autre ?", "Une autre réponse.")]),
    )


@pytest.fixture
def make_kit(kit_index):
    """make_kit(**fields) → a published kit with one PDF material (materials=0 for none, or a
    list of KitMaterialFactory fields such as {"label": …, "kind": …}); english={source: text}
    also publishes its English translation (strings not given keep the French text)."""

    def make(parent=None, materials=1, publish=True, english=None, **fields):
        fields.setdefault("body", good_body())
        kit = KitPageFactory(parent=parent or kit_index, **fields)
        specs = [{} for _ in range(materials)] if isinstance(materials, int) else materials
        for n, spec in enumerate(specs):
            title = spec.get("label", f"{kit.title} matériel {n}")
            KitMaterialFactory(page=kit, document=KitDocumentFactory(title=title), **spec)
        if publish:
            kit.save_revision().publish()
        kit.refresh_from_db()
        if english is not None:
            translate(kit, "en", english)
        return kit

    return make


def english_of(page):
    return page.get_translation(Locale.objects.get(language_code="en"))
