"""Benchmark of the kit indicators (not a test): seeds 100,000 declarations and 300,000
downloads over 300 kits with bulk_create, then times the report page and every export.

Usage (a throw-away database, never the development one):
    python scripts/bench_indicators.py                      # SQLite in /tmp/relais-bench.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/relais_bench python scripts/bench_indicators.py
Options: --declarations N --downloads N --kits N --repeat N"""

import argparse
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/relais-bench.sqlite3")


def seed(kits_count, declarations_count, downloads_count):
    from django.db import connection, transaction

    from wagtail.models import Page

    from core.territories import DEPARTEMENTS
    from kits.factories import KitPageFactory
    from kits.models import ActionDeclaration, KitDownload
    from kits.models.declarations import email_hash

    rng = random.Random(5)  # noqa: S311 (reproducible data, not secrets)
    root = Page.get_first_root_node()
    kits = list(root.get_children().type(Page).filter(slug__startswith="bench-kit-").specific())
    for n in range(len(kits), kits_count):
        kits.append(KitPageFactory(parent=root, title=f"Bench kit {n}", slug=f"bench-kit-{n}"))
    codes = list(DEPARTEMENTS)
    paris = ZoneInfo("Europe/Paris")
    start = date(2024, 1, 1)
    hashes = [email_hash(f"person{n}@example.org") for n in range(declarations_count // 3)]
    if ActionDeclaration.objects.count() == declarations_count and KitDownload.objects.count() == downloads_count:
        return  # already seeded by a previous run
    with transaction.atomic():
        ActionDeclaration.objects.all().delete()
        batch = []
        for n in range(declarations_count):
            created = datetime.combine(start + timedelta(days=rng.randrange(700)), clock(12), tzinfo=paris)
            batch.append(
                ActionDeclaration(
                    kit_id=kits[n % kits_count].pk,
                    name="Bench",
                    email=f"p{n}@example.org",
                    email_hash=hashes[n % len(hashes)] if n % 4 else email_hash(f"p{n}@example.org"),
                    territory=rng.choice(codes),
                    planned_date=created.date() + timedelta(days=n % 97 + 1),
                    audience="general-public",
                    expected_participants=rng.randrange(5, 80),
                    consent_at=created,
                    created_at=created,
                    last_contact_at=created,
                    language="fr",
                    status=rng.choice(["declared"] * 6 + ["reported", "cancelled"]),
                )
            )
        ActionDeclaration.objects.bulk_create(batch, batch_size=5000)
        ids = list(ActionDeclaration.objects.values_list("pk", flat=True))
        downloads = [
            KitDownload(declaration_id=ids[n % len(ids)], downloaded_at=datetime(2024, 6, 1, tzinfo=paris))
            for n in range(downloads_count)
        ]
        KitDownload.objects.bulk_create(downloads, batch_size=10000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give after a bulk load


def timed(client, url, params, repeat):
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url, params)
        if response.streaming:
            b"".join(response.streaming_content)
        else:
            response.content  # noqa: B018
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(f"{url} {params}: HTTP {response.status_code}")
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kits", type=int, default=300)
    parser.add_argument("--declarations", type=int, default=100_000)
    parser.add_argument("--downloads", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    settings.MFA_REQUIRED_FOR_STAFF = False  # the benchmark user signs in with force_login
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    seed(args.kits, args.declarations, args.downloads)
    print(f"{connection.vendor}: seeded in {time.perf_counter() - started:.1f} s")  # noqa: T201

    User = get_user_model()
    user = User.objects.filter(username="bench").first() or User.objects.create_superuser(
        "bench", "bench@example.org", "bench"
    )
    client = Client()
    client.force_login(user)
    url = "/admin/reports/kit-indicators/"
    cases = [("report page", {})]
    cases += [
        (f"export {table} {fmt}", {"table": table, "export": fmt})
        for table in ("kits", "departements", "regions", "months")
        for fmt in ("csv", "xlsx")
    ]
    cases += [("report page, one year", {"start": "2024-01-01", "end": "2024-12-31"})]
    for label, params in cases:
        print(f"{connection.vendor}: {label}: {timed(client, url, params, args.repeat) * 1000:.0f} ms")  # noqa: T201


if __name__ == "__main__":
    main()
