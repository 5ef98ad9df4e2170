"""The calendar file of each state follows RFC 5545 / RFC 5546, read by icalendar and by
vobject (a second, independent parser): a held seat is a PUBLISH with STATUS:CONFIRMED and
its ORGANIZER; the waiting list gets no file; a promotion gets its PUBLISH; a cancellation
is a METHOD:CANCEL with STATUS:CANCELLED, its ATTENDEE and a higher SEQUENCE; a move is a
REQUEST of the same UID with a higher SEQUENCE (tests/events/test_session_changes.py)."""

from datetime import timedelta

import pytest
import vobject

from django.core import mail

from events import services
from events.models import EventPage, Registration
from tests.events.conftest import ics_of, mails_to, single_vevent

pytestmark = pytest.mark.django_db


def calendar_part(message):
    files = [(content, mimetype) for _name, content, mimetype in message.attachments if "calendar" in mimetype]
    assert len(files) <= 1
    return files[0] if files else (None, None)


def read(message):
    """(icalendar VEVENT, vobject calendar, the MIME type's method, METHOD) of an e-mail's file."""
    content, mimetype = calendar_part(message)
    assert content is not None, f"no calendar file in « {message.subject} »"
    text = content.decode() if isinstance(content, bytes) else content
    parsed = vobject.readOne(text)
    calendar = ics_of(message)
    assert str(calendar["method"]) == parsed.method.value
    assert mimetype.endswith(f"method={parsed.method.value}")
    return single_vevent(calendar), parsed, parsed.method.value


def assert_publish_confirmed(message, registration):
    vevent, parsed, method = read(message)
    assert method == "PUBLISH"
    assert vevent["status"] == "CONFIRMED" and parsed.vevent.status.value == "CONFIRMED"
    assert parsed.vevent.organizer.value == "mailto:noreply@relais.example.org"
    assert parsed.vevent.organizer.params["CN"] == ["Relais"]
    assert "attendee" not in vevent  # PUBLISH carries no ATTENDEE (RFC 5546, 3.2.1)
    for required in ("dtstamp", "dtstart", "uid", "summary", "sequence"):
        assert required in vevent and hasattr(parsed.vevent, required)
    assert str(vevent["uid"]) == parsed.vevent.uid.value
    assert parsed.vevent.dtstart.value == registration.event.start
    return vevent, parsed


def last(address):
    sent = mails_to(address)
    assert sent
    return sent[-1]


def test_every_state_of_a_registration_gets_the_right_file(make_event, make_member, django_capture_on_commit_callbacks):
    event = make_event(title="Petit Déj calendrier", slug="petit-dej-calendrier", capacity=1)
    first, second = make_member(), make_member()
    with django_capture_on_commit_callbacks(execute=True):
        seat, _ = services.register_member(event, first)
        waiting, _ = services.register_member(event, second)

    confirmed, parsed = assert_publish_confirmed(last(first.email), seat)
    assert int(confirmed["sequence"]) == 0 == int(parsed.vevent.sequence.value)

    waiting_mail = last(second.email)
    assert "liste d'attente" in waiting_mail.subject
    assert calendar_part(waiting_mail) == (None, None)  # no calendar shows a seat they do not have

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(seat)
    vevent, cancel, method = read(last(first.email))
    assert method == "CANCEL"
    assert vevent["status"] == "CANCELLED" and cancel.vevent.status.value == "CANCELLED"
    assert str(vevent["uid"]) == str(confirmed["uid"]) == cancel.vevent.uid.value
    assert int(cancel.vevent.sequence.value) > int(confirmed["sequence"])
    assert cancel.vevent.attendee.value == f"mailto:{first.email}"
    assert cancel.vevent.organizer.value == "mailto:noreply@relais.example.org"

    promoted_mail = last(second.email)
    assert "place s'est libérée" in promoted_mail.subject
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    promoted, _parsed = assert_publish_confirmed(promoted_mail, waiting)
    assert str(promoted["uid"]) != str(confirmed["uid"])  # one event per registration

    # The session moves: the seat's file is sent again as a REQUEST, same UID, higher SEQUENCE.
    mail.outbox.clear()
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    draft.start += timedelta(days=7)
    draft.end += timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    moved, parsed_moved, method = read(last(second.email))
    assert method == "REQUEST"
    assert str(moved["uid"]) == str(promoted["uid"])
    assert int(parsed_moved.vevent.sequence.value) == int(promoted["sequence"]) + 1
    assert mails_to(first.email) == []  # a cancelled registration is not told


def test_re_registering_after_cancelling_is_a_new_calendar_event(
    make_event, make_member, django_capture_on_commit_callbacks
):
    event = make_event(title="Petit Déj retour", slug="petit-dej-retour")
    member = make_member()
    with django_capture_on_commit_callbacks(execute=True):
        registration, _ = services.register_member(event, member)
        services.cancel(registration)
    _vevent, cancelled, _method = read(last(member.email))
    with django_capture_on_commit_callbacks(execute=True):
        again, created = services.register_member(event, member)
    assert created
    vevent, parsed = assert_publish_confirmed(last(member.email), again)
    # Not an update older than the cancellation, which calendars would ignore.
    assert parsed.vevent.uid.value != cancelled.vevent.uid.value


def test_leaving_the_waiting_list_sends_no_calendar_file(make_event, make_member, django_capture_on_commit_callbacks):
    event = make_event(title="Petit Déj complet", slug="petit-dej-complet", capacity=1)
    first, second = make_member(), make_member()
    with django_capture_on_commit_callbacks(execute=True):
        services.register_member(event, first)
        waiting, _ = services.register_member(event, second)
        mail.outbox.clear()
        services.cancel(waiting)
    receipt = last(second.email)
    assert calendar_part(receipt) == (None, None)


def test_the_public_files_are_publish_with_an_organizer(client, make_event):
    make_event(title="Petit Déj public", slug="petit-dej-public", members_only=False)
    for url in ("/evenements/calendrier.ics", "/evenements/petit-dej-public/calendrier.ics"):
        parsed = vobject.readOne(client.get(url).content.decode())
        assert parsed.method.value == "PUBLISH"
        for vevent in parsed.vevent_list:
            assert vevent.organizer.value == "mailto:noreply@relais.example.org"
            assert vevent.status.value == "CONFIRMED"
