"""Whole-page cache for anonymous visitors (wagtail-cache does not support Wagtail 8).

A response is stored only when nothing in it belongs to one person: the request carries
no session or messages cookie, the response sets no cookie (a CSRF token, a session, a
message all set one) and does not say `private` or `no-store`. The URL decides the
language (`/` French, `/en/` English, never the Accept-Language header), so the key is
the host and the full path.

Invalidation is by what changed (docs/decisions/, "page cache sections"). A stored page
remembers the generation of each *section* it showed: `ALL` (every page: the page tree,
settings, any model without sections of its own) and the sections the code that rendered
it declared with `depends_on()` before reading the data — `event:<pk>` where a session's
seats show, `declarations` where the counters or the map show, `comments:<ct>:<pk>` where
a thread shows… A write bumps the generations of the sections it touches
(`core.page_cache_signals`), and only the pages that showed one of them are recomputed.
Code that changes public data with `QuerySet.update()` (which sends no signal) calls
`invalidate(section…)` itself.

The cache is an accelerator: while the shared cache is down (`core.cache`), pages are
served uncached and nothing is stored. An invalidation that could not reach it is
remembered, and `ALL` is bumped as soon as the cache answers again, so no page stored
before the outage outlives a write made during it."""

import contextvars
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from core.cache import cache_available

logger = logging.getLogger(__name__)

ALL = "all"
GENERATION_PREFIX = "page-cache:generation:"
PERSONAL_COOKIES = ("sessionid", "messages")
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/compte/", "/en/compte/", "/commentaires/")
# Never stored: cookies (a stored response has none anyway) and our own hit/miss marker.
UNSTORED_HEADERS = {"set-cookie", "x-cache"}

# The sections the page being rendered for the cache has shown, with their generations
# when first declared ({section: generation}); None outside such a rendering.
_shown = contextvars.ContextVar("page_cache_shown", default=None)


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _fresh():
    """A first generation: larger than any earlier one, so a generation evicted from the
    cache and started again never matches a page stored before."""
    return time.time_ns()


def current_generations(*sections):
    """{section: generation} now, starting the missing ones (one round trip when all exist)."""
    keys = {section: GENERATION_PREFIX + section for section in sections}
    found = cache.get_many(list(keys.values()))
    for key in set(keys.values()) - set(found):
        cache.add(key, _fresh(), timeout=None)
        found[key] = cache.get(key)
    return {section: found[key] for section, key in keys.items()}


def generations(*sections):
    """`current_generations`, recorded for the page being rendered, if any: call it
    *before* reading the data the sections stand for."""
    current = current_generations(*sections)
    shown = _shown.get()
    if shown is not None:
        for section, value in current.items():
            shown.setdefault(section, value)
    return current


def depends_on(*sections):
    """Declare that the page being rendered shows these sections (free when no page is
    being rendered for the cache: signed-in visitors, cache off or down)."""
    if _shown.get() is not None and sections:
        generations(*sections)


# The sections invalidated while the shared cache was down (per process: the process
# that made the write is the one that saw the outage).
_missed = set()
_missed_lock = threading.Lock()


def _remember_missed(sections):
    with _missed_lock:
        _missed.update(sections)


def invalidate(*sections):
    """Recompute every page that showed one of `sections` (no section: every page)."""
    sections = sections or (ALL,)
    if not cache_available():
        _remember_missed(sections)
        return
    for section in dict.fromkeys(sections):
        key = GENERATION_PREFIX + section
        try:
            cache.incr(key)
        except ValueError:  # never set, or evicted: any new value starts a new generation
            cache.set(key, _fresh(), timeout=None)
    if not cache_available():  # it went down during the call
        _remember_missed(sections)


def catch_up():
    """The shared cache is back: apply the invalidations it missed (and `ALL`: which
    pages showed the data is not known)."""
    if not _missed:
        return
    with _missed_lock:
        missed = set(_missed)
        _missed.clear()
    invalidate(ALL, *missed)


def _key(request):
    return f"page-cache:{request.get_host()}:{request.get_full_path()}"


def still_valid(stored):
    """A stored page is served while every section it showed keeps its generation."""
    if len(stored) != 4 or not stored[3]:  # stored by an earlier version
        return False
    return generations(*stored[3]) == stored[3]


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD") or not seconds() or not cache_available():
        return False
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return False
    return not request.path.startswith(SKIPPED_PREFIXES)


def cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


def render_recording(get_response, request):
    """The response, and the sections it showed with their generations before rendering."""
    shown = {}
    token = _shown.set(shown)
    try:
        generations(ALL)
        response = get_response(request)
    finally:
        _shown.reset(token)
    return response, shown


class AnonymousPageCacheMiddleware:
    """Place it after SecurityMiddleware and WhiteNoise, before the session, CSRF and
    messages middleware: it must see the cookies they set on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        catch_up()
        key = _key(request)
        stored = cache.get(key)
        if stored is not None and still_valid(stored) and cache_available():
            content, status, headers, _shown_sections = stored
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Cache"] = "HIT"
            return response
        response, shown = render_recording(self.get_response, request)
        if cacheable_response(response) and cache_available():
            if settings.PUBLIC_CACHE_MAX_AGE:  # a CDN in front may keep it too
                patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
            headers = {k: v for k, v in response.headers.items() if k.lower() not in UNSTORED_HEADERS}
            cache.set(key, (response.content, response.status_code, headers, shown), seconds())
            if cache_available():  # stored in the shared cache, not in a per-process copy
                response["X-Cache"] = "MISS"
        return response
