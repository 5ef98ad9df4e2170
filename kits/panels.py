"""The quality panel of the kit editor ("ni trop court, ni trop long")."""

from wagtail.admin.panels import Panel

from kits import quality


class QualityPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "kits/admin/quality_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            kit = self.instance
            # After a refused save, the content just submitted; otherwise the saved kit's.
            submitted = getattr(self.form, "quality_assessment", None)
            context["from_form"] = submitted is not None
            context["quality"] = submitted or (kit.quality if kit.pk else None)
            context["words_per_minute"] = quality.WORDS_PER_MINUTE
            return context
