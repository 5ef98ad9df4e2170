"""Factories for the events app: used by the tests and by the demo content."""

from datetime import datetime, time, timedelta

import factory
import wagtail_factories

from django.utils import timezone

from wagtail.models import Locale

from events.models import EventFormat, EventPage, Registration
from events.models.pages import PARIS


def thursday_morning(weeks_from_now, hour=9, minute=0):
    """A Thursday at `hour` Paris time, about `weeks_from_now` weeks away (negative: past)."""
    today = timezone.localdate()
    day = today + timedelta(weeks=weeks_from_now)
    day += timedelta(days=(3 - day.weekday()) % 7)
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Petit Déj interassociatif n° {n}")
    topic = "Mobiliser des bénévoles"
    start = factory.LazyFunction(lambda: thursday_morning(4))
    end = factory.LazyAttribute(lambda obj: obj.start + timedelta(minutes=90))
    format = EventFormat.ONLINE
    online_link = "https://visio.example.org/petit-dej-secret"
    capacity = 20
    members_only = True
    open_to_guests = False
    locale = factory.LazyFunction(lambda: Locale.objects.get_or_create(language_code="fr")[0])

    class Meta:
        model = EventPage

    class Params:
        in_person = factory.Trait(
            format=EventFormat.IN_PERSON, online_link="", venue_address="Maison des associations\n12 rue Neuve, Lyon"
        )
        past = factory.Trait(start=factory.LazyFunction(lambda: thursday_morning(-8)))
        guests = factory.Trait(open_to_guests=True)


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration written directly (no lock, no e-mail): for fixtures and demo history."""

    name = factory.Faker("name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"invite{n}@example.org")
    organisation = "Association amie"
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
