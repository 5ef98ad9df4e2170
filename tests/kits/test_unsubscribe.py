"""Reminders and follow-ups carry List-Unsubscribe with one-click unsubscription (RFC 8058):
a POST without cookies stops that kind of e-mail for that person; transactional e-mails say
why they were sent."""

import datetime
import io
import re
from urllib.parse import urlsplit

import pytest

from django.core import mail
from django.test import Client

from events import daily as event_daily
from events import emails as event_emails
from events.factories import EventPageFactory, RegistrationFactory
from events.models import EventIndexPage, Registration
from kits import daily as kit_daily
from kits.emails import send_declaration_email
from kits.factories import ActionDeclarationFactory

pytestmark = pytest.mark.django_db


def unsubscribe_path(message):
    header = message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(https?://[^>]+)>", header).group(1)
    return urlsplit(url).path


def one_click(path):
    """What a mailbox provider sends: a POST, no cookie, no CSRF token."""
    return Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )


@pytest.fixture
def kit(make_kit):
    return make_kit(title="Kit désabonnement", slug="kit-desabonnement")


@pytest.mark.parametrize("kind", ["reminder", "followup"])
def test_kit_reminders_and_followups_unsubscribe_in_one_click(kit, kind):
    today = datetime.date.today()
    declaration = ActionDeclarationFactory(kit=kit, email="une.personne@example.org")
    other = ActionDeclarationFactory(
        kit=kit, email="Une.Personne@example.org", planned_date=today + datetime.timedelta(days=60)
    )
    stranger = ActionDeclarationFactory(kit=kit)
    path = unsubscribe_path(send_declaration_email(declaration, kind))
    assert path.startswith("/e-mails/desabonner/")
    assert "une.personne" not in path  # the address itself never travels in the URL
    page = Client().get(path)
    assert page.status_code == 200 and "Se désabonner" in page.content.decode()
    declaration.refresh_from_db()
    assert not declaration.emails_opt_out  # looking is not unsubscribing
    response = one_click(path)
    assert response.status_code == 200
    for row, stopped in ((declaration, True), (other, True), (stranger, False)):
        row.refresh_from_db()
        assert row.emails_opt_out is stopped


def test_after_one_click_the_daily_job_sends_no_reminder(kit, django_capture_on_commit_callbacks):
    today = datetime.date.today()
    declaration = ActionDeclarationFactory(
        kit=kit,
        planned_date=today + datetime.timedelta(days=5),
        created_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=10),
    )
    path = unsubscribe_path(send_declaration_email(declaration, "followup"))
    one_click(path)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        kit_daily.run(io.StringIO())
    assert [m for m in mail.outbox if declaration.email in m.to] == []


def test_the_links_email_is_transactional_and_says_why(kit):
    message = send_declaration_email(ActionDeclarationFactory(kit=kit), "links")
    assert "List-Unsubscribe-Post" not in message.extra_headers
    assert "parce que vous avez déclaré cette action" in message.body


def test_session_reminders_unsubscribe_in_one_click():
    event = EventPageFactory.build(title="Petit Déj rappel", slug="petit-dej-rappel")
    EventIndexPage.objects.get(locale__language_code="fr").add_child(instance=event)
    event.save_revision().publish()
    registration = RegistrationFactory(event=event, email="membre.rappel@example.org")
    message = event_emails.send_registration_email(registration, "reminder")
    path = unsubscribe_path(message)
    assert registration.token not in message.extra_headers.get("List-Unsubscribe-Post", "")
    assert one_click(path).status_code == 200
    registration.refresh_from_db()
    assert registration.reminders_opt_out
    assert "List-Unsubscribe-Post" not in event_emails.send_registration_email(registration, "confirmed").extra_headers
    mail.outbox.clear()
    Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
    event_daily.send_event_reminders(now=event.start - datetime.timedelta(hours=20))
    assert mail.outbox == []


def test_a_tampered_link_is_404():
    assert Client().post("/e-mails/desabonner/abc:def/").status_code == 404
