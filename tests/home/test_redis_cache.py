"""With REDIS_URL, the page cache and the rate limits live in Redis, shared by every
worker. Runs when Redis answers on 127.0.0.1:6379 (always in CI: REQUIRE_REDIS=1)."""

import os
import uuid

import pytest
import redis

from django.test import Client

from core import ratelimit

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache(settings):
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail(f"REQUIRE_REDIS is set but Redis does not answer at {REDIS_URL}")
        pytest.skip("Redis is not running")
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    backend = "core.cache.FailoverRedisCache"  # what production uses (config/settings/base.py)
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}}
    settings.PAGE_CACHE_SECONDS = 600
    yield connection, prefix
    for key in connection.scan_iter(f"{prefix}:*"):
        connection.delete(key)


def test_rate_limit_counters_are_shared_in_redis(redis_cache):
    connection, prefix = redis_cache
    assert all(ratelimit.allow("test-redis", "198.51.100.7", limit=3, period=60) for _ in range(3))
    assert not ratelimit.allow("test-redis", "198.51.100.7", limit=3, period=60)
    keys = list(connection.scan_iter(f"{prefix}:*ratelimit:test-redis:*"))
    assert len(keys) == 1
    assert int(connection.get(keys[0])) == 4


def test_pages_are_cached_in_redis_and_invalidated(redis_cache):
    connection, prefix = redis_cache
    assert Client().get("/")["X-Cache"] == "MISS"
    assert Client().get("/")["X-Cache"] == "HIT"
    assert any(connection.scan_iter(f"{prefix}:*page-cache:*:/"))
    from core.page_cache import invalidate

    invalidate()
    assert Client().get("/")["X-Cache"] == "MISS"
