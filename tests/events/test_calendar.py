"""Calendar files: the public feed, per-event files, and the files attached to e-mails."""

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from django.core import mail
from django.utils import timezone

from events import services
from events.models import EventPage
from home.localization import translate
from tests.events.conftest import ics_of, last_mail_to, single_vevent

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://visio.example.org/petit-dej-secret"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_feed_lists_upcoming_public_sessions_in_utc_without_the_online_link(client, make_event):
    start = datetime(2031, 3, 6, 9, 0, tzinfo=timezone.get_current_timezone())  # 09:00 Paris = 08:00 UTC
    event = make_event(title="Petit Déj du futur", slug="futur", start=start, end=start + timedelta(minutes=90))
    past_start = timezone.now() - timedelta(days=20)
    make_event(title="Petit Déj d'avant", slug="avant", start=past_start, end=past_start + timedelta(minutes=90))
    draft = make_event(title="Brouillon secret", slug="brouillon")
    draft.unpublish()
    calendar = parse(client.get("/evenements/calendrier.ics"))
    assert calendar["version"] == "2.0"
    events = {str(vevent["summary"]): vevent for vevent in calendar.walk("VEVENT")}
    assert "Petit Déj du futur" in events
    assert "Petit Déj d'avant" not in events
    assert "Brouillon secret" not in events
    vevent = events["Petit Déj du futur"]
    assert vevent.decoded("dtstart") == datetime(2031, 3, 6, 8, 0, tzinfo=UTC)
    assert vevent.decoded("dtend") == datetime(2031, 3, 6, 9, 30, tzinfo=UTC)
    assert vevent.to_ical().decode().count("DTSTART:20310306T080000Z") == 1
    assert vevent["uid"] == event.calendar_uid
    assert SECRET_LINK not in client.get("/evenements/calendrier.ics").content.decode()
    assert SECRET_LINK not in client.get("/evenements/futur/").content.decode()


def test_english_feed_has_the_same_uid_and_the_english_title(client, make_event):
    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test")
    translate(event, "en", {"Petit Déj de test": "Test breakfast", "petit-dej-de-test": "test-breakfast"})
    calendar = parse(client.get("/en/events/calendrier.ics"))
    events = {str(vevent["summary"]): vevent for vevent in calendar.walk("VEVENT")}
    assert events["Test breakfast"]["uid"] == event.calendar_uid
    single = parse(client.get("/en/events/test-breakfast/calendrier.ics"))
    assert single_vevent(single)["uid"] == event.calendar_uid
    assert SECRET_LINK not in single.to_ical().decode()


def test_changing_the_date_sends_an_update_with_a_higher_sequence(
    make_event, make_member, django_capture_on_commit_callbacks
):
    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", capacity=1)
    seated, waiting = make_member(), make_member()
    with django_capture_on_commit_callbacks(execute=True):
        services.register_member(event, seated)
        services.register_member(event, waiting)
    first = single_vevent(ics_of(last_mail_to(seated.email)))
    assert first["sequence"] == 0
    mail.outbox.clear()

    # As in the admin: each edit starts from the latest revision, not from the database row.
    draft = event.get_latest_revision_as_object()
    draft.title = "Petit Déj de test (nouveau titre)"
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert mail.outbox == []  # a title change does not move anything in calendars

    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    draft.start += timedelta(days=7)
    draft.end += timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    event.refresh_from_db()
    assert event.calendar_sequence == 1
    update = single_vevent(ics_of(last_mail_to(seated.email)))
    assert update["uid"] == first["uid"]
    assert update["sequence"] == 1
    assert update.decoded("dtstart") == event.start.astimezone(UTC)
    assert SECRET_LINK in str(update["description"])
    waiting_update = last_mail_to(waiting.email)
    assert waiting_update.attachments == []  # no calendar shows a seat they do not have
    assert SECRET_LINK not in waiting_update.body


def test_cancellation_receipt_carries_a_cancelled_calendar_entry(
    make_event, member, django_capture_on_commit_callbacks
):
    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test")
    with django_capture_on_commit_callbacks(execute=True):
        registration, _ = services.register_member(event, member)
        services.cancel(registration)
    receipt = last_mail_to(member.email)
    vevent = single_vevent(ics_of(receipt))
    assert vevent["status"] == "CANCELLED"
    assert SECRET_LINK not in receipt.body


def test_each_change_of_place_raises_the_sequence_again(make_event, member, django_capture_on_commit_callbacks):
    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", in_person=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.register_member(event, member)
    for sequence, address in ((1, "Salle A\nLyon"), (2, "Salle B\nLyon")):
        draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
        draft.venue_address = address
        with django_capture_on_commit_callbacks(execute=True):
            draft.save_revision().publish()
        vevent = single_vevent(ics_of(last_mail_to(member.email)))
        assert vevent["sequence"] == sequence
        assert str(vevent["location"]) == address.replace("\n", ", ")
