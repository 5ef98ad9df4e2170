"""Backups of the database and the uploaded files, and their restoration.

PostgreSQL is dumped with pg_dump (custom format, restorable with pg_restore);
SQLite with its online backup API. Public and private media files go in two
tar.gz archives beside the dump."""

import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from core.paths import private_media_root

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
    for name, root in _file_roots().items():
        with tarfile.open(folder / f"{name}.tar.gz", "w:gz") as archive:
            if root.exists():
                archive.add(root, arcname=name)
    return folder


def _file_roots():
    """Public media (images) and private media (documents), archived separately."""
    return {"media": Path(settings.MEDIA_ROOT), "private-media": private_media_root()}


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
        # Through SQLite's backup API, not a file copy: the database runs in WAL mode, and a
        # copied file would be mixed with the old one's -wal file.
        connection.close()
        with sqlite3.connect(dump) as source, sqlite3.connect(db["NAME"]) as target:
            source.backup(target)
    for name, root in _file_roots().items():
        archive_path = folder / f"{name}.tar.gz"
        if not archive_path.exists():
            continue
        with tempfile.TemporaryDirectory(dir=root.parent if root.parent.exists() else None) as staging:
            with tarfile.open(archive_path) as archive:
                archive.extractall(staging, filter="data")
            if root.exists():
                shutil.rmtree(root)
            root.parent.mkdir(parents=True, exist_ok=True)
            extracted = Path(staging) / name
            if extracted.exists():
                shutil.move(str(extracted), root)
            else:
                root.mkdir()
