"""The Redis cache as an accelerator, never a dependency.

`FailoverRedisCache` is Django's `RedisCache` with a fallback: when Redis does not answer
(refused, reset, timed out), the call is served by a local-memory cache of this process
instead of raising, and Redis is left alone for `RETRY_SECONDS` (a circuit breaker, so a
dead Redis costs one failed connection every few seconds, not one per call). The next call
after that tries Redis again: when it is back, everything uses it again, without a restart.

What the fallback means for each user of the cache:
- rate limits (ours and allauth's) count in this process only: abuse protection stays on,
  per process;
- the page cache and the fragment cache ask `cache_available()` and, while Redis is down,
  store nothing and serve everything uncached (a per-process copy could not be invalidated
  by a write in another worker);
- `/healthz` answers 200 "degraded" so the load balancer keeps the node.

The outage is logged once a minute per process (not per request), and its end once."""

import logging
import threading
import time

import redis

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("relais.cache")

# What an unreachable or overloaded Redis raises (redis-py wraps socket errors in these).
UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)
LOG_EVERY_SECONDS = 60


class FailoverRedisCache(RedisCache):
    """OPTIONS: `RETRY_SECONDS` (default 5) between attempts while Redis is down; the
    socket timeouts (default 0.5 s) bound how long a hung Redis can hold a request."""

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._local = LocMemCache(f"failover:{server}", {"OPTIONS": {"MAX_ENTRIES": 10000}})
        self._lock = threading.Lock()
        self._down_since = None  # time.monotonic() of the first failure of this outage
        self._retry_at = 0.0
        self._logged_at = None

    # State ----------------------------------------------------------------------------

    def available(self):
        """False while Redis is considered down (between a failure and the next retry)."""
        return self._down_since is None or time.monotonic() >= self._retry_at

    def ping(self):
        """Ask Redis now (the health check): True if it answers."""
        try:
            self._cache.get_client(write=False).ping()
        except UNREACHABLE as error:
            self._failed(error)
            return False
        self._recovered()
        return True

    def _failed(self, error):
        now = time.monotonic()
        with self._lock:
            if self._down_since is None:
                self._down_since = now
            self._retry_at = now + self.retry_seconds
            if self._logged_at is None or now - self._logged_at >= LOG_EVERY_SECONDS:
                self._logged_at = now
                logger.error(
                    "cache unreachable, serving uncached with per-process rate limits: %s: %s",
                    type(error).__name__,
                    error,
                )

    def _recovered(self):
        if self._down_since is None:
            return
        with self._lock:
            if self._down_since is None:
                return
            seconds = time.monotonic() - self._down_since
            self._down_since = None
            self._logged_at = None
        logger.warning("cache reachable again after %.0f s", seconds)

    def _call(self, name, *args, **kwargs):
        if self.available():
            try:
                result = getattr(super(), name)(*args, **kwargs)
            except UNREACHABLE as error:
                self._failed(error)
            else:
                self._recovered()
                return result
        return getattr(self._local, name)(*args, **kwargs)

    # The cache API (BaseCache's other methods are built on these) --------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version)

    def clear(self):
        self._local.clear()
        return self._call("clear")


def cache_available():
    """False while the shared cache is down: callers that must not keep per-process
    copies (the page and fragment caches) then skip it. Other backends are always up."""
    available = getattr(cache, "available", None)
    return available() if available else True


def cache_status():
    """ "ok" or "down", asked of Redis now (for /healthz); local memory is always "ok"."""
    ping = getattr(cache, "ping", None)
    if ping is None:
        return "ok"
    return "ok" if ping() else "down"
