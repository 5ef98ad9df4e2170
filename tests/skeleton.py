"""The database every test starts from: what migrations create plus the site's skeleton
(`load_demo --skeleton`: home and information pages, section index pages, themes, in French
and English). No sample content: each test builds what it needs with the factories.

Tests that commit (transactional tests, browser tests through the live server, the demo
tests) leave the database changed or, for transactional ones, emptied by Django's flush. The
skeleton is saved once, serialized, and put back after them, so the order of the tests never
matters (docs/traps.md)."""

import os
import time

from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import OperationalError, connections, router
from django.db.migrations.loader import MigrationLoader

from core import locale_cache

_saved = {}  # alias → the serialized skeleton


def build():
    call_command("load_demo", "--skeleton", stdout=open(os.devnull, "w"))  # noqa: SIM115
    for connection in connections.all():
        _saved[connection.alias] = serialize(connection)
        _remember(connection)


def serialize(connection):
    """Every row, as Django's `serialize_db_to_string()` would write them, except that it also
    keeps the models of an app without a `models` module: Django skips those, and the
    community apps keep their models under the "community" label, which has none."""
    loader = MigrationLoader(connection)
    models = [
        model
        for model in apps.get_models()
        if model._meta.app_label in loader.migrated_apps
        and model._meta.can_migrate(connection)
        and router.allow_migrate_model(connection.alias, model)
    ]
    rows = (
        row
        for model in models
        for row in model._base_manager.using(connection.alias).order_by(model._meta.pk.name).iterator()
    )
    return serializers.serialize("json", rows)


def _remember(connection):
    # serialized_rollback=True restores this, rather than the bare migrated database. Kept
    # on each connection object, which may be a new one (Playwright's greenlets).
    connection._test_serialized_contents = _saved[connection.alias]


def restore():
    """Empty every table, then load the saved skeleton back, primary keys included."""
    for connection in connections.all():
        _flush(connection)
        connection.creation.deserialize_db_from_string(_saved[connection.alias])
        _remember(connection)
    locale_cache.forget()


def _flush(connection, attempts=5):
    """Empty every table. A request the browser sent as the test ended (an autosave, the live
    quality panel) may still hold locks in the live server's thread: PostgreSQL then breaks
    the deadlock by failing our TRUNCATE, which is retried once that request is done."""
    for attempt in range(attempts):
        try:
            # No post_migrate: the saved state holds the content types and permissions already.
            call_command(
                "flush",
                interactive=False,
                database=connection.alias,
                inhibit_post_migrate=True,
                reset_sequences=False,  # the ids restored below must not be handed out again
                verbosity=0,
            )
            return
        except CommandError as error:
            if not isinstance(error.__cause__, OperationalError) or attempt == attempts - 1:
                raise
            time.sleep(1 + attempt)


def commits(item):
    """Whether a test writes outside a rolled-back transaction."""
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (len(marker.args) > 0 and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))
