"""Load test of event registration against a running server (gunicorn on PostgreSQL).

    # 1. an event with 50 seats and 200 approved members signed in (writes a plan file)
    DATABASE_URL=postgres://… python scripts/load_registrations.py prepare --plan /tmp/plan.json
    # 2. the server, with the same DATABASE_URL and SECRET_KEY
    gunicorn config.wsgi -w 4 --no-control-socket -b 127.0.0.1:8765
    # 3. 200 registrations at once, then the check in the database
    DATABASE_URL=postgres://… python scripts/load_registrations.py run --plan /tmp/plan.json --base-url http://127.0.0.1:8765

Each request is one member's one-click registration (session cookie, CSRF cookie and
header). Prints status codes, p50/p95/max latency, and the confirmed/waiting counts."""

import argparse
import json
import os
import secrets
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def setup_django():
    import django

    django.setup()


def prepare(args):
    setup_django()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from community.models import Association, MemberProfile
    from events.factories import EventPageFactory
    from events.models import EventIndexPage

    stamp = timezone.now().strftime("%Y%m%d%H%M%S")
    index = EventIndexPage.objects.get(locale__language_code="fr")
    start = timezone.now() + timedelta(days=15)
    event = EventPageFactory.build(
        title=f"Charge {stamp}", slug=f"charge-{stamp}", start=start, capacity=args.seats, open_to_guests=True
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    association = Association.objects.get_or_create(name="Association de charge", slug="association-de-charge")[0]
    sessions = []
    for n in range(args.members):
        email = f"charge-{stamp}-{n}@example.org"
        user = get_user_model().objects.create_user(username=email, email=email, first_name="Charge", last_name=str(n))
        MemberProfile.objects.create(user=user, association=association, status=MemberProfile.Status.APPROVED)
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies["sessionid"].value)
    plan = {"event_id": event.pk, "path": event.url + "inscription/", "sessions": sessions}
    Path(args.plan).write_text(json.dumps(plan))
    print(f"event {event.pk} at {event.url} with {args.seats} seats; {len(sessions)} members signed in")


def register(base_url, path, sessionid, results):
    csrf = secrets.token_hex(16)  # 32 alphanumeric characters: a valid CSRF secret
    request = urllib.request.Request(  # noqa: S310 — our own server, http(s) only
        base_url + path,
        data=b"kind=member",
        method="POST",
        headers={
            "Cookie": f"sessionid={sessionid}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": base_url + path,
        },
    )
    opener = urllib.request.build_opener(NoRedirect)
    started = time.perf_counter()
    try:
        with opener.open(request, timeout=60) as response:  # noqa: S310 — our own server
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except Exception as error:  # noqa: BLE001 — counted as a failure
        status = f"error: {error!r}"
    results.append((status, time.perf_counter() - started))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def run(args):
    plan = json.loads(Path(args.plan).read_text())
    results = []
    threads = [
        threading.Thread(target=register, args=(args.base_url, plan["path"], sessionid, results))
        for sessionid in plan["sessions"]
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(duration for _, duration in results)
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    print(f"{len(results)} requests in {elapsed:.2f} s; statuses: {statuses}")
    p50 = statistics.median(latencies)
    print(f"latency p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")
    server_errors = sum(count for status, count in statuses.items() if not isinstance(status, int) or status >= 500)

    setup_django()
    from events.models import EventPage

    event = EventPage.objects.get(pk=plan["event_id"])
    confirmed = event.registrations.confirmed().count()
    positions = list(event.registrations.waiting().values_list("waiting_position", flat=True))
    print(f"confirmed {confirmed} / capacity {event.capacity}; waiting {len(positions)}")
    ok = (
        confirmed == event.capacity
        and sorted(positions) == list(range(1, len(positions) + 1))
        and confirmed + len(positions) == len(plan["sessions"])
        and server_errors == 0
    )
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    prepare_parser = commands.add_parser("prepare")
    prepare_parser.add_argument("--plan", required=True)
    prepare_parser.add_argument("--seats", type=int, default=50)
    prepare_parser.add_argument("--members", type=int, default=200)
    run_parser = commands.add_parser("run")
    run_parser.add_argument("--plan", required=True)
    run_parser.add_argument("--base-url", default="http://127.0.0.1:8765")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
