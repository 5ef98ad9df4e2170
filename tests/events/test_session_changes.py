"""Editors move or cancel a whole session (RFC 5546): everyone registered or waiting is
e-mailed in their language; a held seat gets METHOD:REQUEST (moved: same UID, higher
SEQUENCE, the person as ATTENDEE who accepted) or METHOD:CANCEL (cancelled: STATUS:CANCELLED,
higher SEQUENCE); the waiting list gets no file. Every file is read by icalendar and vobject."""

from datetime import timedelta

import pytest
import vobject

from django.core import mail

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from events import daily, services
from events.models import EventPage
from events.models.pages import EventPageForm
from tests.events.conftest import mails_to
from tests.events.test_calendar_states import calendar_part, last, read

pytestmark = pytest.mark.django_db


def publish(event, commit, **changes):
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    with commit(execute=True):
        draft.save_revision().publish()
    event.refresh_from_db()
    return event


@pytest.fixture
def full_session(make_event, make_member, django_capture_on_commit_callbacks):
    event = make_event(title="Petit Déj l'été & <vous>", slug="petit-dej-ete", capacity=1)
    seated, waiting = make_member(), make_member()
    with django_capture_on_commit_callbacks(execute=True):
        seat, _ = services.register_member(event, seated)
        queued, _ = services.register_member(event, waiting, language="en")
    seat_file, _parsed, method = read(last(seated.email))
    assert method == "PUBLISH"
    mail.outbox.clear()
    return event, seat, queued, seat_file


def test_a_moved_session_sends_a_request_of_the_same_event(full_session, django_capture_on_commit_callbacks):
    event, seat, queued, before = full_session
    publish(
        event,
        django_capture_on_commit_callbacks,
        start=event.start + timedelta(days=2),
        end=event.end + timedelta(days=2),
    )
    assert event.calendar_sequence == int(before["sequence"]) + 1

    vevent, parsed, method = read(last(seat.email))
    assert method == "REQUEST"
    assert str(vevent["uid"]) == str(before["uid"]) == parsed.vevent.uid.value
    assert int(parsed.vevent.sequence.value) == int(before["sequence"]) + 1
    assert parsed.vevent.dtstart.value == event.start
    assert parsed.vevent.status.value == "CONFIRMED"
    assert parsed.vevent.attendee.value == f"mailto:{seat.email}"
    assert parsed.vevent.attendee.params["PARTSTAT"] == ["ACCEPTED"]
    assert parsed.vevent.attendee.params["RSVP"] == ["FALSE"]
    assert parsed.vevent.organizer.value == "mailto:noreply@relais.example.org"

    waiting_mail = last(queued.email)
    assert waiting_mail.subject.startswith("[Relais] Change of date or place")  # in their language
    assert "still on the waiting list" in waiting_mail.body
    assert calendar_part(waiting_mail) == (None, None)


def test_the_download_after_a_move_carries_the_raised_sequence(
    client, full_session, django_capture_on_commit_callbacks
):
    event, _seat, _queued, before = full_session
    publish(event, django_capture_on_commit_callbacks, venue_address="", start=event.start + timedelta(hours=1))
    parsed = vobject.readOne(client.get(event.url + "calendrier.ics").content.decode())
    assert int(parsed.vevent.sequence.value) == int(before["sequence"]) + 1
    # An edit that changes neither date nor place sends nothing and keeps the SEQUENCE.
    mail.outbox.clear()
    publish(event, django_capture_on_commit_callbacks, introduction="Nouvelle introduction")
    assert mail.outbox == []
    assert event.calendar_sequence == int(before["sequence"]) + 1


