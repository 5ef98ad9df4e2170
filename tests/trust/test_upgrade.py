"""An existing database upgrades with plain `migrate` and loses nothing.

The site is built on PostgreSQL by the code as it was before the community apps and
`core/` were split out (UPGRADE_FROM, taken from this repository's history), with its
demo content. Then this code migrates that database: every page of its sitemap still
answers 200, and the rows people created are all there."""

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pytest

from tests.deploy_helpers import COMMAND_SECONDS
from tests.trust.test_backup_restore import admin_sql, database_url

ROOT = Path(__file__).resolve().parents[2]
# The last commit before the architecture change: the layout an existing site runs.
UPGRADE_FROM = "96dc2ca55597236fa3c2ea77fc7813afb5b083f1"
COUNTS = """
import json
from django.apps import apps
models = ["kits.KitPage", "kits.ActionDeclaration", "kits.KitDownload", "events.EventPage", "events.Registration",
          "community.Testimonial", "community.MemberProfile", "community.Association", "community.ArticlePage",
          "django_comments_xtd.XtdComment", "wagtailcore.Page", "auth.Group", "auth.Permission"]
print(json.dumps({name: apps.get_model(name).objects.count() for name in models}))
"""
SITEMAP = """
import json, re
from urllib.parse import urlsplit
from django.test import Client
client = Client()
sitemap = client.get("/sitemap.xml").content.decode()
paths = sorted({urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)})
print(json.dumps({path: client.get(path).status_code for path in paths}))
"""

pytestmark = [pytest.mark.postgres]


def manage(cwd, env, *args):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=COMMAND_SECONDS
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} in {cwd}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def last_json(output):
    return json.loads(output.strip().splitlines()[-1])


def old_code(destination):
    """The tree at UPGRADE_FROM, unpacked from this repository's own history."""
    archive = subprocess.run(  # noqa: S603
        ["git", "archive", "--format=tar", UPGRADE_FROM],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        timeout=COMMAND_SECONDS,
    )
    assert archive.returncode == 0, f"this clone lacks commit {UPGRADE_FROM}: {archive.stderr.decode()}"
    tar_path = destination / "old.tar"
    tar_path.write_bytes(archive.stdout)
    with tarfile.open(tar_path) as tar:
        tar.extractall(destination / "old", filter="data")
    return destination / "old"


def test_an_existing_site_upgrades_with_migrate_alone():
    name = f"relais_upgrade_{os.getpid()}"
    admin_sql(f"DROP DATABASE IF EXISTS {name}")
    admin_sql(f"CREATE DATABASE {name}")
    try:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            env = {
                key: value for key, value in os.environ.items() if not key.startswith(("REQUIRE_", "DJANGO_", "PYTEST"))
            }
            env.update(
                DJANGO_SETTINGS_MODULE="config.settings.dev",
                DATABASE_URL=database_url(name),
                MEDIA_ROOT=str(folder / "media"),
                PRIVATE_MEDIA_ROOT=str(folder / "private"),
                EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
                DJANGO_SUPERUSER_PASSWORD="upgrade-test-password",
            )
            env.pop("REDIS_URL", None)
            old = old_code(folder)
            manage(old, env, "migrate", "--no-input")
            manage(old, env, "load_demo")
            before = last_json(manage(old, env, "shell", "-c", COUNTS))
            assert before["kits.KitPage"] and before["community.Testimonial"] and before["kits.ActionDeclaration"]

            manage(ROOT, env, "migrate", "--no-input")
            after = last_json(manage(ROOT, env, "shell", "-c", COUNTS))
            statuses = last_json(manage(ROOT, env, "shell", "-c", SITEMAP))
    finally:
        admin_sql(f"DROP DATABASE IF EXISTS {name}")
    # New models bring their own permissions (add, change, delete, view) and new roles their
    # groups (Site administrators, Protection des données); nothing else moves.
    assert after.pop("auth.Permission") >= before.pop("auth.Permission")
    assert after.pop("auth.Group") >= before.pop("auth.Group")
    assert after == before
    assert len(statuses) > 20
    assert {path: status for path, status in statuses.items() if status != 200} == {}
