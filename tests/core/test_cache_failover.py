"""The cache is an accelerator, never a dependency: a real redis-server, started by the test
on its own port, is killed (or frozen) mid-test and started again. Meanwhile every page and
form answers, uncached; rate limits count per process; the outage is logged once; /healthz
answers 200 "degraded"; once Redis is back everything uses it again, with no restart."""

import json
import logging
import os
import shutil
import signal
import subprocess
import time

import pytest
import redis

from django.test import Client

from community.testimonials.models import Testimonial as Story
from core import page_cache, ratelimit
from tests.community.testimonial_helpers import SHARE_URL, valid_post
from tests.deploy_helpers import free_port

pytestmark = pytest.mark.django_db

READY_SECONDS = 60


class RedisServer:
    """A throwaway redis-server on its own port, in its own directory."""

    def __init__(self, directory):
        self.directory = directory
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory), "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            try:
                if client.ping():
                    return
            except redis.exceptions.ConnectionError:
                time.sleep(0.1)
        raise AssertionError(f"redis-server did not answer on port {self.port} within {READY_SECONDS} s")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=READY_SECONDS)

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.thaw()
            self.kill()


@pytest.fixture
def redis_server(tmp_path, settings):
    if not shutil.which("redis-server"):
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but redis-server is not installed")
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path)
    try:
        server.start()
        settings.CACHES = {
            "default": {
                "BACKEND": "core.cache.FailoverRedisCache",
                "LOCATION": server.url,
                "OPTIONS": {"RETRY_SECONDS": 0.2},
            }
        }
        settings.PAGE_CACHE_SECONDS = 600
        settings.FRAGMENT_CACHE_SECONDS = 600
        yield server
    finally:
        server.stop()


def health():
    response = Client().get("/healthz")
    return response.status_code, json.loads(response.content)


def wait_for_cache(expected):
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if health()[1]["cache"] == expected:
            return
        time.sleep(0.1)
    raise AssertionError(f"/healthz never said cache={expected}")


def outage_lines(caplog):
    return [r for r in caplog.records if r.name == "relais.cache" and "unreachable" in r.getMessage()]


def test_redis_killed_mid_test_then_restarted(redis_server, caplog):
    caplog.set_level(logging.INFO)
    # Up: pages come from Redis.
    assert Client().get("/")["X-Cache"] == "MISS"
    assert Client().get("/")["X-Cache"] == "HIT"
    assert health() == (200, {"status": "ok", "database": "ok", "cache": "ok"})

    redis_server.kill()
    # Down: every page and form answers, uncached.
    for path in ("/", "/en/", "/recherche/?q=collecte", "/sitemap.xml", "/compte/login/", "/page-qui-nexiste-pas/"):
        for _ in range(3):
            response = Client().get(path)
            assert response.status_code == (404 if "nexiste" in path else 200), path
            assert "X-Cache" not in response, path
        time.sleep(0.25)  # past RETRY_SECONDS: the next call tries Redis again, and fails
    assert health() == (200, {"status": "degraded", "database": "ok", "cache": "down"})
    response = Client().post(SHARE_URL, valid_post(email="pendant-la-panne@example.org"))
    assert response.status_code == 302
    assert Story.objects.filter(email="pendant-la-panne@example.org").exists()
    login = Client().post("/compte/login/", {"login": "personne@example.org", "password": "faux"})
    assert login.status_code == 200  # allauth's rate limits fell back too: a form error, no 500
    # Rate limits stay on, counted in this process.
    assert all(ratelimit.allow("failover", "198.51.100.9", limit=3, period=60) for _ in range(3))
    assert not ratelimit.allow("failover", "198.51.100.9", limit=3, period=60)
    # Logged once for the whole outage (once a minute), not once per request.
    assert len(outage_lines(caplog)) == 1

    redis_server.start()
    wait_for_cache("ok")  # no restart of anything on our side
    assert health() == (200, {"status": "ok", "database": "ok", "cache": "ok"})
    assert Client().get("/")["X-Cache"] == "MISS"
    assert Client().get("/")["X-Cache"] == "HIT"
    assert all(ratelimit.allow("failover", "198.51.100.9", limit=3, period=60) for _ in range(3))
    keys = redis.Redis(port=redis_server.port).keys("*ratelimit:failover:*")
    assert len(keys) == 1  # counted in Redis again
    assert any("reachable again" in r.getMessage() for r in caplog.records if r.name == "relais.cache")


def test_a_frozen_redis_times_out_and_a_write_during_the_outage_is_not_hidden(redis_server):
    assert Client().get("/")["X-Cache"] == "MISS"
    assert Client().get("/")["X-Cache"] == "HIT"
    redis_server.freeze()  # accepts connections, answers nothing
    try:
        started = time.monotonic()
        response = Client().get("/")
        assert response.status_code == 200 and "X-Cache" not in response
        assert time.monotonic() - started < 30  # bounded by the socket timeout, not hung
        page_cache.invalidate()  # a write to public content while Redis cannot hear it
    finally:
        redis_server.thaw()
    wait_for_cache("ok")
    # The page stored before the outage is not served again: the missed invalidation is
    # applied as soon as Redis answers.
    assert Client().get("/")["X-Cache"] == "MISS"
    assert Client().get("/")["X-Cache"] == "HIT"


def test_redis_down_at_start_up(tmp_path, settings):
    port = free_port()  # nothing listens there
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FailoverRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"RETRY_SECONDS": 0.2},
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    assert Client().get("/").status_code == 200
    assert health() == (200, {"status": "degraded", "database": "ok", "cache": "down"})
