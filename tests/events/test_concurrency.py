"""Seats under contention, on PostgreSQL with real threads: the event's row lock makes
registrations and cancellations queue up, so seats are never over- or under-filled."""

import os
import random
import threading
from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from wagtail.models import Locale, Page

from community.associations.models import Association
from community.members.models import MemberProfile
from events import services
from events.models import EventIndexPage, EventPage, Registration

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="module", autouse=True)
def reload_demo_afterwards(django_db_blocker):
    """A transactional test empties the database when it ends (TRAPS.md); serialized_rollback
    brings back what migrations created, and the demo content is loaded again for the tests
    that follow (browser tests among them)."""
    yield
    with django_db_blocker.unblock():
        # Django restores the serialized state at the start of the next such test, not at the end.
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def empty_event(settings):
    """Transactional tests start from an empty database (TRAPS.md): build what we need."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    locale = Locale.objects.get_or_create(language_code="fr")[0]
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    from home.models import HomePage

    home = root.add_child(instance=HomePage(title="Accueil", slug="accueil-concurrence", hero_title="x", locale=locale))
    index = home.add_child(instance=EventIndexPage(title="Événements", slug="evenements", locale=locale))
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
