"""Retention: the latest 30 backups, and the first-of-the-month ones for 12 months."""

import os
import subprocess
import sys
from datetime import UTC, datetime

from core.backup_retention import monthly_keeper
from tests.deploy_helpers import COMMAND_SECONDS, ROOT

NOW = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)


def test_the_monthly_keeper_keeps_the_first_of_the_month_for_a_year():
    keep = monthly_keeper(12, now=NOW)
    assert keep("relais-2026-12-01-030000-default.dump.gz.gpg")
    assert keep("relais-2026-01-01-030000-media.tar.gz")
    assert not keep("relais-2026-11-30-030000-default.dump.gz.gpg"), "not the first of a month"
    assert not keep("relais-2025-11-01-030000-default.dump.gz"), "older than twelve months"
    assert not keep("somebody-elses-file.txt")


def test_a_backup_drops_what_retention_does_not_keep(tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    older = ["2026-11-28-030000", "2026-11-29-030000", "2026-11-01-030000", "2026-10-15-030000"]
    for stamp in older:
        for part in ("default.dump.gz", "media.tar.gz", "documents.tar.gz"):
            (backups / f"relais-{stamp}-{part}").write_bytes(b"old")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "BACKUP_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        BACKUP_DIR=str(backups),
        BACKUP_KEEP_DAILY="2",
    )
    for args in (["migrate", "--no-input", "-v0"], ["backup"]):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_SECONDS,
        )
        assert result.returncode == 0, result.stderr
    kept = sorted({"-".join(name.split("-")[1:5]) for name in os.listdir(backups)})
    new = datetime.now(UTC).strftime("%Y-%m-%d")
    assert [stamp for stamp in kept if not stamp.startswith(new)] == ["2026-11-01-030000", "2026-11-29-030000"]
    for part in ("default.dump.gz", "media.tar.gz", "documents.tar.gz"):
        assert len([name for name in os.listdir(backups) if name.endswith(part)]) == 3, part  # 2 latest + 1 monthly
