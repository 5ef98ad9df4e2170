"""What the search page offers when there is nothing to show: popular kits and the next
session for an empty query; spelling suggestions when a query finds nothing."""

import difflib

from django.core.cache import cache
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from community.associations.models import Association
from core.i18n import by_translation_key, swap
from core.search_types import search_types
from events.models import EventPage
from kits.models import ActionDeclaration, KitPage, Theme
from search import highlight
from search.services import WORD

POPULAR_KITS = 3


def popular_kits(locale, request, limit=POPULAR_KITS):
    """The visitor's-language kits with the most declared actions (declarations attach to
    the French kit: count by translation key), then by title."""
    declared = (
        ActionDeclaration.objects.active()
        .filter(kit__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("kit__translation_key")
        .annotate(total=Count("pk"))
        .values("total")
    )
    kits = list(
        KitPage.objects.live()
        .public()
        .filter(locale=locale)
        .annotate(declared=Coalesce(Subquery(declared), 0))
        .select_related("association")
        .prefetch_related("themes")
        .order_by("-declared", "title")[:limit]
    )
    themes = by_translation_key(Theme.objects.filter(locale=locale))
    for kit in kits:
        kit.display_themes = swap(kit.themes.all(), themes)
    return kits


def next_session(locale):
    return EventPage.objects.live().public().filter(locale=locale).upcoming(timezone.now()).first()


VOCABULARY_VERSION = "search:vocabulary-version"


def forget_vocabulary(**kwargs):
    """Signal receiver: something visible changed (published, unpublished, restricted…)."""
    try:
        cache.incr(VOCABULARY_VERSION)
    except ValueError:
        cache.set(VOCABULARY_VERSION, 2, None)


def vocabulary(locale):
    """Words of the visible titles, cached until a page is published, unpublished, moved
    or restricted, or an association changes (signals in apps.py)."""
    version = cache.get_or_set(VOCABULARY_VERSION, 1, None)
    key = f"search:vocabulary:{locale.pk}:{version}"
    return cache.get_or_set(key, lambda: _vocabulary(locale), 3600)


def _vocabulary(locale):
    """Words (4 letters or more) of the titles the visitor could find, folded → as written."""
    words = {}
    for entry in search_types():
        if not entry.suggest:
            continue
        model = entry.get_model()
        name_field = "title" if hasattr(model, "title") else "name"
        for title in entry.visible(locale).values_list(name_field, flat=True):
            for word in WORD.findall(title):
                if len(word) >= 4 and not word.isdigit():
                    words.setdefault(highlight.fold(word), word.lower())
    return words


def spelling_suggestion(query, locale):
    """The query with each unknown word replaced by the closest title word, or ""."""
    words = vocabulary(locale)
    if not words:
        return ""
    known = list(words)
    changed = False
    corrected = []
    for word in WORD.findall(query):
        folded = highlight.fold(word)
        stem = highlight.stem(word)
        if len(folded) < 4 or folded in words or any(known_word.startswith(stem) for known_word in known):
            corrected.append(word)
            continue
        close = difflib.get_close_matches(folded, known, n=1, cutoff=0.75)
        if close:
            corrected.append(words[close[0]])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else ""


def connect():
    """The spelling suggestions' vocabulary is cached: forget it when what is visible changes."""
    page_published.connect(forget_vocabulary, dispatch_uid="search-vocabulary-published")
    page_unpublished.connect(forget_vocabulary, dispatch_uid="search-vocabulary-unpublished")
    post_page_move.connect(forget_vocabulary, dispatch_uid="search-vocabulary-moved")
    for model in (PageViewRestriction, Association):
        post_save.connect(forget_vocabulary, sender=model, dispatch_uid=f"search-vocabulary-save-{model.__name__}")
        post_delete.connect(forget_vocabulary, sender=model, dispatch_uid=f"search-vocabulary-del-{model.__name__}")
    post_delete.connect(forget_vocabulary, sender=Page, dispatch_uid="search-vocabulary-page-deleted")
