"""What the site search looks in: one entry per searchable type.

Each entry says how to get what a visitor may see in their language (live, public, in
their locale; approved only, for moderated content), how to fetch a page of results with
their related rows in a constant number of queries, which texts the summary is cut from,
and which template shows a result. Adding a type is one more `SearchType(...)` in
`registry()`."""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Prefetch
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from community.articles.models import ArticlePage
from community.associations.models import Association, AssociationIndexPage
from community.testimonials.links import wall_path
from community.testimonials.listing import localized_kits
from community.testimonials.models import Testimonial
from core.i18n import by_translation_key, swap
from events.models import EventPage
from kits.models import KitPage, Theme
from search.kit_facets import KitFacets


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
    facets: Any = None  # optional class narrowing the hits by GET params, see kit_facets.py
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

    def themes_by_key(self):
        return self.once("themes", lambda: by_translation_key(Theme.objects.filter(locale=self.locale)))


def _live_pages(model_name):
    def visible(locale):
        return apps.get_model(model_name).objects.live().public().filter(locale=locale)

    return visible


def _stream_texts(obj, name):
    value = getattr(obj, name, None)
    if not value:
        return []
    return [str(text) for text in obj._meta.get_field(name).get_searchable_content(value) if text]


# Kits ----------------------------------------------------------------------------------
def _fetch_kits(pks, context):
    kits = KitPage.objects.filter(pk__in=pks).select_related("association").prefetch_related("themes")
    themes_by_key = context.themes_by_key()
    found = {}
    for kit in kits:
        kit.search_url = kit.get_url(context.request)
        kit.display_themes = swap(kit.themes.all(), themes_by_key)
        found[kit.pk] = kit
    return found


def _kit_texts(kit):
    return [kit.summary, *_stream_texts(kit, "body")]


# Events --------------------------------------------------------------------------------
def _fetch_events(pks, context):
    events = EventPage.objects.filter(pk__in=pks).prefetch_related(
        Prefetch("host_associations", queryset=Association.objects.only("id", "name"))
    )
    found = {}
    for event in events:
        event.search_url = event.get_url(context.request)
        found[event.pk] = event
    return found


def _event_texts(event):
    return [event.introduction, event.topic, *_stream_texts(event, "body")]


# Associations: not translated, shown in both languages, listed in the directory --------
def _visible_associations(locale):
    return Association.objects.all()


def _fetch_associations(pks, context):
    directory = context.once(
        "association_directory",
        lambda: AssociationIndexPage.objects.live().public().filter(locale=context.locale).first(),
    )
    base = directory.get_url(context.request) if directory else ""
    found = {}
    for association in Association.objects.filter(pk__in=pks):
        if directory:
            association.search_url = base + directory.reverse_subpage("association", kwargs={"slug": association.slug})
        else:
            association.search_url = association.website
        found[association.pk] = association
    return found


def _association_texts(association):
    return [association.short_description]


# Articles: Petit Déj recaps and guides ------------------------------------------------
def _fetch_articles(pks, context):
    found = {}
    for article in ArticlePage.objects.filter(pk__in=pks).select_related("author_association"):
        article.search_url = article.get_url(context.request)
        found[article.pk] = article
    return found


def _article_texts(article):
    return [article.introduction, *_stream_texts(article, "body")]


# Testimonials: approved only; told in their author's language, shown in both -----------
def _visible_testimonials(locale):
    return Testimonial.objects.public()


def _fetch_testimonials(pks, context):
    wall = context.once("testimonial_wall", lambda: wall_path(context.locale.language_code))
    testimonials = list(Testimonial.objects.public().filter(pk__in=pks).select_related("kit", "association"))
    kits = localized_kits(testimonials, context.locale)
    found = {}
    for testimonial in testimonials:
        testimonial.search_url = f"{wall}{testimonial.pk}/"
        testimonial.display_kit = kits.get(testimonial.kit_id)
        found[testimonial.pk] = testimonial
    return found


def _testimonial_texts(testimonial):
    return [testimonial.story]


def registry():
    """The searchable types, in the order of the type facet."""
    return [
        SearchType(
            key="kit",
            label=_("Kits"),
            singular=_("Kit"),
            model="kits.KitPage",
            visible=_live_pages("kits.KitPage"),
            fetch=_fetch_kits,
            texts=_kit_texts,
            template="search/results/kit.html",
            hit_fields=("pk", "audiences"),
            facets=KitFacets,
        ),
        SearchType(
            key="event",
            label=_("Sessions"),
            singular=_("Session"),
            model="events.EventPage",
            visible=_live_pages("events.EventPage"),
            fetch=_fetch_events,
            texts=_event_texts,
            template="search/results/event.html",
        ),
        SearchType(
            key="association",
            label=_("Associations"),
            singular=_("Association"),
            model="community.Association",
            visible=_visible_associations,
            fetch=_fetch_associations,
            texts=_association_texts,
            template="search/results/association.html",
            content_language="fr",  # associations write their descriptions in French
        ),
        SearchType(
            key="article",
            label=_("Articles"),
            singular=_("Article"),
            model="community.ArticlePage",
            visible=_live_pages("community.ArticlePage"),
            fetch=_fetch_articles,
            texts=_article_texts,
            template="search/results/article.html",
        ),
        SearchType(
            key="testimonial",
            label=_("Local actions"),
            singular=_("Local action"),
            model="community.Testimonial",
            visible=_visible_testimonials,
            fetch=_fetch_testimonials,
            texts=_testimonial_texts,
            template="search/results/testimonial.html",
        ),
    ]


def by_key():
    return {entry.key: entry for entry in registry()}


def generic_page_fetch(pages, context):
    """Promoted pages of a type outside the registry: title and link only."""
    found = {}
    for page in pages:
        page.search_url = page.get_url(context.request)
        found[page.pk] = page
    return found
