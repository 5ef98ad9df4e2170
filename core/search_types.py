"""What the site search looks in, filled by the apps that own the records.

Each app registers its searchable type from `AppConfig.ready()`:

    register_search_type(SearchType(key="kit", model="kits.KitPage", ...), order=10)

A type says how to get what a visitor may see in their language (live, public, in their
locale; approved only, for moderated content), how to fetch a page of results with
their related rows in a constant number of queries, which texts the summary is cut from,
and which template shows a result. The search app (search/) only reads this registry."""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils.functional import Promise


@dataclass(frozen=True)
class SearchType:
    key: str  # the ?type= value
    label: Promise  # plural, for the facet ("Kits")
    singular: Promise  # the result's badge ("Kit")
    model: str  # "app.Model"
    visible: Any  # visible(locale) -> queryset of what the visitor may see
    fetch: Any  # fetch(pks, context) -> {pk: object with .search_url}, related rows loaded
    texts: Any  # texts(obj) -> [text, …] the summary is cut from, best first
    template: str
    hit_fields: tuple = ("pk",)  # columns loaded for every hit (facets read them)
    facets: Any = None  # optional class narrowing the hits by GET params: facets(params, context)
    suggest: bool = True  # titles offered by the autocomplete
    content_language: str = ""  # set when the content is in one language whatever the visitor's

    def get_model(self):
        return apps.get_model(self.model)


class FetchContext:
    """What fetching results may need once per request (and caches it)."""

    def __init__(self, request, locale):
        self.request = request
        self.locale = locale
        self._cache = {}

    def once(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]


def live_pages(model_name):
    """`visible` for a page type: its live, public pages in the visitor's locale."""

    def visible(locale):
        return apps.get_model(model_name).objects.live().public().filter(locale=locale)

    return visible


def stream_texts(obj, name):
    """The searchable texts of a StreamField, for the summary."""
    value = getattr(obj, name, None)
    if not value:
        return []
    return [str(text) for text in obj._meta.get_field(name).get_searchable_content(value) if text]


_types = {}


def register_search_type(search_type, order=50):
    _types[search_type.key] = (order, search_type)


def search_types():
    """The searchable types, in the order of the type facet."""
    return [search_type for _order, search_type in sorted(_types.values(), key=lambda item: (item[0], item[1].key))]


def search_type(key):
    found = _types.get(key)
    return found[1] if found else None
