"""Wagtail looks its Locale up in the database each time a page, a block or a tag asks
for the active language (five times on the home page). Locales change once in a site's
life: keep them in memory for a minute, and forget them as soon as one is saved."""

import copy
import time

from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

SECONDS = 60
_locales = {}


def forget(**kwargs):
    _locales.clear()


def all_locales():
    """Every Locale, from memory (see above)."""
    now = time.monotonic()
    found = _locales.get("*all*")
    if found is None or found[1] < now:
        found = (list(Locale.objects.all()), now + SECONDS)
        _locales["*all*"] = found
    return [copy.copy(locale) for locale in found[0]]


def install():
    original = LocaleManager.get_for_language
    if getattr(original, "memoised", False):
        return

    def get_for_language(self, language_code):
        now = time.monotonic()
        found = _locales.get(language_code)
        if found is None or found[1] < now:
            found = (original(self, language_code), now + SECONDS)
            _locales[language_code] = found
        return copy.copy(found[0])

    get_for_language.memoised = True
    LocaleManager.get_for_language = get_for_language
    post_save.connect(forget, sender=Locale, dispatch_uid="relais-locale-cache-save")
    post_delete.connect(forget, sender=Locale, dispatch_uid="relais-locale-cache-delete")
