"""The wall of local actions: filters (kit, theme, département, year) read from GET,
pagination, and the kits shown in the visitor's language, in a constant number of queries."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from community.testimonials.forms import kit_choices
from community.testimonials.models.testimonial import Testimonial
from core.i18n import translations_of
from core.territories import DEPARTEMENTS
from kits.models import KitPage, Theme

PER_PAGE = 12


def localized_kits(testimonials, locale):
    """{source kit id: the kit in `locale` if live, else the source kit} in one query."""
    sources = {t.kit_id: t.kit for t in testimonials if t.kit_id}
    translations = translations_of(sources.values(), locale, KitPage.objects.live())
    result = {}
    for kit_id, kit in sources.items():
        shown = translations.get(kit.translation_key) or (kit if kit.live else None)
        if shown is not None:
            result[kit_id] = shown
    return result


class WallFilters:
    names = ["kit", "theme", "departement", "year"]

    def __init__(self, params, *, locale, language):
        public = Testimonial.objects.public()
        self.themes = list(Theme.objects.filter(locale=locale).order_by("name"))
        years = public.annotate(year=ExtractYear("action_date")).values_list("year", flat=True).order_by().distinct()
        territories = public.values_list("territory", flat=True).order_by().distinct()
        self.fields = [
            ("kit", _("Kit"), kit_choices(language)),
            ("theme", _("Theme"), [(theme.slug, theme.name) for theme in self.themes]),
            (
                "departement",
                _("Département"),
                sorted((code, f"{DEPARTEMENTS.get(code, code)} ({code})") for code in set(territories)),
            ),
            ("year", _("Year"), [(str(year), str(year)) for year in sorted(set(years), reverse=True)]),
        ]
        self.values = {}
        for name, _label, choices in self.fields:
            value = params.get(name, "")
            if value in {code for code, _ in choices} or (name == "departement" and value in DEPARTEMENTS):
                self.values[name] = value

    def __iter__(self):
        for name, label, choices in self.fields:
            yield {"name": name, "label": label, "choices": choices, "value": self.values.get(name, "")}

    @property
    def active(self):
        return bool(self.values)

    def apply(self, queryset):
        values = self.values
        if "kit" in values:
            queryset = queryset.filter(kit_id=int(values["kit"]))
        if "theme" in values:
            theme = next(theme for theme in self.themes if theme.slug == values["theme"])
            queryset = queryset.filter(kit__themes__translation_key=theme.translation_key).distinct()
        if "departement" in values:
            queryset = queryset.filter(territory=values["departement"])
        if "year" in values:
            queryset = queryset.filter(action_date__year=int(values["year"]))
        return queryset


def wall_context(request, page):
    filters = WallFilters(request.GET, locale=page.locale, language=page.locale.language_code)
    listing = Testimonial.objects.for_listing(page.locale.language_code)  # the visitor's language first
    paginator = Paginator(filters.apply(listing), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    testimonials = list(page_obj.object_list)
    kits = localized_kits(testimonials, page.locale)
    for testimonial in testimonials:
        testimonial.display_kit = kits.get(testimonial.kit_id)
    return {
        "filters": filters,
        "testimonials": testimonials,
        "page_obj": page_obj,
        "page_range": paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
        "total": paginator.count,
        # The map shades what this page shows: the stories told, by département.
        "stories_by_territory": dict(
            Testimonial.objects.public().values_list("territory").annotate(n=Count("id")).order_by()
        ),
    }
