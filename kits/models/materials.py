"""The files that come with a kit."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from kits.choices import MaterialKind, MaterialLanguage


class KitMaterial(TranslatableMixin, Orderable):
    """A file that comes with the kit. Labels are translated; the file is shared."""

    page = ParentalKey("kits.KitPage", on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    label = models.CharField(_("label"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=MaterialKind.choices, default=MaterialKind.GUIDE)
    language = models.CharField(
        _("language"), max_length=3, choices=MaterialLanguage.choices, default=MaterialLanguage.FRENCH
    )

    panels = [FieldPanel("document"), FieldPanel("label"), FieldRowPanel([FieldPanel("kind"), FieldPanel("language")])]
    override_translatable_fields = [SynchronizedField("document")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.label

    @property
    def file_format(self):
        return self.document.file_extension.upper()
