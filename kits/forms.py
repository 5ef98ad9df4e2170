"""The kit's admin form: publishing (or submitting for review) needs a summary, a
step and a material; saving a draft is always allowed (docs/traps.md: deferred validation)."""

from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminPageForm

from kits import quality


class KitPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if getattr(self, "is_deferred_validation", False):
            return cleaned_data  # "Save draft": anything goes
        assessment = quality.assess(
            summary=cleaned_data.get("summary", ""),
            body=cleaned_data.get("body"),
            audiences=cleaned_data.get("audiences"),
            material_count=self._material_count(),
        )
        messages = quality.publish_errors(assessment)
        if messages:
            raise ValidationError(messages)
        return cleaned_data

    def _material_count(self):
        formset = self.formsets.get("materials")
        if formset is None:
            return 0
        formset.is_valid()  # the page form is cleaned before its inline formsets
        count = 0
        for form in formset.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if form.cleaned_data.get("DELETE"):
                continue
            if form.cleaned_data.get("document"):
                count += 1
        return count
