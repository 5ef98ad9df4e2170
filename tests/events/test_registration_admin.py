"""Editors cancel a person's registration or move them to another session from the admin
(events/registration_admin.py on events.services): the same rules as the person's own
cancellation (promotion, e-mails with calendar files), capacity checked on arrival, no
session in the past, a confirmation page saying what will happen, a line in the history."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from wagtail.models import ModelLogEntry

from community.members.factories import UserFactory
from events import services
from events.factories import RegistrationFactory
from events.models import Registration
from tests.events.conftest import ics_of, last_mail_to, mails_to, single_vevent

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = UserFactory()
    user.groups.set(Group.objects.filter(name="Editors"))
    return user


@pytest.fixture
def full_session(make_event, make_member, django_capture_on_commit_callbacks):
    """A one-seat session: one person seated, one waiting."""
    event = make_event(title="Petit Déj plein", slug="petit-dej-plein", capacity=1)
    seated, waiting = make_member(), make_member()
    with django_capture_on_commit_callbacks(execute=True):
        services.register_member(event, seated)
        services.register_member(event, waiting)
    mail.outbox.clear()
    return event, Registration.objects.get(user=seated), Registration.objects.get(user=waiting)


def test_cancelling_for_someone_promotes_the_first_waiting_and_tells_both(
    full_session, django_capture_on_commit_callbacks
):
    event, seated, waiting = full_session
    with django_capture_on_commit_callbacks(execute=True):
        assert services.cancel(seated, by_team=True)
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.status == "cancelled" and waiting.status == "confirmed"
    receipt = last_mail_to(seated.email)
    assert "L’équipe a annulé votre inscription" in receipt.body
    assert single_vevent(ics_of(receipt))["status"] == "CANCELLED"
    assert single_vevent(ics_of(last_mail_to(waiting.email)))["status"] == "CONFIRMED"


def test_moving_to_a_session_with_seats_confirms_there_and_frees_the_seat_here(
    full_session, make_event, django_capture_on_commit_callbacks
):
    event, seated, waiting = full_session
    other = make_event(title="Petit Déj suivant", slug="petit-dej-suivant", capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        moved = services.move(seated, other)
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (moved.event, moved.status, moved.user) == (other, "confirmed", seated.user)
    assert seated.status == "cancelled" and waiting.status == "confirmed"
    sent = mails_to(seated.email)
    assert len(sent) == 2
    cancelled = next(message for message in sent if "annulée" in message.subject)
    arrival = next(message for message in sent if "déplacée" in message.subject)
    assert single_vevent(ics_of(cancelled))["status"] == "CANCELLED"
    assert single_vevent(ics_of(arrival))["status"] == "CONFIRMED"
    assert "Petit Déj suivant" in arrival.subject
    assert "Une place s'est libérée" in last_mail_to(waiting.email).subject


def test_moving_to_a_full_session_puts_the_person_on_its_waiting_list(
    full_session, make_event, make_member, django_capture_on_commit_callbacks
):
    event, seated, waiting = full_session
    other = make_event(title="Autre Petit Déj plein", slug="autre-plein", capacity=1)
    services.register_member(other, make_member())
    assert services.seat_outcome(other) == ("waiting", 1)
    with django_capture_on_commit_callbacks(execute=True):
        moved = services.move(waiting, other)
    assert (moved.status, moved.waiting_position) == ("waiting", 1)
    arrival = last_mail_to(waiting.email)
    assert "numéro 1 sur la liste d'attente" in arrival.body.replace("’", "'")
    assert not [a for a in arrival.attachments if a[2].startswith("text/calendar")]  # no seat, no file


def test_moving_is_refused_to_a_past_session_a_members_only_one_for_a_guest_or_twice(
    full_session, make_event, event_index
):
    event, seated, waiting = full_session
    past = make_event(title="Petit Déj passé", slug="petit-dej-passe", past=True)
    with pytest.raises(services.RegistrationRefused, match="déjà commencé"):
        services.move(seated, past)
    assert services.move_refusal(seated, event) is not None  # the same session
    guest = RegistrationFactory(event=event, email="invitee@example.org", status="waiting", waiting_position=2)
    members_only = make_event(title="Entre membres", slug="entre-membres", members_only=True, open_to_guests=False)
    assert "membres" in services.move_refusal(guest, members_only)
    services.register_member(members_only, seated.user)
    assert "déjà inscrite" in services.move_refusal(seated, members_only)
    seated.refresh_from_db()
    assert seated.status == "confirmed"  # nothing changed


def test_the_admin_confirmation_pages_say_what_will_happen_and_the_history_keeps_it(
    client, editor, full_session, make_event, make_member, django_capture_on_commit_callbacks
):
    event, seated, waiting = full_session
    other = make_event(title="Petit Déj complet", slug="petit-dej-complet", capacity=1)
    services.register_member(other, make_member())
    client.force_login(editor)
    listing = client.get(f"/admin/snippets/events/registration/?event={event.pk}").content.decode()
    assert f"/admin/registrations/{seated.pk}/move/" in listing
    assert f"/admin/registrations/{seated.pk}/cancel/" in listing

    url = f"/admin/registrations/{seated.pk}/move/"
    form = client.get(url).content.decode()
    assert "Petit Déj complet" in form and "complet : liste d’attente" in form
    assert "Petit Déj plein —" not in form  # not its own session
    refused = client.post(url, {"target": ""})
    assert refused.status_code == 200 and "error-message" in refused.content.decode()
    preview = client.post(url, {"target": other.pk}).content.decode()
    assert "Petit Déj complet est complet" in preview and "numéro 1" in preview
    assert waiting.name in preview  # who takes the freed seat
    assert Registration.objects.get(pk=seated.pk).status == "confirmed"  # nothing done yet
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"target": other.pk, "confirm": "1"})
    assert done.status_code == 302
    moved = Registration.objects.get(event=other, email=seated.email)
    assert moved.status == "waiting"
    entry = ModelLogEntry.objects.get(object_id=str(seated.pk), action="relais.registration.move")
    assert entry.user == editor and entry.data["to"] == "Petit Déj complet"
    assert seated.name not in entry.label
    history = client.get(f"/admin/snippets/events/registration/history/{seated.pk}/").content.decode()
    assert "Déplacée de « Petit Déj plein » vers « Petit Déj complet »" in history


def test_cancelling_from_the_admin(client, editor, full_session, django_capture_on_commit_callbacks):
    event, seated, waiting = full_session
    client.force_login(editor)
    url = f"/admin/registrations/{seated.pk}/cancel/"
    page = client.get(url).content.decode()
    assert waiting.name in page and "première sur la liste d’attente" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert Registration.objects.get(pk=seated.pk).status == "cancelled"
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"
    assert ModelLogEntry.objects.filter(object_id=str(seated.pk), action="relais.registration.cancel").exists()


def test_who_may_not_change_registrations_is_refused(client, full_session):
    event, seated, waiting = full_session
    client.force_login(UserFactory())
    for action in ("cancel", "move"):
        client.post(f"/admin/registrations/{seated.pk}/{action}/")
    assert Registration.objects.get(pk=seated.pk).status == "confirmed"


def test_a_session_that_started_is_not_offered(client, editor, full_session, make_event):
    event, seated, _waiting = full_session
    make_event(title="Commencé hier", slug="commence", start=timezone.now() - timedelta(hours=1))
    client.force_login(editor)
    assert "Commencé hier" not in client.get(f"/admin/registrations/{seated.pk}/move/").content.decode()
