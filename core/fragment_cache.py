"""Fragments that are the same on every page of a language (menu, footer, counters), kept
in the cache under the generations of the sections they show (core.page_cache): `ALL`
always (any page published renews them), plus their own (`declarations` for the
counters…). The page that includes one shows its sections too."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from wagtail.models import Site

from core.cache import cache_available
from core.page_cache import ALL, depends_on, generations


def cached_fragment(request, name, build, sections=()):
    """`build()`'s result for this site and language, computed once per generation of
    `ALL` and `sections`."""
    seconds = getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)
    if not seconds or not cache_available():
        depends_on(*sections)  # the page that shows it may still be cached
        return build()
    site = Site.find_for_request(request)
    current = generations(ALL, *sections)
    stamp = ":".join(str(current[section]) for section in (ALL, *sections))
    key = f"fragment:{name}:{stamp}:{site.pk if site else 0}:{get_language()}"
    value = cache.get(key)
    if value is None or not cache_available():  # not from a per-process copy
        value = build()
        if cache_available():
            cache.set(key, value, seconds)
    return value
