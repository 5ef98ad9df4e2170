"""Fixed-window rate limits kept in the cache (Redis in production, so every worker
shares the same counters). Used by the public forms against bursts and spam, and by
`RequestRateLimitMiddleware` for every public request that reaches a view."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

from core.client_ip import client_ip
from core.views import too_many_requests

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
        security_log.warning("rate limit hit scope=%s count=%s limit=%s/%ss", scope, count, limit, period)
        return False
    return True


class RequestRateLimitMiddleware:
    """Every public request that reaches a view is counted per client address, under the
    first rule of `REQUEST_RATE_LIMITS` ((name, path prefix, requests, seconds)) whose prefix
    starts its path; over the limit it gets the 429 page. Pages served whole from the page
    cache are not counted (the middleware sits after it): they cost no query. Paths in
    `REQUEST_RATE_LIMIT_EXEMPT` (the admin, the health check) are never counted."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if not path.startswith(settings.REQUEST_RATE_LIMIT_EXEMPT):
            for name, prefix, limit, period in settings.REQUEST_RATE_LIMITS:
                if path.startswith(prefix):
                    if not allow(f"request-{name}", client_ip(request), limit, period):
                        return too_many_requests(request, retry_after=period)
                    break
        return self.get_response(request)
