"""Search fixtures: helpers that publish kits and events with words no demo page uses,
and read the results page back as (type, title) pairs."""

import pytest

from events.factories import EventPageFactory
from events.models import EventIndexPage
from home.factories import paragraph, stream
from home.localization import translate
from kits.choices import Audience
from kits.factories import KitPageFactory
from kits.models import KitIndexPage, Theme


@pytest.fixture
def kit_index(db):
    return KitIndexPage.objects.get(locale__language_code="fr")


@pytest.fixture
def event_index(db):
    return EventIndexPage.objects.get(locale__language_code="fr")


@pytest.fixture
def make_kit(kit_index):
    def make(title, text="", publish=True, parent=None, **fields):
        fields.setdefault("body", stream(paragraph(text or "Un paragraphe sans mot particulier.")))
        kit = KitPageFactory(parent=parent or kit_index, title=title, **fields)
        if publish:
            kit.save_revision().publish()
        kit.refresh_from_db()
        return kit

    return make


@pytest.fixture
def make_event(event_index):
    def make(title, publish=True, **fields):
        page = EventPageFactory.build(title=title, **fields)
        event_index.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


HYGIENE = "Collecte de produits d'hygiène"
HYGIENE_EN = "Hygiene product collection"


@pytest.fixture
def hygiene_kit(make_kit):
    """A French kit with its key facts (audiences, 8 h, two themes), translated into English."""
    kit = make_kit(
        HYGIENE,
        "Une collecte bien préparée à l'entrée d'un supermarché ou dans une école remplit un coffre en une journée.",
        slug="collecte-produits-hygiene",
        summary="Une journée de collecte de savons et de brosses à dents, remis aux personnes en précarité.",
        audiences=[Audience.GENERAL_PUBLIC, Audience.COMPANIES, Audience.YOUNG_PEOPLE],
        action_duration=480,
        themes=list(Theme.objects.filter(locale__language_code="fr", slug__in=["sante", "solidarite"])),
    )
    translate(
        kit,
        "en",
        {
            HYGIENE: HYGIENE_EN,
            kit.slug: "hygiene-product-collection",
            kit.summary: "A day collecting soap and toothbrushes, given to people in need.",
        },
    )
    return kit


@pytest.fixture
def poster_kit(make_kit):
    """A French kit that has no English translation."""
    return make_kit("Affiches de prévention", "Des affiches pour la rue.")
