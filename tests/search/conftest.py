"""Search fixtures: helpers that publish kits and events with words no demo page uses,
and read the results page back as (type, title) pairs."""

import pytest

from events.factories import EventPageFactory
from events.models import EventIndexPage
from home.factories import paragraph, stream
from kits.factories import KitPageFactory
from kits.models import KitIndexPage


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
