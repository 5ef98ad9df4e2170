"""The day-before reminder: sent once to confirmed participants, with the online link."""

from datetime import datetime, timedelta
from io import StringIO

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events import services
from tests.events.conftest import mails_to

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://visio.example.org/petit-dej-secret"
PARIS = timezone.get_current_timezone()


def test_reminder_the_day_before_is_sent_once(make_event, make_member, django_capture_on_commit_callbacks):
    start = datetime(2031, 3, 6, 9, 0, tzinfo=PARIS)
    with time_machine.travel(datetime(2031, 2, 20, 10, 0, tzinfo=PARIS), tick=False):
        event = make_event(
            title="Petit Déj de test",
            slug="petit-dej-de-test",
            start=start,
            end=start + timedelta(minutes=90),
            capacity=1,
        )
        seated, waiting = make_member(), make_member()
        later = make_event(title="Plus tard", slug="plus-tard", start=start + timedelta(days=2))
        with django_capture_on_commit_callbacks(execute=True):
            services.register_member(event, seated)
            services.register_member(event, waiting)
            services.register_member(later, waiting)
    mail.outbox.clear()

    with time_machine.travel(datetime(2031, 3, 4, 7, 0, tzinfo=PARIS), tick=False):  # two days before
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_event_reminders", stdout=StringIO())
        assert mail.outbox == []

    with time_machine.travel(datetime(2031, 3, 5, 7, 0, tzinfo=PARIS), tick=False):  # the day before
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("run_daily", stdout=out)
            call_command("run_daily", stdout=StringIO())
            call_command("send_event_reminders", stdout=StringIO())
        assert "events: 1 reminder(s) queued" in out.getvalue()
    reminders = mails_to(seated.email)
    assert len(reminders) == 1
    assert reminders[0].subject.endswith("Demain : Petit Déj de test")
    assert SECRET_LINK in reminders[0].body
    assert mails_to(waiting.email) == []  # waiting list: no reminder, no link


def test_run_daily_forgets_guests_a_year_after_the_session(make_event):
    from events.factories import RegistrationFactory

    start = timezone.now() - timedelta(days=400)
    event = make_event(title="Ancien", slug="ancien", start=start, end=start + timedelta(minutes=90))
    guest = RegistrationFactory(event=event, name="Awa Diallo", email="awa@example.org", attended=True)
    call_command("run_daily", stdout=StringIO())
    guest.refresh_from_db()
    assert guest.name == "—"
    assert "awa" not in guest.email
    assert guest.attended is True  # attendance figures stay
