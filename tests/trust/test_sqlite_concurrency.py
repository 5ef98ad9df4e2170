"""SQLite, the embedded default, holds concurrent writes: 8 threads declaring actions at
once through the site's own service (a read, then a write, in one transaction) all succeed,
with no "database is locked". It builds its own SQLite file (migrations and the site's
skeleton, whatever database the suite runs on) and runs the threads in a process of their
own, so it runs on PostgreSQL CI too."""

import json
import subprocess
import sys

from tests.deploy_helpers import COMMAND_SECONDS, ROOT

THREADS = 8

SCRIPT = """
import json, threading
from datetime import timedelta
from django.db import connection, connections
from django.utils import timezone
from kits import services
from kits.factories import KitPageFactory
from kits.models import ActionDeclaration, KitIndexPage

assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
journal = connection.cursor().execute("PRAGMA journal_mode").fetchone()[0]
index = KitIndexPage.objects.get(locale__language_code="fr")
kit = KitPageFactory(parent=index, title="Kit concurrent", slug="kit-concurrent")
connection.close()
barrier = threading.Barrier(THREADS)
errors = []

def declare(number):
    try:
        barrier.wait()
        for round in range(3):
            data = {
                "name": f"Personne {number}", "email": f"p{number}-{round}@example.org",
                "organisation": "", "postcode": "75011", "territory": "75",
                "planned_date": timezone.localdate() + timedelta(days=30),
                "audience": "general-public", "expected_participants": 10,
            }
            services.declare(kit, data, "fr")
    except Exception as error:
        errors.append(f"{type(error).__name__}: {error}")
    finally:
        connections.close_all()

threads = [threading.Thread(target=declare, args=(n,)) for n in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
count = ActionDeclaration.objects.filter(kit=kit).count()
print(json.dumps({"journal": journal, "errors": errors, "count": count}))
"""


def manage(env, *args):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=COMMAND_SECONDS
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_eight_threads_write_at_once_without_database_is_locked(tmp_path):
    env = {
        "PATH": f"{sys.prefix}/bin:/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'concurrent.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo", "--skeleton")
    output = manage(env, "shell", "-c", f"THREADS = {THREADS}\n{SCRIPT}")
    outcome = json.loads(output.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["journal"] == "wal"
    assert outcome["count"] == THREADS * 3
