"""Restore drill: back up the test database and media, encrypted with GPG, restore them
into a new database, and check that the restored site serves the same pages."""

import json
import os
import shutil
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


GPG_RECIPIENT = "restore-drill@relais.invalid"
GPG_PASSPHRASE = "drill passphrase"


def gpg_home(tmp_path):
    """A keyring holding one passphrase-protected key, as an operator's restore machine does."""
    if not shutil.which("gpg"):
        pytest.skip("needs GnuPG (Debian's gpg) for encrypted backups")
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    subprocess.run(  # noqa: S603
        [
            "gpg",
            "--batch",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            GPG_PASSPHRASE,  # noqa: S607
            "--quick-gen-key",
            GPG_RECIPIENT,
            "future-default",
            "default",
            "never",
        ],
        env={**os.environ, "GNUPGHOME": str(home)},
        check=True,
        capture_output=True,
        timeout=COMMAND_SECONDS,
    )
    return home


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
    base_env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        BACKUP_DIR=str(tmp_path / "backups"),
        GNUPGHOME=str(gpg_home(tmp_path)),
        BACKUP_GPG_RECIPIENT=GPG_RECIPIENT,
        BACKUP_GPG_PASSPHRASE=GPG_PASSPHRASE,
    )
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
        name = run(source_env, "backup").split()[-1]
        files = {path.name: path for path in (tmp_path / "backups").iterdir()}
        assert sorted(files) == [
            f"{name}-default.dump.gz.gpg",
            f"{name}-default.dump.gz.gpg.metadata",
            f"{name}-documents.tar.gz.gpg",  # kit materials
            f"{name}-media.tar.gz.gpg",
        ]
        for filename, path in files.items():
            if not filename.endswith(".metadata"):
                assert path.read_bytes()[:2] != b"\x1f\x8b", f"{filename} is a readable gzip: not encrypted"
                assert document.file.open("rb").read() not in path.read_bytes()

        run(drill_env, "restore", name, "--yes")
        after = snapshot(drill_env)
    finally:
        admin_sql(f'DROP DATABASE IF EXISTS "{drill_name}" WITH (FORCE)')

    assert after["page_count"] == before["page_count"] > 10
    restored = tmp_path / "restored-private-media" / document.file.name
    assert restored.read_bytes() == document.file.open("rb").read(), "kit materials are restored with the database"
    for path in PAGES:
        assert after["pages"][path][0] == before["pages"][path][0] == 200, path
        assert after["pages"][path][1] == before["pages"][path][1], path


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_unencrypted_backup_round_trip_on_the_embedded_database(tmp_path):
    """What a fresh machine does: SQLite, no key. The restored database has every table and row."""
    source = tmp_path / "source.sqlite3"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "BACKUP_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=f"sqlite:///{source}",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        BACKUP_DIR=str(tmp_path / "backups"),
    )
    run(env, "migrate", "--no-input", "-v0")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "affiche.pdf").write_bytes(b"%PDF-1.4 affiche")
    name = run(env, "backup").split()[-1]

    restored = {**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.sqlite3'}"}
    restored["PRIVATE_MEDIA_ROOT"] = str(tmp_path / "restored-private")
    run(restored, "restore", name, "--yes")
    count = "from django.db.migrations.recorder import MigrationRecorder as M; print(M.Migration.objects.count())"
    assert run(restored, "shell", "-c", count).split()[-1] == run(env, "shell", "-c", count).split()[-1]
    assert (tmp_path / "restored-private" / "affiche.pdf").read_bytes() == b"%PDF-1.4 affiche"


def test_restoring_an_unknown_backup_says_which_and_how_to_list_them(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "BACKUP_"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", BACKUP_DIR=str(tmp_path))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "restore", "relais-1999-01-01-000000", "--yes"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_SECONDS,
    )
    assert result.returncode == 1
    assert "relais-1999-01-01-000000" in result.stderr and "listbackups" in result.stderr
