"""Backups of the database and the uploaded files, and their restoration, through
django-dbbackup (its connectors: pg_dump/pg_restore on PostgreSQL, SQLite's backup API).

One backup is three files in the backup storage (`STORAGES["dbbackup"]`: a folder, or an
S3-compatible bucket elsewhere) sharing the name `relais-<date>-<time>`:

    relais-2026-12-03-030000-default.dump.gz.gpg   the database (+ its .metadata)
    relais-2026-12-03-030000-media.tar.gz.gpg      public media (images)
    relais-2026-12-03-030000-documents.tar.gz.gpg  private media (kit materials, pending photos)

`.gpg` when `BACKUP_GPG_RECIPIENT` is set (GPG public-key encryption: the server needs only
the public key; restoring needs the private one). Retention is dbbackup's `--clean`, with the
keep-filter of `core/backup_retention.py`."""

from datetime import UTC, datetime
from pathlib import Path

from dbbackup.management.commands import mediabackup, mediarestore
from dbbackup.storage import get_storage

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection

from core.backup_retention import NAME_PREFIX
from core.paths import private_media_root

# The servername of each archive: in its file name, and what dbbackup's cleanup filters on
# (so that keeping N media archives keeps N of each kind, not N of both together).
PUBLIC_FILES, PRIVATE_FILES = "media", "documents"


class PrivateMediaBackup(mediabackup.Command):
    """dbbackup's media backup, of the private files instead of the default storage."""

    def backup_mediafiles(self):
        self.media_storage = private_files_storage()
        super().backup_mediafiles()


class PrivateMediaRestore(mediarestore.Command):
    """dbbackup's media restore, into the private files instead of the default storage."""

    def _restore_backup(self):
        self.media_storage = private_files_storage()
        super()._restore_backup()


def private_files_storage():
    root = private_media_root()
    root.mkdir(parents=True, exist_ok=True)
    return FileSystemStorage(location=root)


def encrypting():
    return bool(settings.DBBACKUP_GPG_RECIPIENT)


def backup(*, clean=True):
    """Write one backup (database, public and private files); drop the old ones that
    retention does not keep. Return the backup's name."""
    name = f"{NAME_PREFIX}-{datetime.now(UTC).strftime(settings.DBBACKUP_DATE_FORMAT)}"
    suffix = ".gpg" if encrypting() else ""
    common = {"compress": True, "encrypt": encrypting(), "clean": clean, "interactive": False, "verbosity": 0}
    call_command("dbbackup", output_filename=f"{name}-{DEFAULT_DB_ALIAS}.dump.gz{suffix}", **common)
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    # The media commands add ".gpg" to the name themselves; the database one does not.
    call_command("mediabackup", output_filename=f"{name}-{PUBLIC_FILES}.tar.gz", servername=PUBLIC_FILES, **common)
    call_command(
        PrivateMediaBackup(), output_filename=f"{name}-{PRIVATE_FILES}.tar.gz", servername=PRIVATE_FILES, **common
    )
    return name


def backup_files(name):
    """The files of backup `name` in the backup storage: {"database"|"media"|"documents": file}."""
    name = Path(name).name  # `backups/relais-…` (the folder's path, as the README once said) works too
    files = {}
    for filename in get_storage().list_directory():
        if not filename.startswith(f"{name}-") or filename.endswith(".metadata"):
            continue
        part = filename[len(name) + 1 :].split(".", 1)[0]
        kind = {DEFAULT_DB_ALIAS: "database", PUBLIC_FILES: "media", PRIVATE_FILES: "documents"}.get(part)
        if kind:
            files[kind] = filename
    return files


def restore(name, *, passphrase=None):
    """Replace the database with backup `name`'s and put its files back (files added since
    the backup stay, unreferenced). Raise FileNotFoundError when it has no database file."""
    files = backup_files(name)
    if "database" not in files:
        raise FileNotFoundError(f"No backup named {name!r} in the backup storage (manage.py listbackups lists them).")
    connection.close()

    def options(filename):
        return {
            "input_filename": filename,
            "decrypt": filename.endswith(".gpg"),
            "uncompress": ".gz" in filename,
            "passphrase": passphrase,
            "interactive": False,
            "verbosity": 0,
        }

    call_command("dbrestore", database=DEFAULT_DB_ALIAS, **options(files["database"]))
    if "media" in files:
        Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        call_command("mediarestore", replace=True, **options(files["media"]))
    if "documents" in files:
        call_command(PrivateMediaRestore(), replace=True, **options(files["documents"]))
    return files
