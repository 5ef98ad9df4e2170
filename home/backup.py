"""Backups of the database and the uploaded files, and their restoration.

PostgreSQL is dumped with pg_dump (custom format, restorable with pg_restore);
SQLite with its online backup API. Media files go in a tar.gz beside the dump."""

import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

DUMP_SUFFIX = {"postgresql": ".dump", "sqlite": ".sqlite3"}


def _pg_env_and_args(db):
    env = {"PGPASSWORD": str(db.get("PASSWORD") or "")}
    args = ["-h", db.get("HOST") or "localhost", "-p", str(db.get("PORT") or 5432), "-U", db.get("USER") or "postgres"]
    return env, args


def backup(destination):
    """Write <destination>/relais-<timestamp>.{dump,sqlite3} and media.tar.gz; return the paths."""
    destination = Path(destination)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = destination / f"relais-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    db = settings.DATABASES["default"]
    vendor = connection.vendor
    dump = folder / f"database{DUMP_SUFFIX[vendor]}"
    if vendor == "postgresql":
        env, args = _pg_env_and_args(db)
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), *args, db["NAME"]],
            env={**env, "PATH": "/usr/bin:/bin"},
            check=True,
        )
    else:
        with sqlite3.connect(db["NAME"]) as source, sqlite3.connect(dump) as target:
            source.backup(target)
    media = folder / "media.tar.gz"
    with tarfile.open(media, "w:gz") as archive:
        if Path(settings.MEDIA_ROOT).exists():
            archive.add(settings.MEDIA_ROOT, arcname="media")
    return folder


def restore(folder):
    """Replace the current database and media with those of a backup folder."""
    folder = Path(folder)
    db = settings.DATABASES["default"]
    vendor = connection.vendor
    dump = folder / f"database{DUMP_SUFFIX[vendor]}"
    if not dump.exists():
        raise FileNotFoundError(f"{dump} is missing: was this backup made from a {vendor} database?")
    connection.close()
    if vendor == "postgresql":
        env, args = _pg_env_and_args(db)
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", "-d", db["NAME"]]
        subprocess.run(
            [*command, *args, str(dump)],
            env={**env, "PATH": "/usr/bin:/bin"},
            check=True,
        )
    else:
        shutil.copyfile(dump, db["NAME"])
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar.gz") as archive:
        if media_root.exists():
            shutil.rmtree(media_root)
        media_root.parent.mkdir(parents=True, exist_ok=True)
        archive.extractall(media_root.parent, filter="data")
        extracted = media_root.parent / "media"
        if extracted != media_root and extracted.exists():
            extracted.rename(media_root)
