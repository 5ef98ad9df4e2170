"""The network's associations and their directory (/associations/, one page each).

An association owns kits, hosts sessions and employs members, but this module knows
none of them: the association's page shows its kits, sessions and stories through
template tags those apps provide (`association_kits`, `association_sessions`,
`association_testimonials`), so the dependency points from them to here."""

from typing import NamedTuple

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.search import index

from community.associations.forms import AssociationForm
from core.fields import ChoiceListField
from core.i18n import by_translation_key, swap
from core.territories import DEPARTEMENTS
from home.models import BaseIndexPage

ASSOCIATIONS_PER_PAGE = 24


class AssociationQuerySet(models.QuerySet):
    def in_territory(self, code):
        """Associations active in a département (one code among their territories)."""
        return self.filter(territories__contains=f",{code},")


class Localized(NamedTuple):
    """A text and the language it is written in (for the element's `lang`)."""

    text: str
    lang: str


class Association(index.Indexed, models.Model):
    """A member association of the network: owns kits, hosts sessions, employs members.
    Not a translatable snippet (its name is its name, and kits, events and members point to
    one row): its descriptions have an English field beside the French one, shown on the
    English site when written, else the French one marked `lang="fr"`."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=150, unique=True, help_text=_("Its address in the directory: /associations/<slug>/.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    short_description = models.TextField(_("short description"), max_length=400, blank=True)
    description = models.TextField(
        _("description"),
        max_length=3000,
        blank=True,
        help_text=_("A few paragraphs for the association's page in the directory."),
    )
    short_description_en = models.TextField(
        _("short description in English"), max_length=400, blank=True, help_text=_("Shown on the English site.")
    )
    description_en = models.TextField(
        _("description in English"),
        max_length=3000,
        blank=True,
        help_text=_("Shown on the English site; the French description is shown there while this is empty."),
    )
    territories = ChoiceListField(
        _("territories"),
        item_choices=[(code, f"{code} — {name}") for code, name in DEPARTEMENTS.items()],
        max_length=1000,
        help_text=_("The départements where the association acts."),
    )
    themes = models.ManyToManyField("kits.Theme", verbose_name=_("themes"), blank=True, related_name="associations")
    member_since = models.DateField(
        _("member of the network since"), null=True, blank=True, help_text=_("When it joined the Relais network.")
    )

    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff"),
        through="AssociationStaff",
        blank=True,
        related_name="staff_of",
        help_text=_(
            "People of the association who run its kits and figures in the admin. "
            "Only accounts in the “Association staff” group are offered."
        ),
    )

    objects = AssociationQuerySet.as_manager()

    base_form_class = AssociationForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("short_description"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("short_description_en"), FieldPanel("description_en")],
            heading=_("In English"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("member_since"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("territories", widget=forms.SelectMultiple(attrs={"size": 10})),
            ],
            heading=_("In the network"),
        ),
        # Only who manages accounts appoints staff: the staff themselves edit this snippet.
        FieldPanel("staff", widget=forms.CheckboxSelectMultiple, permission="auth.change_user"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.SearchField("short_description_en"),
        index.SearchField("description_en"),
    ]

    class Meta:
        app_label = "community"
        ordering = ["name"]
        verbose_name = _("association")
        verbose_name_plural = _("associations")

    def __str__(self):
        return self.name

    def localized(self, field, language=None):
        """`field` in `language` (the active one by default) when written, else in French."""
        language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if language != settings.LANGUAGE_CODE:
            text = getattr(self, f"{field}_{language}", "")
            if text:
                return Localized(text, language)
        return Localized(getattr(self, field), settings.LANGUAGE_CODE)

    @property
    def localized_short_description(self):
        return self.localized("short_description")

    @property
    def localized_description(self):
        return self.localized("description")

    def get_territories_display(self):
        return [DEPARTEMENTS[code] for code in self.territories if code in DEPARTEMENTS]


class AssociationStaff(models.Model):
    """One person working for one association in the admin (community.associations.staff)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="staff_links")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="association_links")
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        app_label = "community"
        constraints = [models.UniqueConstraint(fields=["association", "user"], name="unique_association_staff")]
        verbose_name = _("association staff member")
        verbose_name_plural = _("association staff")

    def __str__(self):
        return f"{self.user} — {self.association}"


def _logos():
    return Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions("max-160x160"))


def themes_in(locale):
    """The kit themes of a language. Themes belong to kits; the directory filters by them
    through the association's own relation, so it needs no import of kits."""
    theme_model = Association.themes.field.related_model
    return list(theme_model.objects.filter(locale=locale).order_by("name"))


class AssociationIndexPage(RoutablePageMixin, BaseIndexPage):
    """/associations/: the network's directory, filtered by theme and département;
    /associations/<slug>/: one association with its kits and sessions."""

    template = "community/association_index_page.html"

    class Meta:
        app_label = "community"
        verbose_name = _("association directory")

    @path("")
    def directory(self, request):
        return self.render(request, context_overrides=self.directory_context(request))

    @path("<slug:slug>/", name="association")
    def association(self, request, slug):
        association = Association.objects.filter(slug=slug).first()
        if association is None:
            raise Http404
        themes = themes_in(self.locale)
        by_key = by_translation_key(themes)
        return self.render(
            request,
            template="community/association_page.html",
            context_overrides={
                "association": association,
                "association_themes": swap(association.themes.all(), by_key),
                "directory_url": self.url,
            },
        )

    def association_url(self, association):
        return self.url + self.reverse_subpage("association", kwargs={"slug": association.slug})

    def directory_context(self, request):
        """Filters and one page of the listing, in a fixed number of queries."""
        themes = themes_in(self.locale)
        theme_by_slug = {theme.slug: theme for theme in themes}
        themes_by_key = by_translation_key(themes)
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
            association.display_themes = swap(association.themes.all(), themes_by_key)
            association.url = self.association_url(association)
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
