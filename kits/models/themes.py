"""Kit themes: a translatable snippet."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class Theme(TranslatableMixin, models.Model):
    """A cause a kit serves (health, environment, road safety…), translated like a page.
    Kits point to the French rows (ManyToMany is not translated): match by translation_key."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Used in the address of the filtered kit list."))

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name
