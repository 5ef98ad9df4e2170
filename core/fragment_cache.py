"""Fragments that are the same on every page of a language (menu, footer), kept in the
cache under the page cache's generation: any write to public content renews them."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from wagtail.models import Site

from core.cache import cache_available
from core.page_cache import generation


def cached_fragment(request, name, build):
    """`build()`'s result for this site and language, computed once per generation."""
    seconds = getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)
    if not seconds or not cache_available():
        return build()
    site = Site.find_for_request(request)
    key = f"fragment:{name}:{generation()}:{site.pk if site else 0}:{get_language()}"
    value = cache.get(key)
    if value is None or not cache_available():  # not from a per-process copy
        value = build()
        if cache_available():
            cache.set(key, value, seconds)
    return value
