"""The kit index with its filters, and the kit page with its sub-routes (the declaration,
the person's own page, the signed downloads), which hand over to kits.views."""

from django import forms
from django.core.paginator import Paginator
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField

from core.fields import ChoiceListField
from core.i18n import in_language, swap
from home.models import BaseIndexPage
from kits import quality, views
from kits.blocks import KitBodyBlock
from kits.choices import Audience, Cost, Difficulty, Format
from kits.filters import KitFilters
from kits.forms import KitPageForm
from kits.panels import QualityPanel
from kits.permissions import KitPermissionTester
from kits.seo import howto_json_ld

KITS_PER_PAGE = 12


class KitIndexPage(BaseIndexPage):
    """/kits/: every published kit of the visitor's language, filtered by GET parameters."""

    template = "kits/kit_index_page.html"
    subpage_types = ["kits.KitPage"]

    class Meta:
        verbose_name = _("kit index")

    def kits(self):
        return KitPage.objects.child_of(self).live().public().filter(locale_id=self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = KitFilters(request.GET, locale=self.locale)
        kits = (
            filters.apply(self.kits())
            .select_related("association")
            .prefetch_related(
                "themes",
                Prefetch(
                    "hero_image",
                    queryset=get_image_model().objects.prefetch_renditions(
                        "format-webp|fill-480x360", "format-jpeg|fill-480x360"
                    ),
                ),
            )
            .order_by("title")
        )
        page = Paginator(kits, KITS_PER_PAGE).get_page(request.GET.get("page"))
        for kit in page:
            kit.display_themes = swap(kit.themes.all(), filters.themes_by_key)
        context.update(
            filters=filters,
            kits_page=page,
            result_count=page.paginator.count,
            page_range=page.paginator.get_elided_page_range(page.number),
        )
        return context

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if len(path_components) != 1:
                raise
            other = KitPage.objects.live().public().filter(slug=path_components[0]).exclude(locale_id=self.locale_id)
            kit = other.first()
            if kit is None:
                raise
            return RouteResult(self, kwargs={"kit_elsewhere": kit})

    def serve(self, request, *args, kit_elsewhere=None, **kwargs):
        if kit_elsewhere is None:
            return super().serve(request, *args, **kwargs)
        translation = kit_elsewhere.get_translation_or_none(self.locale)
        if translation and translation.live:
            return redirect(translation.get_url(request), permanent=False)
        return TemplateResponse(
            request,
            "kits/kit_not_translated.html",
            {"page": self, "kit": kit_elsewhere, "kit_url": kit_elsewhere.get_url(request)},
            status=404,
        )


class KitPage(RoutablePageMixin, Page):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=_("At most 300 characters: what the action is, for whom."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    association = models.ForeignKey(
        "community.Association",
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kits",
        help_text=_("The association that wrote the kit and answers for it."),
    )
    themes = ParentalManyToManyField("kits.Theme", verbose_name=_("themes"), blank=True, related_name="kits")
    audiences = ChoiceListField(_("audiences"), item_choices=Audience.choices)
    format = models.CharField(_("format"), max_length=30, choices=Format.choices, default=Format.COLLECTION)
    preparation_days = models.PositiveSmallIntegerField(
        _("preparation time (days)"), default=7, help_text=_("How many days before the action to start preparing.")
    )
    action_duration = models.PositiveIntegerField(
        _("action duration (minutes)"), default=120, help_text=_("How long the action itself lasts, in minutes.")
    )
    team_min = models.PositiveSmallIntegerField(_("team size, at least"), default=1)
    team_max = models.PositiveSmallIntegerField(_("team size, at most"), default=5)
    difficulty = models.CharField(_("difficulty"), max_length=20, choices=Difficulty.choices, default=Difficulty.EASY)
    cost = models.CharField(_("cost"), max_length=20, choices=Cost.choices, default=Cost.FREE)
    school_setting = models.BooleanField(
        _("school setting"),
        default=False,
        help_text=_("The action takes place in a school: it needs an accredited volunteer."),
    )
    accreditation_note = models.TextField(
        _("accreditation requirement"),
        blank=True,
        help_text=_("What the accreditation involves (training session, documents to provide). Shown when flagged."),
    )
    school_charter = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("charter for actions in schools"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page of the charter a volunteer signs to be accredited. Linked from the kit when flagged."),
    )
    referent_name = models.CharField(_("referent"), max_length=120, blank=True)
    referent_email = models.EmailField(_("referent e-mail"), blank=True)
    body = StreamField(KitBodyBlock(), verbose_name=_("body"), blank=True)

    base_form_class = KitPageForm
    template = "kits/kit_page.html"
    parent_page_types = ["kits.KitIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        QualityPanel(heading=_("Quality: neither too short nor too long")),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldPanel("association"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences"),
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("preparation_days"), FieldPanel("action_duration")]),
                FieldRowPanel([FieldPanel("team_min"), FieldPanel("team_max")]),
                FieldRowPanel([FieldPanel("difficulty"), FieldPanel("cost")]),
            ],
            heading=_("Key facts"),
        ),
        MultiFieldPanel(
            [FieldPanel("school_setting"), FieldPanel("accreditation_note"), FieldPanel("school_charter")],
            heading=_("School setting"),
        ),
        MultiFieldPanel([FieldPanel("referent_name"), FieldPanel("referent_email")], heading=_("Referent contact")),
        FieldPanel("body"),
        InlinePanel("materials", heading=_("Materials"), label=_("Material")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    override_translatable_fields = [SynchronizedField("audiences"), SynchronizedField("referent_name")]

    class Meta:
        verbose_name = _("kit")
        verbose_name_plural = _("kits")

    def permissions_for_user(self, user):
        # Association staff get nothing on another association's kit (kits.permissions).
        return KitPermissionTester(user, self)

    @cached_property
    def quality(self):
        return quality.assess(
            summary=self.summary,
            body=self.body,
            audiences=self.audiences,
            material_count=len(self.materials.all()),
        )

    def get_audiences_display(self):
        labels = dict(Audience.choices)
        return [labels[code] for code in self.audiences if code in labels]

    def get_duration_display(self):
        return format_minutes(self.action_duration)

    def get_team_display(self):
        if self.team_min == self.team_max:
            return str(self.team_min)
        return f"{self.team_min}–{self.team_max}"

    def localized_themes(self):
        """The kit's themes in the page's language (kits point to the source rows)."""
        return in_language(self.themes.all(), self.locale)

    def body_with_step_numbers(self):
        """(block, step number or None) for each block: steps are numbered in body order."""
        number = 0
        items = []
        for block in self.body:
            if block.block_type == "step":
                number += 1
                items.append((block, number))
            else:
                items.append((block, None))
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        materials = list(self.materials.select_related("document"))
        context.update(
            body_items=self.body_with_step_numbers(),
            materials=materials,
            themes=self.localized_themes(),
            json_ld=howto_json_ld(self, request, materials),
        )
        return context

    # Sub-routes: the same paths in both languages (/kits/<slug>/je-me-lance/, /en/kits/<slug>/je-me-lance/).
    @path("je-me-lance/", name="declare")
    def declare(self, request):
        return views.declare(request, self)

    @path("mon-action/<str:token>/", name="my_action")
    def my_action(self, request, token):
        return views.my_action(request, self, token)

    @path("mon-action/<str:token>/annuler/", name="cancel_action")
    def cancel_action(self, request, token):
        return views.cancel_action(request, self, token)

    @path("telecharger/<str:value>/<str:timestamp>/<str:signature>/", name="download")
    def download(self, request, value, timestamp, signature):
        return views.download(request, self, f"{value}/{timestamp}/{signature}")

    def source_kit(self):
        """The kit in the default language, to which declarations are attached."""
        if self.locale.language_code == Locale.get_default().language_code:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    def checklists(self):
        """(title, items) of the body's checklist blocks, for the reminder e-mail."""
        return [
            (block.value["title"], list(block.value["items"])) for block in self.body if block.block_type == "checklist"
        ]


def format_minutes(minutes):
    hours, rest = divmod(minutes or 0, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"
