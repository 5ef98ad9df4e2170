import re
from datetime import timedelta

import pytest
from icalendar import Calendar

from django.core import mail

from community.members.factories import MemberFactory
from events.factories import EventPageFactory
from events.models import EventIndexPage


@pytest.fixture
def event_index(db):
    return EventIndexPage.objects.get(locale__language_code="fr")


@pytest.fixture
def make_event(event_index):
    """A published event under /evenements/ (online, 20 seats, members only by default)."""

    def make(**kwargs):
        page = EventPageFactory.build(**kwargs)
        event_index.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def event(make_event):
    return make_event(title="Petit Déj de test", slug="petit-dej-de-test")


@pytest.fixture
def make_member(db):
    def make(**kwargs):
        return MemberFactory(approved=True, **kwargs).user

    return make


@pytest.fixture
def member(make_member):
    return make_member()


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def last_mail_to(address):
    sent = mails_to(address)
    assert sent, f"no e-mail to {address}"
    return sent[-1]


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def ics_of(message):
    """The parsed calendar attached to an e-mail."""
    files = [(name, content) for name, content, mimetype in message.attachments if mimetype.startswith("text/calendar")]
    assert len(files) == 1, "expected one calendar file"
    content = files[0][1]
    return Calendar.from_ical(content if isinstance(content, bytes) else content.encode())


def single_vevent(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def soon(**kwargs):
    from django.utils import timezone

    return timezone.now() + timedelta(**kwargs)
