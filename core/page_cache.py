"""Whole-page cache for anonymous visitors (wagtail-cache does not support Wagtail 8).

A response is stored only when nothing in it belongs to one person: the request carries
no session or messages cookie, the response sets no cookie (a CSRF token, a session, a
message all set one) and does not say `private` or `no-store`. The URL decides the
language (`/` French, `/en/` English, never the Accept-Language header), so the key is
the host and the full path.

Invalidation is by generation: every write to a model that public pages show bumps one
counter kept in the cache, and keys carry it, so every stored page is dropped at once.
Writes to models no public page shows (sessions, downloads, task results, logs…) do not
count. Code that changes public data with `QuerySet.update()` (which sends no signal)
calls `invalidate()` itself.

The cache is an accelerator: while the shared cache is down (`core.cache`), pages are
served uncached and nothing is stored. An invalidation that could not reach it is
remembered, and the generation is bumped as soon as the cache answers again, so no page
stored before the outage outlives a write made during it."""

import logging
import threading

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from core.cache import cache_available

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
PERSONAL_COOKIES = ("sessionid", "messages")
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/compte/", "/en/compte/", "/commentaires/")
# Never stored: cookies (a stored response has none anyway) and our own hit/miss marker.
UNSTORED_HEADERS = {"set-cookie", "x-cache"}


def _seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


# Set when an invalidation happened while the shared cache was down (per process: the
# process that made the write is the one that saw the outage).
_missed_invalidation = threading.Event()


def invalidate():
    """Drop every cached page (they are found again under the next generation)."""
    if not cache_available():
        _missed_invalidation.set()
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # never set, or evicted: any new value starts a new generation
        cache.set(GENERATION_KEY, 2, timeout=None)
    if not cache_available():  # it went down during the call
        _missed_invalidation.set()


def _catch_up():
    """The shared cache is back: apply the invalidation it missed."""
    if _missed_invalidation.is_set():
        _missed_invalidation.clear()
        invalidate()


def _key(request):
    return f"page-cache:{generation()}:{request.get_host()}:{request.get_full_path()}"


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD") or not _seconds() or not cache_available():
        return False
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return False
    return not request.path.startswith(SKIPPED_PREFIXES)


def _cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


class AnonymousPageCacheMiddleware:
    """Place it after SecurityMiddleware and WhiteNoise, before the session, CSRF and
    messages middleware: it must see the cookies they set on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        _catch_up()
        key = _key(request)
        stored = cache.get(key)
        if stored is not None and cache_available():
            content, status, headers = stored
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if _cacheable_response(response) and cache_available():
            if settings.PUBLIC_CACHE_MAX_AGE:  # a CDN in front may keep it too
                patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
            headers = {k: v for k, v in response.headers.items() if k.lower() not in UNSTORED_HEADERS}
            cache.set(key, (response.content, response.status_code, headers), _seconds())
            if cache_available():  # stored in the shared cache, not in a per-process copy
                response["X-Cache"] = "MISS"
        return response
