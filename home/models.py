from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import CallToActionBlock, StandardBodyBlock
from home.permissions import MANAGE_STRUCTURAL_PAGES, StructuralPageMixin


class BaseIndexPage(StructuralPageMixin, Page):
    """A section's landing page (kits, events, local actions…): one per language, under home.
    Structural: only site administrators change it (home/permissions.py)."""

    introduction = models.TextField(_("introduction"), max_length=500, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class HomePage(StructuralPageMixin, Page):
    """The site's front door, one per language. Structural (home/permissions.py)."""

    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    calls_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name=_("calls to action"),
        blank=True,
        max_num=3,
    )
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("calls_to_action"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
        InlinePanel(
            "featured_kits",
            heading=_("Featured kits"),
            label=_("Kit"),
            min_num=0,
            max_num=6,
            help_text=_("Three to six kits shown under the hero. Fewer than three: the latest kits complete them."),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "kits.KitIndexPage",
        "events.EventIndexPage",
        "community.TestimonialIndexPage",
        "community.ArticleIndexPage",
        "community.AssociationIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class HomeFeaturedKit(Orderable):
    """A kit the editors put forward on the home page. A page reference rather than a kit:
    home is the base every app builds on and knows none of them (the chooser asks for kits)."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_kits")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("kit"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", "kits.KitPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured kit")
        verbose_name_plural = _("featured kits")


class StandardPage(StructuralPageMixin, Page):
    """About, legal notice, privacy policy, accessibility statement…"""

    introduction = models.TextField(_("introduction"), max_length=500, blank=True)
    body = StreamField(StandardBodyBlock(), verbose_name=_("body"), blank=True)
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("Legal pages (legal notice, privacy, accessibility) belong in the footer."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    # Putting a page in the footer makes it structural: only site administrators decide.
    promote_panels = Page.promote_panels + [FieldPanel("show_in_footer", permission=MANAGE_STRUCTURAL_PAGES)]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def is_structural(self):
        # The footer's pages (legal notice, privacy, accessibility) are the site's commitments.
        return self.show_in_footer


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)

    panels = [
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
        # Given to the staff who answer data-protection requests (home/personal_data_admin.py).
        permissions = [
            ("manage_personal_data", "Can search, export and erase personal data"),
            # The home, section index and footer pages (home/permissions.py).
            ("manage_structural_pages", "Can edit, publish, move and delete the structural pages"),
        ]

    @property
    def social_links(self):
        links = [
            ("Mastodon", self.mastodon_url),
            ("LinkedIn", self.linkedin_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
        ]
        return [(name, url) for name, url in links if url]


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The few words at the bottom of every page, translated like a page."""

    body = RichTextField(_("text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer text")

    def __str__(self):
        return str(_("Footer text"))
