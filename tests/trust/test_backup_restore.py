"""Restore drill: back up the test database and media, restore them into a new
database, and check that the restored site serves the same pages."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings
from django.db import connection

from kits.factories import KitDocumentFactory
from tests.deploy_helpers import COMMAND_SECONDS

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/", "/en/", "/a-propos/", "/en/about/", "/kits/", "/evenements/", "/sitemap.xml"]
SNAPSHOT = """
import json
from django.test import Client
from wagtail.models import Page
client = Client()
pages = {path: [client.get(path).status_code, client.get(path).content.decode()] for path in %r}
print(json.dumps({"pages": pages, "page_count": Page.objects.count()}))
"""


def run(env, *args):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=COMMAND_SECONDS
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def database_url(name):
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def snapshot(env):
    output = run(env, "shell", "-c", SNAPSHOT % PAGES)
    return json.loads(output.strip().splitlines()[-1])


def admin_sql(statement):
    """CREATE/DROP DATABASE cannot run inside the test's transaction: own connection."""
    import psycopg

    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        dbname="postgres",
        password=db["PASSWORD"] or None,
        autocommit=True,
    ) as admin:
        admin.execute(statement)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the backup command reads the database from outside
def test_backup_restores_into_a_new_database_that_serves_the_same_pages(tmp_path):
    source_name = connection.settings_dict["NAME"]
    drill_name = f"relais_restore_drill_{os.getpid()}"
    base_env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    base_env.update(DJANGO_SETTINGS_MODULE="config.settings.test", MEDIA_ROOT=str(settings.MEDIA_ROOT))
    source_env = {**base_env, "DATABASE_URL": database_url(source_name)}
    drill_env = {
        **base_env,
        "DATABASE_URL": database_url(drill_name),
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-private-media"),
    }

    admin_sql(f'DROP DATABASE IF EXISTS "{drill_name}"')
    admin_sql(f'CREATE DATABASE "{drill_name}"')
    document = KitDocumentFactory(title="Affiche de la sauvegarde")  # a kit material, on disk and in the database
    try:
        before = snapshot(source_env)
        run(source_env, "backup", "--to", str(tmp_path / "backups"))
        (backup_folder,) = (tmp_path / "backups").iterdir()
        assert (backup_folder / "database.dump").stat().st_size > 0
        assert (backup_folder / "media.tar.gz").exists()
        assert (backup_folder / "private-media.tar.gz").stat().st_size > 0  # kit materials

        run(drill_env, "restore", str(backup_folder), "--yes")
        after = snapshot(drill_env)
    finally:
        admin_sql(f'DROP DATABASE IF EXISTS "{drill_name}" WITH (FORCE)')

    assert after["page_count"] == before["page_count"] > 10
    restored = tmp_path / "restored-private-media" / document.file.name
    assert restored.read_bytes() == document.file.open("rb").read(), "kit materials are restored with the database"
    for path in PAGES:
        assert after["pages"][path][0] == before["pages"][path][0] == 200, path
        assert after["pages"][path][1] == before["pages"][path][1], path