def test_a_cancelled_session_sends_a_cancel_and_closes(client, full_session, django_capture_on_commit_callbacks):
    event, seat, queued, before = full_session
    publish(
        event,
        django_capture_on_commit_callbacks,
        cancelled=True,
        cancellation_reason="L'intervenante est malade & <absente>.",
    )
    assert event.calendar_cancelled and event.calendar_sequence == int(before["sequence"]) + 1

    message = last(seat.email)
    assert message.subject == "[Relais] Session annulée : Petit Déj l'été & <vous>"
    assert "L'intervenante est malade & <absente>." in message.body
    html = message.alternatives[0][0]
    assert "L&#x27;intervenante est malade &amp; &lt;absente&gt;." in html and "&amp;amp;" not in html
    vevent, parsed, method = read(message)
    assert method == "CANCEL"
    assert vevent["status"] == "CANCELLED" and parsed.vevent.status.value == "CANCELLED"
    assert parsed.vevent.uid.value == str(before["uid"])
    assert int(parsed.vevent.sequence.value) > int(before["sequence"])
    assert parsed.vevent.attendee.value == f"mailto:{seat.email}"
    assert "conference" not in vevent

    waiting_mail = last(queued.email)
    assert waiting_mail.subject.startswith("[Relais] Session cancelled")
    assert "The waiting list ends with it" in waiting_mail.body
    assert calendar_part(waiting_mail) == (None, None)

    # Told once: publishing the cancelled session again sends nothing.
    mail.outbox.clear()
    publish(event, django_capture_on_commit_callbacks, introduction="Annulée")
    assert mail.outbox == []

    page = client.get(event.url)
    content = page.content.decode()
    assert "Cette session est annulée." in content
    assert "L&#x27;intervenante est malade &amp; &lt;absente&gt;." in content
    assert "S'inscrire" not in content and "calendrier.ics" not in content
    assert "EventCancelled" in content
    with pytest.raises(services.RegistrationRefused) as refused:
        services.register_member(event, seat.user)
    assert refused.value.code == "cancelled"
    public = vobject.readOne(client.get(event.url + "calendrier.ics").content.decode())
    assert public.vevent.status.value == "CANCELLED"
    feed = client.get("/evenements/calendrier.ics").content.decode()
    assert "STATUS:CANCELLED" in feed
    listing = client.get("/evenements/").content.decode()
    assert "Annulée" in listing


def test_no_reminder_and_no_promotion_for_a_cancelled_session(full_session, django_capture_on_commit_callbacks):
    event, seat, queued, _before = full_session
    publish(event, django_capture_on_commit_callbacks, cancelled=True, cancellation_reason="Salle indisponible.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert daily.send_event_reminders(now=event.start - timedelta(hours=12)) == 0
        publish(event, django_capture_on_commit_callbacks, capacity=5)
    assert mails_to(queued.email) == []


def test_reinstating_a_cancelled_session_sends_a_request(full_session, django_capture_on_commit_callbacks):
    event, seat, _queued, before = full_session
    publish(event, django_capture_on_commit_callbacks, cancelled=True, cancellation_reason="Grève.")
    mail.outbox.clear()
    publish(event, django_capture_on_commit_callbacks, cancelled=False)
    vevent, parsed, method = read(last(seat.email))
    assert method == "REQUEST" and parsed.vevent.status.value == "CONFIRMED"
    assert int(parsed.vevent.sequence.value) == int(before["sequence"]) + 2


@pytest.mark.parametrize("deferred", [False, True])
def test_cancelling_needs_a_reason_when_publishing(event, deferred):
    form_class = EventPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, EventPageForm)
    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "start": event.start.strftime("%Y-%m-%d %H:%M"),
            "end": event.end.strftime("%Y-%m-%d %H:%M"),
            "format": event.format,
            "cancelled": "on",
            "cancellation_reason": "",
            "body": streamfield([]),
            "recap": rich_text(""),
        }
    )
    form = form_class(instance=event, data=data, parent_page=event.get_parent(), for_user=None)
    form.is_deferred_validation = deferred
    form.is_valid()
    assert ("cancellation_reason" in form.errors) is not deferred
