from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from kits.fields import ChoiceListField
from kits.territories import DEPARTEMENTS


class AssociationQuerySet(models.QuerySet):
    def in_territory(self, code):
        """Associations active in a département (one code among their territories)."""
        return self.filter(territories__contains=f",{code},")


class Association(index.Indexed, models.Model):
    """A member association of the network: owns kits, hosts sessions, employs members.
    Not translated: its name is its name; its description is written in French."""

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

    objects = AssociationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("short_description"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("member_since"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("territories", widget=forms.SelectMultiple(attrs={"size": 10})),
            ],
            heading=_("In the network"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_description"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("association")
        verbose_name_plural = _("associations")

    def __str__(self):
        return self.name

    def get_territories_display(self):
        return [DEPARTEMENTS[code] for code in self.territories if code in DEPARTEMENTS]
