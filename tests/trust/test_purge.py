# ruff: noqa: F811  (fixtures imported from the kits and events suites)
"""Retention periods and erasure, under a frozen clock: `purge_personal_data` anonymises
kit declarations 3 years after the last contact and event registrations after the
session, deletes unconfirmed guests after 7 days; the indicators give the same figures
before and after; a second run changes nothing; --dry-run changes nothing."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core.management import call_command

from events.factories import RegistrationFactory
from events.models import Registration
from kits.models import ActionDeclaration
from kits.models.declarations import email_hash
from tests.events.conftest import event_index, make_event  # noqa: F401  (fixtures)
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)
from tests.kits.test_indicators import check_figures, dataset, declare  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
# The dataset's last contacts are in January–March 2025: three years later they are due.
AFTER_RETENTION = datetime.datetime(2028, 6, 1, 3, tzinfo=PARIS)


def purge(*args):
    out = StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return list(ActionDeclaration.objects.order_by("pk").values_list("name", "email", "organisation", "email_hash"))


def test_declarations_are_anonymised_three_years_after_last_contact_with_figures_unchanged(dataset):
    check_figures(dataset)
    recent = declare(dataset["b"], datetime.date(2028, 1, 10), 10, email="recent@example.org")
    # One old and one recent declaration by the same person: the last contact is recent.
    declare(dataset["a"], datetime.date(2024, 12, 1), 10, email="both@example.org")  # outside the figures' period
    declare(dataset["b"], datetime.date(2027, 12, 1), 10, email="both@example.org")
    with time_machine.travel(AFTER_RETENTION, tick=False):
        before = snapshot()
        output = purge("--dry-run")
        assert "kit_declarations: 6 row(s) would change" in output
        assert snapshot() == before
        output = purge()
        assert "kit_declarations: 6 row(s) changed" in output
        assert "kit_declarations: 0 row(s) changed" in purge()  # idempotent

    check_figures(dataset)  # same declarations, people, downloads, medians, départements
    anonymised = ActionDeclaration.objects.filter(kit__in=[dataset["a"], dataset["b"]], name="—")
    assert anonymised.count() == 6
    for declaration in anonymised:
        assert declaration.email == f"deleted-{declaration.pk}@invalid"
        assert declaration.organisation == ""
        assert declaration.emails_opt_out
        assert declaration.token.startswith("anon-")
    assert not ActionDeclaration.objects.filter(email_hash=email_hash("a@example.org")).exists()
    recent.refresh_from_db()
    assert recent.email == "recent@example.org"
    assert ActionDeclaration.objects.filter(email_hash=email_hash("both@example.org")).count() == 2


def test_old_tokens_stop_working_after_anonymisation(dataset, client):
    declaration = ActionDeclaration.objects.filter(kit=dataset["a"]).first()
    url = dataset["a"].url + dataset["a"].reverse_subpage("my_action", args=(declaration.token,))
    assert client.get(url).status_code == 200
    with time_machine.travel(AFTER_RETENTION, tick=False):
        purge()
    assert client.get(url).status_code == 404


@pytest.fixture
def sessions(make_event):  # noqa: F811
    now = datetime.datetime(2026, 3, 1, 10, tzinfo=PARIS)
    with time_machine.travel(now, tick=False):
        old = make_event(
            title="Petit Déj 2023",
            slug="petit-dej-2023",
            start=now - datetime.timedelta(days=800),
            end=now - datetime.timedelta(days=800) + datetime.timedelta(hours=2),
        )
        last_year = make_event(
            title="Petit Déj 2024",
            slug="petit-dej-2024",
            start=now - datetime.timedelta(days=400),
            end=now - datetime.timedelta(days=400) + datetime.timedelta(hours=2),
        )
        upcoming = make_event(
            title="Petit Déj à venir",
            slug="petit-dej-a-venir",
            start=now + datetime.timedelta(days=20),
            end=now + datetime.timedelta(days=20, hours=2),
        )
    return now, old, last_year, upcoming


def test_registrations_are_anonymised_after_the_session_and_unconfirmed_guests_deleted(sessions):
    now, old, last_year, upcoming = sessions
    confirmed = Registration.Status.CONFIRMED
    old_member = RegistrationFactory(event=old, status=confirmed, attended=True, name="Ada", email="ada@example.org")
    old_guest = RegistrationFactory(event=last_year, status=confirmed, attended=True, email="guest@example.org")
    recent = RegistrationFactory(event=upcoming, status=confirmed, email="keep@example.org")
    with time_machine.travel(now - datetime.timedelta(days=8), tick=False):
        stale = RegistrationFactory(event=upcoming, status=Registration.Status.UNCONFIRMED, email="late@example.org")
    with time_machine.travel(now - datetime.timedelta(days=2), tick=False):
        fresh = RegistrationFactory(event=upcoming, status=Registration.Status.UNCONFIRMED, email="new@example.org")
    attended_before = Registration.objects.filter(attended=True).count()

    with time_machine.travel(now, tick=False):
        assert "unconfirmed_guest_registrations: 1 row(s) would change" in purge("--dry-run")
        assert Registration.objects.filter(pk=stale.pk).exists()
        assert Registration.objects.get(pk=old_member.pk).name == "Ada"
        purge()
        assert "total: 0 row(s) changed" in purge()

    old_member.refresh_from_db()
    old_guest.refresh_from_db()
    assert (old_member.name, old_member.email, old_member.user_id) == ("—", f"deleted-{old_member.pk}@invalid", None)
    assert old_guest.email == f"deleted-{old_guest.pk}@invalid"  # guests: one year, as their form says
    assert old_member.attended and old_member.status == confirmed  # attendance figures stay
    assert Registration.objects.filter(attended=True).count() == attended_before
    assert not Registration.objects.filter(pk=stale.pk).exists()
    assert Registration.objects.filter(pk__in=[fresh.pk, recent.pk]).count() == 2


def test_run_daily_runs_the_purge(dataset):
    out = StringIO()
    with time_machine.travel(AFTER_RETENTION, tick=False):
        call_command("run_daily", stdout=out)
    assert "personal data:" in out.getvalue()
    assert ActionDeclaration.objects.filter(kit=dataset["a"], name="—").count() == 4
