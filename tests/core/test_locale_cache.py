"""Locales come from memory through a cached manager (core/locale_cache.py), and what that
relies on in Wagtail is pinned: when Wagtail changes how it looks locales up, these tests
fail, so the override is checked again instead of silently doing nothing (or harm)."""

import hashlib
import inspect

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager, TranslatableMixin

from core import locale_cache

pytestmark = pytest.mark.django_db

# sha256 (first 16 hex digits) of the source of what the cached manager stands in for, in
# Wagtail 8.0. A mismatch means Wagtail changed it: read the new code, check that
# CachedLocaleManager still matches what the original returns and that Wagtail still goes
# through `Locale.objects.get_for_language`, then record the new digest here.
PINNED = {
    "LocaleManager.get_for_language": "18f837c7d750cfe4",
    "Locale.get_default": "c30bbdd47f97869d",
    "Locale.get_active": "099c144b1ba01289",
    "TranslatableMixin.localized_draft": "0ed81d4a93b79f3b",
}


def digest(function):
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]


def test_what_the_cached_manager_relies_on_in_wagtail_is_unchanged():
    found = {
        "LocaleManager.get_for_language": digest(LocaleManager.get_for_language),
        "Locale.get_default": digest(Locale.get_default.__func__),
        "Locale.get_active": digest(Locale.get_active.__func__),
        "TranslatableMixin.localized_draft": digest(TranslatableMixin.localized_draft.fget),
    }
    assert found == PINNED
    assert list(inspect.signature(LocaleManager.get_for_language).parameters) == ["self", "language_code"]
    assert "cls.objects.get_for_language(" in inspect.getsource(Locale.get_active.__func__)


def test_locale_objects_is_the_cached_manager_and_wagtails_class_is_untouched():
    assert isinstance(Locale.objects, locale_cache.CachedLocaleManager)
    assert issubclass(locale_cache.CachedLocaleManager, LocaleManager)
    assert Locale._default_manager is Locale.objects  # still the default manager
    assert type(Locale.all_objects).__name__ == "Manager"  # Wagtail's second manager kept
    assert "get_for_language" in LocaleManager.__dict__  # not replaced on Wagtail's class
    assert LocaleManager.get_for_language.__module__ == "wagtail.models.i18n"


def test_a_locale_is_read_once_then_from_memory_and_each_caller_gets_a_copy(django_assert_num_queries):
    locale_cache.forget()
    with django_assert_num_queries(1):
        first = Locale.get_active()
        second = Locale.objects.get_for_language("fr")
    assert first == second and first is not second


def test_pages_look_no_locale_up_by_language_once_warm():
    Client().get("/")
    with CaptureQueriesContext(connection) as queries:
        assert Client().get("/").status_code == 200
    by_language = [query["sql"] for query in queries.captured_queries if '"language_code" =' in query["sql"]]
    assert by_language == []  # (a page's own `.locale`, by id, is another matter)


def test_saving_a_locale_forgets_them():
    english = Locale.objects.get_for_language("en")
    assert "en" in locale_cache._locales
    english.save()
    assert locale_cache._locales == {}
