"""The associations directory: filters, listing and one association's page.
Each builds its context in a fixed number of queries, whatever the number of rows."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model

from kits.models import KitPage, Theme
from kits.territories import DEPARTEMENTS

from .models import Association
from .models.pages import ASSOCIATIONS_PER_PAGE


def _logos():
    return Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions("max-160x160"))


def directory_context(request, index):
    themes = list(Theme.objects.filter(locale=index.locale).order_by("name"))
    theme_by_slug = {theme.slug: theme for theme in themes}
    themes_by_key = {theme.translation_key: theme for theme in themes}
    associations = Association.objects.all()
    theme = theme_by_slug.get(request.GET.get("theme", ""))
    if theme:
        associations = associations.filter(themes__translation_key=theme.translation_key)
    departement = request.GET.get("departement", "")
    if departement in DEPARTEMENTS:
        associations = associations.in_territory(departement)
    else:
        departement = ""
    associations = associations.prefetch_related("themes", _logos()).distinct().order_by("name")
    page = Paginator(associations, ASSOCIATIONS_PER_PAGE).get_page(request.GET.get("page"))
    for association in page:
        association.display_themes = [themes_by_key.get(t.translation_key, t) for t in association.themes.all()]
        association.url = index.association_url(association)
    filters = [
        {
            "name": "theme",
            "label": _("Theme"),
            "choices": [(t.slug, t.name) for t in themes],
            "value": theme.slug if theme else "",
        },
        {
            "name": "departement",
            "label": _("Département"),
            "choices": [(code, f"{code} — {name}") for code, name in DEPARTEMENTS.items()],
            "value": departement,
        },
    ]
    return {
        "associations_page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "result_count": page.paginator.count,
        "filters": filters,
        "filters_active": bool(theme or departement),
    }


def _in_language(pages, locale):
    """`pages` (any language) replaced by their live translation in `locale` when there
    is one; those with none are left out, since the visitor reads `locale`."""
    if not pages:
        return []
    model = type(pages[0])
    keys = [page.translation_key for page in pages]
    translated = {
        page.translation_key: page
        for page in model.objects.live().public().filter(translation_key__in=keys, locale=locale)
    }
    return [translated[page.translation_key] for page in pages if page.translation_key in translated]


def association_context(request, index, association):
    from events.models import EventPage, Registration

    now = timezone.now()
    themes = list(association.themes.all())
    translated_themes = {
        t.translation_key: t
        for t in Theme.objects.filter(translation_key__in=[t.translation_key for t in themes], locale=index.locale)
    }
    kits = list(
        KitPage.objects.live()
        .public()
        .filter(association=association, locale=index.locale)
        .select_related("association")
        .prefetch_related(
            "themes", Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions("fill-480x360"))
        )
        .order_by("title")
    )
    all_themes = {t.translation_key: t for t in Theme.objects.filter(locale=index.locale)}
    for kit in kits:
        kit.display_themes = [all_themes.get(t.translation_key, t) for t in kit.themes.all()]
    # Sessions are attached to the source-language page: find them there, show them in the visitor's language.
    hosted = list(EventPage.objects.live().public().filter(host_associations=association).order_by("-start"))
    attended_ids = (
        Registration.objects.named_attendees().filter(association=association).values_list("event_id", flat=True)
    )
    took_part = list(
        EventPage.objects.live().public().filter(pk__in=attended_ids).exclude(pk__in=[e.pk for e in hosted])
    )
    took_part.sort(key=lambda event: event.start, reverse=True)
    hosted = _dedupe(_in_language(hosted, index.locale))
    took_part = _dedupe(_in_language(took_part, index.locale))
    return {
        "association": association,
        "association_themes": [translated_themes.get(t.translation_key, t) for t in themes],
        "kits": kits,
        "hosted_events": [event for event in hosted if event.end < now],
        "upcoming_hosted_events": [event for event in hosted if event.end >= now][::-1],
        "attended_events": [event for event in took_part if event.end < now],
        "directory_url": index.url,
    }


def _dedupe(pages):
    seen = set()
    result = []
    for page in pages:
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            result.append(page)
    return result
