"""The registration rush (`make rush`): 3 minutes of mixed traffic on gunicorn with
production settings while 500 members register for a 50-seat session within a minute.
Then the check: no server error, and exact seat counts (50 confirmed, 450 waiting with
positions 1…450, nobody twice).

Needs PostgreSQL (SQLite serialises writers): DATABASE_URL=postgres://… python scripts/rush/run.py
Options: --members 500 --seats 50 --run-time 3m --workers 2"""

import argparse
import csv
import json
import os
import re
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench import BENCH, environment, free_port, setup_django, start_gunicorn  # noqa: E402


def prepare(members, seats):
    """A session open to guests with `seats` seats, `members` approved members signed in."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from community.associations.models import Association
    from community.members.models import MemberProfile
    from events.factories import EventPageFactory
    from events.models import EventIndexPage
    from kits.models import KitPage

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    stamp = timezone.now().strftime("%Y%m%d%H%M%S")
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event = EventPageFactory.build(
        title=f"Petit Déj de la ruée {stamp}",
        slug=f"ruee-{stamp}",
        start=timezone.now() + timedelta(days=15),
        capacity=seats,
        open_to_guests=True,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    association = Association.objects.get_or_create(name="Association de la ruée", slug="association-de-la-ruee")[0]
    sessions = []
    for n in range(members):
        email = f"ruee-{stamp}-{n}@example.org"
        user = get_user_model().objects.create_user(username=email, email=email, first_name="Ruée", last_name=str(n))
        MemberProfile.objects.create(user=user, association=association, status=MemberProfile.Status.APPROVED)
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies["sessionid"].value)
    kits = [kit.url for kit in KitPage.objects.live().filter(locale__language_code="fr")[:50]]
    planned = (timezone.localdate() + timedelta(days=30)).isoformat()
    return {"event_id": event.pk, "event_path": event.url, "kits": kits, "planned_date": planned, "sessions": sessions}


SERVER_ERROR = re.compile(r"\b5\d\d Server Error|ConnectionError|RemoteDisconnected")


def read_failures(prefix):
    """locust's failures table: every answer ≥ 400 and every broken connection."""
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with open(path) as handle:
        return list(csv.DictReader(handle))


def report_cache_hits(path):
    """The anonymous page cache's hit rate: over the run, while the registrations come in
    (first to last registration), and per page."""
    if not path.exists():
        print("anonymous hit rate: no figures (locust wrote none)")  # noqa: T201
        return
    found = json.loads(path.read_text())
    answers, registrations = found["answers"], found["registrations"]

    def rate(rows):
        hits = sum(1 for row in rows if row[2] == "HIT")
        return f"{hits / len(rows):.1%} of {len(rows)}" if rows else "no requests"

    print(f"anonymous hit rate, whole run: {rate(answers)}")  # noqa: T201
    if registrations:  # locust starts the registrants (fixed_count) before the others
        start, end = min(registrations), max(registrations)
        during = [row for row in answers if start <= row[0] <= end]
        print(f"anonymous hit rate while members register ({end - start:.0f} s): {rate(during)}")  # noqa: T201
        after = [row for row in answers if row[0] > end]
        print(f"anonymous hit rate after the registrations: {rate(after)}")  # noqa: T201
    for name in sorted({row[1] for row in answers}):
        print(f"  {name}: {rate([row for row in answers if row[1] == name])}")  # noqa: T201


def check_seats(plan):
    from events.models import EventPage

    event = EventPage.objects.get(pk=plan["event_id"])
    registrations = event.registrations.all()
    confirmed = registrations.filter(status="confirmed").count()
    positions = sorted(registrations.filter(status="waiting").values_list("waiting_position", flat=True))
    users = list(registrations.values_list("user_id", flat=True))
    print(f"seats: {confirmed} confirmed / capacity {event.capacity}; {len(positions)} waiting")  # noqa: T201
    return (
        confirmed == min(event.capacity, len(plan["sessions"]))
        and positions == list(range(1, len(positions) + 1))
        and confirmed + len(positions) == len(plan["sessions"])
        and len(users) == len(set(users))
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--run-time", default="3m")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("The rush needs PostgreSQL: set DATABASE_URL=postgres://…")
    BENCH.mkdir(exist_ok=True)
    env = environment()
    env["SECRET_KEY"] = secrets.token_urlsafe(50)  # the same key signs the prepared sessions
    env["TRUSTED_PROXY_COUNT"] = "1"  # locust sends each visitor's address in X-Forwarded-For
    setup_django(env)
    plan = prepare(args.members, args.seats)
    plan_file = BENCH / "rush-plan.json"
    plan_file.write_text(json.dumps(plan))
    (BENCH / "rush-cache.json").unlink(missing_ok=True)
    port = free_port()
    server = start_gunicorn(env, port, args.workers)
    prefix = str(BENCH / "rush")
    other_users = max(args.members // 10, 20)
    try:
        subprocess.run(  # noqa: S603
            [
                str(Path(sys.executable).parent / "locust"),
                "-f",
                str(ROOT / "scripts" / "rush" / "locustfile.py"),
                "--headless",
                f"--users={args.members + other_users}",
                f"--spawn-rate={(args.members + other_users) / 60:.1f}",
                f"--run-time={args.run_time}",
                f"--host=http://127.0.0.1:{port}",
                f"--csv={prefix}",
                "--only-summary",
                "--loglevel=WARNING",
            ],
            env=dict(os.environ, RUSH_PLAN=str(plan_file)),
            check=False,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    failures = read_failures(prefix)
    server_errors = sum(int(f["Occurrences"]) for f in failures if SERVER_ERROR.search(f["Error"]))
    for failure in failures:
        print(f"refused: {failure['Method']} {failure['Name']}: {failure['Error']} × {failure['Occurrences']}")  # noqa: T201
    report_cache_hits(BENCH / "rush-cache.json")
    seats_ok = check_seats(plan)
    print(f"server errors: {server_errors}")  # noqa: T201
    print("OK" if seats_ok and server_errors == 0 else "FAILED")  # noqa: T201
    return 0 if seats_ok and server_errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
