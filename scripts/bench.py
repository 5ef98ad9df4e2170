"""`make bench`: how fast the public pages are, measured as a visitor's browser sees them.

1. Seeds the demo content and a large data set once (scripts/bench_seed.py) in a
   database of its own: `DATABASE_URL` when set (PostgreSQL), else .bench/bench.sqlite3.
2. Counts the SQL queries and HTML bytes of each page's *uncached* view in-process.
3. Starts gunicorn with production settings (2 workers) and loads each page and one
   static file with wrk (8 connections): requests per second, p50, p99, and each page's
   throughput as a fraction of the static file's in the same run.
Prints a table and writes .bench/results.csv. Not a test: figures depend on the machine.

Usage: python scripts/bench.py [--duration 10] [--connections 8] [--workers 2]"""

import argparse
import csv
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
sys.path.insert(0, str(ROOT))


def environment():
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{BENCH / 'bench.sqlite3'}")
    env.update(MEDIA_ROOT=str(BENCH / "media"), STATIC_ROOT=str(BENCH / "static"), EMAIL_URL="console://")
    return env


def setup_django(env):
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    # The in-process views are uncached pages; menu and footer fragments stay cached, as
    # in production once any page has been seen.
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ["FRAGMENT_CACHE_SECONDS"] = "600"
    import django

    django.setup()


def seed():
    from django.core.management import call_command

    from scripts import bench_seed

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    started = time.perf_counter()
    bench_seed.seed()
    print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)  # noqa: T201


def pages():
    """(label, path) of each page measured: real URLs from the seeded database."""
    from events.models import EventPage
    from kits.models import KitPage

    kit = KitPage.objects.live().filter(locale__language_code="fr", slug__startswith="bench-").first()
    event = EventPage.objects.live().filter(locale__language_code="fr").upcoming().first()
    found = [
        ("home", "/"),
        ("kit index", "/kits/"),
        ("kit index, filtered", "/kits/?audience=general-public"),
        ("kit page", kit.url),
        ("event page", event.url),
        ("local actions wall", "/actions-locales/"),
    ]
    return found + optional_pages()


def member_pages():
    """(label, path) of the pages measured for a signed-in member."""
    from community.associations.models import Association, AssociationIndexPage

    paths = dict(pages())
    association = Association.objects.order_by("pk").first()
    index = AssociationIndexPage.objects.live().filter(locale__language_code="fr").first()
    found = [(f"member: {label}", paths[label]) for label in ("home", "kit index", "kit page", "event page")]
    if "article" in paths:
        found.append(("member: article", paths["article"]))
    found.append(("member: local actions wall", paths["local actions wall"]))
    if association is not None and index is not None:
        path = index.url + index.reverse_subpage("association", args=(association.slug,))
        found.append(("member: association", path))
    return found


def member_cookie(secret):
    """A signed-in approved member's cookies, for a server whose SECRET_KEY is `secret`:
    the session is written to the database, which the server reads on its first request."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.utils.crypto import get_random_string

    from community.associations.models import Association
    from community.members.models import MemberProfile
    from core.sessions import SessionStore

    settings.SECRET_KEY = secret  # the session's hash and signature are the server's
    user, _created = get_user_model().objects.get_or_create(
        username="bench-member@example.org",
        defaults={"email": "bench-member@example.org", "first_name": "Membre", "last_name": "De Bench"},
    )
    MemberProfile.objects.update_or_create(
        user=user,
        defaults={"association": Association.objects.order_by("pk").first(), "status": MemberProfile.Status.APPROVED},
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}; csrftoken={get_random_string(32)}", user


def check_signed_in(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie, "X-Forwarded-Proto": "https"})  # noqa: S310
    with urllib.request.urlopen(request) as response:  # noqa: S310
        if 'account-link" href="/compte/"' not in response.read().decode():
            raise SystemExit(f"{url}: the member's session was not accepted")


def optional_pages():
    """Pages of apps that may not be installed yet (articles, search)."""
    from django.apps import apps
    from django.urls import NoReverseMatch, reverse

    found = []
    try:
        article_model = apps.get_model("community", "ArticlePage")
    except LookupError:
        article_model = None
    if article_model is not None:
        article = article_model.objects.live().filter(locale__language_code="fr").first()
        if article is not None:
            found.append(("article", article.url))
    try:
        found.append(("search", reverse("search:search") + "?q=collecte"))
    except NoReverseMatch:
        pass
    return found


def uncached_view(path, user=None):
    """SQL queries and HTML bytes of one uncached view (the second one: the first
    generates image renditions), for a visitor or a signed-in `user`."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if user is not None:
        client.force_login(user)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    return len(queries), len(response.content)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, workers, secret, page_cache=True):
    production = dict(
        env,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secret,
        TRUSTED_PROXY_COUNT="1",  # the member rows' addresses (MANY_ADDRESSES)
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
    )
    production.pop("PAGE_CACHE_SECONDS", None)
    if not page_cache:  # every request renders its page: what a cache miss costs
        production["PAGE_CACHE_SECONDS"] = "0"
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=production, check=True)  # noqa: S603
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--no-control-socket",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=production,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz"):  # noqa: S310
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz")


