"""Test-wide fixtures: the demo content is loaded once per session, so every test
starts from the site a visitor would see; browser tests run last."""

import os

import pytest

from django.core.management import call_command
from django.db import connection

# Playwright's sync API runs an event loop in the test thread (TRAPS.md).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    # Browser tests commit what they do (the live server sees it): keep them last.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
    if connection.vendor == "postgresql":
        return
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        raise pytest.UsageError("REQUIRE_POSTGRES=1 but DATABASE_URL does not point to PostgreSQL")
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://…"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def demo_home(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached fragments must not leak from one test to the next."""
    from django.core.cache import cache

    from core import locale_cache

    cache.clear()
    locale_cache.forget()  # a transactional test may have rebuilt the locales
    yield
