"""Benchmark of the site search (not a test): seeds 2,000 pages (kits and sessions with
varied French text), runs gunicorn with the production settings, and measures p50/p95 of
`/recherche/?q=…` with a small threaded HTTP client.

Usage (PostgreSQL, a database of your own; it gets the demo content and the seeded pages):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/relais_search python scripts/bench_search.py
Options: --pages N --requests N --concurrency N --workers N --port N

Testimonials (5,000 in the issue) are not seeded yet: the model is not on this branch.
Once `community.Testimonial` exists, add its seeder to SEEDERS (one line, see the end of seed())."""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

WORDS = (
    "collecte école bénévoles sport santé course solidaire atelier parents enfants sécurité routière "
    "déchets rivière plage quartier commerçants affiches prévention petit-déjeuner maladie recherche "
    "stand marché forum quiz vélo piéton élèves collège lycée entreprise mairie dons jouets hiver "
    "événement convivialité témoignage photo association réseau formation habilitation mobiliser"
).split()
QUERIES = [
    "collecte",
    "collecte école",
    "bénévoles",
    "evenement",
    "sport santé",
    "sécurité routière",
    "petit-déjeuner",
    "atelier parents enfants",
    "kits",
    "licorne",  # nothing found: the spelling suggestion path
]


def text(rng, count):
    return " ".join(rng.choice(WORDS) for _ in range(count)).capitalize() + "."


def seed_pages(count):
    """Kits (70 %) and sessions (30 %) under the demo's French indexes, live, indexed."""
    from datetime import timedelta

    from django.utils import timezone

    from events.factories import EventPageFactory
    from events.models import EventIndexPage, EventPage
    from home.factories import paragraph, stream
    from kits.factories import KitPageFactory
    from kits.models import KitIndexPage, KitPage, Theme

    rng = random.Random(11)  # noqa: S311 (reproducible data, not secrets)
    kit_index = KitIndexPage.objects.get(locale__language_code="fr")
    event_index = EventIndexPage.objects.get(locale__language_code="fr")
    themes = list(Theme.objects.filter(locale__language_code="fr"))
    kits_wanted, events_wanted = int(count * 0.7), count - int(count * 0.7)
    kits = KitPage.objects.filter(slug__startswith="bench-kit-").count()
    events = EventPage.objects.filter(slug__startswith="bench-session-").count()
    started = time.perf_counter()
    for n in range(kits, kits_wanted):
        kit = KitPageFactory.build(
            title=f"Kit {text(rng, 3)[:-1]} {n}",
            slug=f"bench-kit-{n}",
            summary=text(rng, 25)[:300],
            body=stream(paragraph(text(rng, 120), text(rng, 120))),
        )
        kit.themes.set(rng.sample(themes, 2))  # kept in memory, saved with the page
        kit_index.add_child(instance=kit)
        if n % 200 == 0:
            print(f"  kits {n}/{kits_wanted} ({time.perf_counter() - started:.0f} s)")
    for n in range(events, events_wanted):
        start = timezone.now() + timedelta(days=rng.randrange(-300, 300))
        event = EventPageFactory.build(
            title=f"Petit Déj {text(rng, 3)[:-1]} {n}",
            slug=f"bench-session-{n}",
            topic=text(rng, 8),
            introduction=text(rng, 40)[:500],
            start=start,
            end=start + timedelta(minutes=90),
        )
        event_index.add_child(instance=event)
        if n % 200 == 0:
            print(f"  sessions {n}/{events_wanted} ({time.perf_counter() - started:.0f} s)")


# (name, seeder(options)). Once community.Testimonial exists, add one line:
#     ("testimonials", lambda options: seed_testimonials(options.testimonials)),
SEEDERS = [("pages", lambda options: seed_pages(options.pages))]


def prepare(options):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database of your own.")
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    for name, seeder in SEEDERS:
        print(f"seeding {name}…")
        seeder(options)
    from modelsearch.conf import get_app_config

    print(f"index entries: {get_app_config().get_model('IndexEntry').objects.count()}")


def serve(port, workers, static_root):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
    }
    python = sys.executable
    subprocess.run(  # noqa: S603 (fixed command line)
        [python, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    gunicorn = str(Path(python).with_name("gunicorn"))
    command = [gunicorn, "config.wsgi", "--no-control-socket", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310 (local)
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    sys.exit("gunicorn did not start")


def measure(port, total, concurrency):
    urls = [f"http://127.0.0.1:{port}/recherche/?" + urllib.parse.urlencode({"q": query}) for query in QUERIES]
    for url in urls:  # warm-up: one request per query
        urllib.request.urlopen(url, timeout=30).read()  # noqa: S310 (local)
    timings, errors, lock = [], [], threading.Lock()
    counter = iter(range(total))

    def worker():
        for n in counter:
            url = urls[n % len(urls)]
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (local)
                    response.read()
                    status = response.status
            except OSError as error:
                status = str(error)
            elapsed = time.perf_counter() - started
            with lock:
                timings.append(elapsed)
                if status != 200:
                    errors.append(status)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"{len(timings)} requests, concurrency {concurrency}: p50 {statistics.median(timings) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms, {len(timings) / wall:.1f} req/s, "
        f"errors {len(errors)}"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--testimonials", type=int, default=5000, help="once the model exists")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed-only", action="store_true", help="seed now, measure in a later run")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    prepare(args)
    if args.seed_only:
        return
    with tempfile.TemporaryDirectory() as static_root:
        server = serve(args.port, args.workers, static_root)
        try:
            measure(args.port, args.requests, args.concurrency)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
