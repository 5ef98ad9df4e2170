"""Kits fixtures: the demo's French and English kit indexes, themes, and a helper
that builds a complete kit (steps, FAQ, a material) with the factories."""

import pytest

from home.factories import heading, paragraph, stream
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
    """make_kit(**fields) → a published kit with one PDF material (materials=0 for none)."""

    def make(parent=None, materials=1, publish=True, **fields):
        fields.setdefault("body", good_body())
        kit = KitPageFactory(parent=parent or kit_index, **fields)
        for n in range(materials):
            KitMaterialFactory(page=kit, document=KitDocumentFactory(title=f"{kit.title} matériel {n}"))
        if publish:
            kit.save_revision().publish()
        kit.refresh_from_db()
        return kit

    return make
