"""Articles under /ressources/: Petit Déj recaps, guides and news."""

import math

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from core.i18n import in_language
from home.blocks import BaseBodyBlock
from home.models import BaseIndexPage

WORDS_PER_MINUTE = 200
ARTICLES_PER_PAGE = 12


class ArticleCategory(models.TextChoices):
    PETIT_DEJ = "petit_dej", _("Petit Déj interassociatif")
    GUIDE = "guide", _("Guide")
    NEWS = "news", _("News")


def reading_minutes(stream_value):
    """Minutes to read a StreamField's text, at ~200 words a minute (at least 1)."""
    texts = stream_value.stream_block.get_searchable_content(stream_value)
    words = sum(len(str(text).split()) for text in texts)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class ArticlePage(Page):
    """A recap or a guide. Its reading time is computed from the body on each save."""

    category = models.CharField(
        _("category"), max_length=20, choices=ArticleCategory.choices, default=ArticleCategory.GUIDE, db_index=True
    )
    introduction = models.TextField(_("introduction"), max_length=500, blank=True)
    date = models.DateField(_("date"), default=timezone.localdate)
    author_name = models.CharField(
        _("author"), max_length=150, blank=True, help_text=_("A person's name; leave blank to sign as the association.")
    )
    author_association = models.ForeignKey(
        "community.Association",
        verbose_name=_("author association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseBodyBlock(), verbose_name=_("body"), blank=True)
    related_kits = ParentalManyToManyField(
        "kits.KitPage", verbose_name=_("related kits"), blank=True, related_name="articles"
    )
    related_event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("related event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a recap: the session it tells about."),
    )
    reading_time = models.PositiveSmallIntegerField(_("reading time (minutes)"), default=1, editable=False)

    template = "community/article_page.html"
    parent_page_types = ["community.ArticleIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("date")]),
                FieldRowPanel([FieldPanel("author_name"), FieldPanel("author_association")]),
            ],
            heading=_("About the article"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("related_kits", widget=forms.CheckboxSelectMultiple), FieldPanel("related_event")],
            heading=_("Related"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.FilterField("category"),
        index.RelatedFields("author_association", [index.SearchField("name")]),
    ]

    class Meta:
        app_label = "community"
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def save(self, *args, **kwargs):
        self.reading_time = reading_minutes(self.body)
        return super().save(*args, **kwargs)

    @property
    def author_display(self):
        if self.author_name and self.author_association_id:
            return f"{self.author_name} ({self.author_association.name})"
        if self.author_association_id:
            return self.author_association.name
        return self.author_name

    @property
    def category_label(self):
        return self.get_category_display()

    def get_context(self, request, *args, **kwargs):
        # Related pages point to whichever language the editor chose: show them in this one.
        context = super().get_context(request, *args, **kwargs)
        context["related_kits"] = in_language(self.related_kits.live().public().order_by("title"), self.locale)
        events = in_language(
            type(self).related_event.field.related_model.objects.live().public().filter(pk=self.related_event_id),
            self.locale,
        )
        context["related_event"] = events[0] if events else None
        return context


class ArticleIndexPage(BaseIndexPage):
    """/ressources/: Petit Déj recaps and guides, newest first, filtered by category."""

    template = "community/article_index_page.html"
    subpage_types = ["community.ArticlePage"]

    class Meta:
        app_label = "community"
        verbose_name = _("article index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).live().public()
        category = request.GET.get("category", "")
        if category in ArticleCategory.values:
            articles = articles.filter(category=category)
        else:
            category = ""
        articles = (
            articles.select_related("author_association")
            .prefetch_related(
                Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions("fill-480x270"))
            )
            .order_by("-date", "-pk")
        )
        page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            articles_page=page,
            page_range=page.paginator.get_elided_page_range(page.number),
            categories=ArticleCategory.choices,
            chosen_category=category,
        )
        return context
