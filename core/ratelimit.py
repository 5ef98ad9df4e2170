"""Fixed-window rate limits kept in the cache (Redis in production, so every worker
shares the same counters). Used by the public forms against bursts and spam."""

import hashlib
import logging

from django.core.cache import cache

security_log = logging.getLogger("relais.security")


def _cache_key(scope, identity, period):
    digest = hashlib.sha256(f"{scope}:{identity}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{period}:{digest}"


def allow(scope, identity, limit, period):
    """Count one attempt for `identity` (an address, an e-mail…) in `scope`;
    False once more than `limit` attempts happened within `period` seconds."""
    key = _cache_key(scope, identity, period)
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    if count > limit:
        security_log.warning("rate limit hit scope=%s count=%s", scope, count)
        return False
    return True
