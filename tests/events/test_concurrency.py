"""Seats under contention, on PostgreSQL with real threads: the event's row lock makes
registrations and cancellations queue up, so seats are never over- or under-filled."""

import random
import threading
from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from wagtail.models import Locale

from community.associations.models import Association
from community.members.models import MemberProfile
from events import services
from events.models import EventIndexPage, EventPage, Registration

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def empty_event(settings):
    """An event of 10 seats under the skeleton's events index (serialized_rollback brings the
    skeleton back for transactional tests: tests/skeleton.py)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    locale = Locale.objects.get(language_code="fr")
    index = EventIndexPage.objects.get(locale=locale)
    start = timezone.now() + timedelta(days=10)
    event = index.add_child(
        instance=EventPage(
            title="Petit Déj sous tension",
            slug="tension",
            start=start,
            end=start + timedelta(minutes=90),
            capacity=10,
            locale=locale,
        )
    )
    return event


def make_members(count):
    association = Association.objects.get_or_create(name="Association sous tension", slug="sous-tension")[0]
    users = []
    for n in range(count):
        email = f"tension{n}@example.org"
        user = get_user_model().objects.create_user(username=email, email=email)
        MemberProfile.objects.create(user=user, association=association, status=MemberProfile.Status.APPROVED)
        users.append(user)
    return users


def run_in_threads(jobs):
    """Start every job at once (a barrier), each in its own thread and DB connection."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def wrap(job):
        try:
            barrier.wait()
            job()
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=wrap, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


def test_forty_members_for_ten_seats(empty_event):
    users = make_members(40)
    run_in_threads([lambda user=user: services.register_member(empty_event, user) for user in users])
    registrations = Registration.objects.filter(event=empty_event)
    assert registrations.count() == 40
    assert registrations.filter(status="confirmed").count() == 10
    positions = sorted(registrations.filter(status="waiting").values_list("waiting_position", flat=True))
    assert positions == list(range(1, 31))


def test_cancellations_racing_registrations_never_leave_a_seat_free_while_someone_waits(empty_event):
    users = make_members(40)
    for user in users[:20]:  # 10 confirmed, 10 waiting
        services.register_member(empty_event, user)
    confirmed = list(Registration.objects.filter(event=empty_event, status="confirmed"))
    jobs = [lambda r=r: services.cancel(r) for r in confirmed[:6]]
    jobs += [lambda user=user: services.register_member(empty_event, user) for user in users[20:]]
    random.shuffle(jobs)
    run_in_threads(jobs)
    registrations = Registration.objects.filter(event=empty_event)
    assert registrations.filter(status="cancelled").count() == 6
    assert registrations.filter(status="confirmed").count() == 10  # every freed seat went to someone waiting
    positions = sorted(registrations.filter(status="waiting").values_list("waiting_position", flat=True))
    assert positions == list(range(1, 25))  # 40 - 6 cancelled - 10 seated, numbered without gaps
    assert EventPage.objects.get(pk=empty_event.pk).capacity == 10