def static_file_path():
    manifest = json.loads((BENCH / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/relais.css"]


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


# Members come from many addresses: each request of a member row gets its own, as a proxy
# would say (TRUSTED_PROXY_COUNT=1), so the per-address request limit (core/ratelimit.py,
# 600 a minute) applies per person, not to the whole benchmark.
MANY_ADDRESSES = """
request = function()
  local r = math.random
  wrk.headers["X-Forwarded-For"] = "10." .. r(0, 255) .. "." .. r(0, 255) .. "." .. r(1, 254)
  return wrk.format()
end
"""


def wrk(url, duration, connections, cookie=None):
    options = ["-H", "X-Forwarded-Proto: https"]
    if cookie:
        script = BENCH / "many_addresses.lua"
        script.write_text(MANY_ADDRESSES)
        options += ["-H", f"Cookie: {cookie}", "-s", str(script)]
    output = subprocess.run(  # noqa: S603
        [shutil.which("wrk"), f"-c{connections}", "-t2", f"-d{duration}s", "--latency", *options, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {}
    for percent in ("50", "99"):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        latency[percent] = float(value) * UNITS[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, latency["50"], latency["99"], int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--uncached", action="store_true", help="turn the anonymous page cache off")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (Debian: apt-get install wrk; `make bench` installs it when it may).")
    BENCH.mkdir(exist_ok=True)
    env = environment()
    setup_django(env)
    from django.db import connection

    seed()
    measured = [(label, path, *uncached_view(path)) for label, path in pages()]
    members = member_pages()
    secret = env.get("SECRET_KEY") or secrets.token_urlsafe(50)
    cookie, member = member_cookie(secret)
    members = [(label, path, *uncached_view(path, member)) for label, path in members]
    port = free_port()
    server = start_gunicorn(env, port, args.workers, secret, page_cache=not args.uncached)
    try:
        base = f"http://127.0.0.1:{port}"
        static_path = static_file_path()
        static = wrk(base + static_path, args.duration, args.connections)
        static_size = (BENCH / "static" / static_path.removeprefix("/static/")).stat().st_size
        rows = [("static file", static_path, 0, static_size, *static)]
        for label, path, queries, size in measured:
            wrk(base + path, 2, args.connections)  # warm the workers and the page cache
            rows.append((label, path, queries, size, *wrk(base + path, args.duration, args.connections)))
        check_signed_in(base + "/", cookie)
        for label, path, queries, size in members:
            wrk(base + path, 2, args.connections, cookie)
            rows.append((label, path, queries, size, *wrk(base + path, args.duration, args.connections, cookie)))
    finally:
        server.terminate()
        server.wait(timeout=20)
    report(rows, static[0], connection.vendor, args)


def report(rows, static_rps, vendor, args):
    header = ["page", "path", "sql_uncached", "bytes", "req_per_s", "p50_ms", "p99_ms", "errors", "vs_static"]
    table = [
        [label, path, queries, size, round(rps), round(p50, 1), round(p99, 1), errors, f"{rps / static_rps:.0%}"]
        for label, path, queries, size, rps, p50, p99, errors in rows
    ]
    with open(BENCH / ("results-uncached.csv" if args.uncached else "results.csv"), "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(table)
    print(  # noqa: T201
        f"\n{vendor}, gunicorn {args.workers} workers, wrk {args.connections} connections, {args.duration} s per page"
        f"{', page cache off' if args.uncached else ''}\n"
    )
    widths = [max(len(str(row[i])) for row in [header, *table]) for i in range(len(header))]
    for row in [header, *table]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))  # noqa: T201
    print(f"\nwritten to {BENCH / ('results-uncached.csv' if args.uncached else 'results.csv')}")  # noqa: T201


if __name__ == "__main__":
    main()
