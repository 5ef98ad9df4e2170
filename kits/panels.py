"""The quality panel of the kit editor ("ni trop court, ni trop long"), updated while the
editor types by kits/static/kits/js/quality-live.js through kits.quality_admin."""

from django import forms
from django.urls import reverse

from wagtail.admin.panels import Panel

from kits import quality


def quality_url(kit, parent_page):
    """Where the panel of this kit (or of a new kit under `parent_page`) posts its form."""
    if kit.pk:
        return reverse("kits_quality", args=["page", kit.pk])
    return reverse("kits_quality", args=["parent", parent_page.pk]) if parent_page else ""


class QualityPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "kits/admin/quality_panel.html"

        @property
        def media(self):
            return forms.Media(js=["kits/js/quality-live.js"])

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            kit = self.instance
            # After a refused save, the content just submitted; otherwise the saved kit's.
            submitted = getattr(self.form, "quality_assessment", None)
            context["source"] = "submitted" if submitted is not None else "saved"
            context["quality"] = submitted or (kit.quality if kit.pk else None)
            context["words_per_minute"] = quality.WORDS_PER_MINUTE
            context["quality_url"] = quality_url(kit, getattr(self.form, "parent_page", None))
            return context
