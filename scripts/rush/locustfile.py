"""The 9 a.m. newsletter rush, for locust (run by scripts/rush/run.py, which prepares the
plan file and starts the server): visitors browse, people declare actions, and 500
members register for one session within a minute.

Each visitor comes from its own address (X-Forwarded-For, one trusted proxy), as they
would behind the production proxy, so the per-address rate limits apply per person."""

import itertools
import json
import os
import random
import re
import string
import time

import gevent
from locust import HttpUser, between, constant, events, task
from locust.exception import StopUser

PLAN = json.loads(open(os.environ["RUSH_PLAN"]).read())  # noqa: SIM115 (read once at import)
MEMBERS = iter(PLAN["sessions"])
ADDRESSES = (f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" for n in itertools.count(1))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The anonymous page cache's answers (X-Cache: HIT, MISS or none) and the registrations'
# times, written to the plan's folder at the end for run.py to report the hit rate.
ANONYMOUS_ANSWERS = []  # (time, page name, X-Cache header or "")
REGISTRATION_TIMES = []


@events.request.add_listener
def count_cache_answers(name, response, context, exception, **kwargs):
    if context.get("anonymous") and response is not None and not exception:
        ANONYMOUS_ANSWERS.append((time.time(), name, response.headers.get("X-Cache", "")))
    elif name.endswith("inscription/ POST"):
        REGISTRATION_TIMES.append(time.time())


@events.quitting.add_listener
def write_cache_answers(environment, **kwargs):
    path = os.path.join(os.path.dirname(os.environ["RUSH_PLAN"]), "rush-cache.json")
    with open(path, "w") as handle:
        json.dump({"answers": ANONYMOUS_ANSWERS, "registrations": REGISTRATION_TIMES}, handle)


def https_session(user, cookies=""):
    """Headers of a visitor behind the TLS proxy. Production cookies are `Secure`, which
    a client on plain HTTP would not send back: the cookies go in an explicit header."""
    secret = "".join(random.choices(string.ascii_letters + string.digits, k=32))  # noqa: S311
    user.client.headers.update(
        {
            "X-Forwarded-For": next(ADDRESSES),
            "X-Forwarded-Proto": "https",
            "Cookie": f"{cookies}csrftoken={secret}",
            "Referer": "https://" + user.host.split("://", 1)[1] + "/",
        }
    )


class Visitor(HttpUser):
    """Reads public pages, as most of the newsletter's readers do."""

    weight = 6
    wait_time = between(1, 3)

    def context(self):
        return {"anonymous": True}

    def on_start(self):
        self.client.headers.update({"X-Forwarded-For": next(ADDRESSES), "X-Forwarded-Proto": "https"})

    @task(4)
    def home(self):
        self.client.get("/")

    @task(3)
    def kits(self):
        self.client.get("/kits/")
        self.client.get(random.choice(PLAN["kits"]), name="/kits/[kit]/")  # noqa: S311

    @task(2)
    def event(self):
        self.client.get(PLAN["event_path"], name="/evenements/[event]/")

    @task(1)
    def wall(self):
        self.client.get("/actions-locales/")


class Declarer(HttpUser):
    """Opens a kit's "Je me lance" form and declares an action."""

    weight = 1
    wait_time = between(5, 15)

    def on_start(self):
        https_session(self)

    @task
    def declare(self):
        url = random.choice(PLAN["kits"]) + "je-me-lance/"  # noqa: S311
        page = self.client.get(url, name="/kits/[kit]/je-me-lance/")
        token = CSRF.search(page.text)
        if not token:
            return
        n = random.randrange(10**9)  # noqa: S311
        self.client.post(
            url,
            name="/kits/[kit]/je-me-lance/ POST",
            data={
                "csrfmiddlewaretoken": token.group(1),
                "name": f"Bénévole {n}",
                "email": f"rush-{n}@example.org",
                "postcode": random.choice(["75011", "69003", "13001", "97133", "20000"]),  # noqa: S311
                "planned_date": PLAN["planned_date"],
                "audience": "general-public",
                "expected_participants": "20",
                "consent": "on",
            },
            allow_redirects=False,
        )


class Registrant(HttpUser):
    """One signed-in member: opens the session page and registers in one click, once."""

    fixed_count = len(PLAN["sessions"])
    wait_time = constant(0)

    def on_start(self):
        member = next(MEMBERS, None)
        if member is None:  # locust replaces stopped users: the plan's members are all in
            gevent.sleep(24 * 3600)  # so this extra one waits out the run, sending nothing
        https_session(self, cookies=f"sessionid={member}; ")

    @task
    def register(self):
        page = self.client.get(PLAN["event_path"], name="/evenements/[event]/ (member)")
        token = CSRF.search(page.text)
        if token:
            self.client.post(
                PLAN["event_path"] + "inscription/",
                name="/evenements/[event]/inscription/ POST",
                data={"csrfmiddlewaretoken": token.group(1), "kind": "member"},
                allow_redirects=False,
            )
        raise StopUser
