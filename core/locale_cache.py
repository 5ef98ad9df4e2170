"""Wagtail looks its Locale up in the database each time a page, a block or a tag asks
for the active language (`Locale.get_active()`, `page.localized`: five times on the home
page). Locales change once in a site's life: keep them in memory for a minute, and forget
them as soon as one is saved or deleted.

How, without patching Wagtail's code: `CachedLocaleManager` is a subclass of Wagtail's
`LocaleManager` whose `get_for_language` remembers what the original returns, and
`install()` makes it `Locale.objects` through Django's manager API (the manager added to
the model in place of the one Wagtail declared, same name, same place: still the default
manager). Wagtail's classes are left as they are. What this relies on — Wagtail reaching
locales through `Locale.objects.get_for_language(code)`, with that signature — is pinned by
tests/core/test_locale_cache.py, which fails when Wagtail changes it."""

import copy
import time

from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

SECONDS = 60
_locales = {}


def forget(**kwargs):
    _locales.clear()


def _remembered(key, compute):
    now = time.monotonic()
    found = _locales.get(key)
    if found is None or found[1] < now:
        found = (compute(), now + SECONDS)
        _locales[key] = found
    return found[0]


class CachedLocaleManager(LocaleManager):
    """Wagtail's LocaleManager, with `get_for_language` answered from memory. Each caller
    gets its own copy: a Locale handed out is never shared between requests."""

    def get_for_language(self, language_code):
        return copy.copy(
            _remembered(language_code, lambda: super(CachedLocaleManager, self).get_for_language(language_code))
        )


def all_locales():
    """Every Locale, from memory (see above)."""
    return [copy.copy(locale) for locale in _remembered("*all*", lambda: list(Locale.objects.all()))]


def install():
    """Make `Locale.objects` a CachedLocaleManager (once)."""
    if isinstance(Locale.objects, CachedLocaleManager):
        return
    declared = next(manager for manager in Locale._meta.local_managers if manager.name == "objects")
    manager = CachedLocaleManager()
    manager.creation_counter = declared.creation_counter  # the same place: still the default manager
    Locale._meta.local_managers.remove(declared)
    manager.contribute_to_class(Locale, "objects")
    post_save.connect(forget, sender=Locale, dispatch_uid="relais-locale-cache-save")
    post_delete.connect(forget, sender=Locale, dispatch_uid="relais-locale-cache-delete")
