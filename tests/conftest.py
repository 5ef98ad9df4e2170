"""Test-wide fixtures: every test starts from the site's skeleton (tests/skeleton.py) and
builds its own content; the order of the tests does not matter (pytest-randomly shuffles it)."""

import os

import pytest
from pytest_django.plugin import blocking_manager_key

from django.db import connection
from django.test.utils import setup_databases, teardown_databases

from tests import skeleton

# Playwright's sync API runs an event loop in the test thread (docs/traps.md).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if connection.vendor == "postgresql":
        return
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        raise pytest.UsageError("REQUIRE_POSTGRES=1 but DATABASE_URL does not point to PostgreSQL")
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://…"))


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_keepdb, django_db_createdb):
    """pytest-django's, except that the test database is always created: its own creates it
    only when a collected test asks for `db`, so a run of browser tests alone would reach the
    development database. Then the skeleton (tests/skeleton.py)."""
    keepdb = django_db_keepdb and not django_db_createdb
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        databases = setup_databases(verbosity=verbosity, interactive=False, keepdb=keepdb, aliases={"default"})
        skeleton.build()
    yield
    if not keepdb:
        with django_db_blocker.unblock():
            _end_other_sessions()
            teardown_databases(databases, verbosity=verbosity)


def _end_other_sessions():
    """A live server's threads may still hold a connection to the test database, and
    PostgreSQL refuses to drop a database "being accessed by other users"."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that committed, or the last test of a browser module, the skeleton again."""
    result = yield
    if nextitem is None:
        return result  # the test database is gone already
    browser_module_ends = item.get_closest_marker("browser") and nextitem.module != item.module
    if skeleton.commits(item) or browser_module_ends:
        with item.config.stash[blocking_manager_key].unblock():
            skeleton.restore()
    return result


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
