"""The kit's admin form: publishing (or submitting for review) needs a summary, a
step and a material; saving a draft is always allowed (docs/traps.md: deferred validation).
Only valid steps count, and an invalid block is named in the editor's language; the
themes offered are those of the page's language."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError

from community.associations.staff import association_scope, scoped_associations
from kits import quality
from kits.models.themes import Theme


class KitPageForm(WagtailAdminPageForm):
    association_required = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "themes" in self.fields:
            locale_id = self.instance.locale_id or (self.parent_page and self.parent_page.locale_id)
            self.fields["themes"].queryset = Theme.objects.filter(locale_id=locale_id).order_by("name")
        self._scope_association()

    def _scope_association(self):
        """Association staff write kits for their associations only: the field offers those
        alone (a crafted POST with another one is "not one of the available choices"), is
        required, and is preset when they have one."""
        field = self.fields.get("association")
        if field is None or self.for_user is None or association_scope(self.for_user) is None:
            return
        field.queryset = scoped_associations(self.for_user)
        field.required = self.association_required = True
        # A plain list of their associations, not the snippet chooser over the whole network.
        field.empty_label = None
        field.widget = forms.Select(choices=field.choices)
        if not self.instance.association_id and len(field.queryset) == 1:
            self.initial["association"] = field.queryset[0].pk

    def clean(self):
        cleaned_data = super().clean()
        if self.association_required and not cleaned_data.get("association") and "association" not in self.errors:
            # Even for "Save draft" (deferred validation): a kit of nobody's would be out of their reach.
            self.add_error("association", forms.Field.default_error_messages["required"])
        body = cleaned_data.get("body")
        body_error = self._body_error()
        if body_error is not None:
            # Wagtail's own message is "Validation error in StreamBlock", in English: the
            # banner lists the blocks to correct instead (a non-field error shows the list).
            body = self._valid_blocks(body_error)
            count = len(body_error.block_errors) or 1
            body_error.message = ngettext("%(count)s block to correct", "%(count)s blocks to correct", count) % {
                "count": count
            }
            self.add_error(None, self._invalid_blocks_message(body_error))
        self.quality_assessment = quality.assess(
            summary=cleaned_data.get("summary", ""),
            body=body,
            audiences=cleaned_data.get("audiences"),
            material_count=self._material_count(),
        )
        if getattr(self, "is_deferred_validation", False):
            return cleaned_data  # "Save draft": anything goes
        messages = quality.publish_errors(self.quality_assessment)
        if messages:
            raise ValidationError(messages)
        return cleaned_data

    def _body_error(self):
        errors = self.errors.get("body")
        for error in errors.as_data() if errors else []:
            if isinstance(error, StreamBlockValidationError):
                return error
        return None

    def _raw_body(self):
        return self["body"].data  # the submitted blocks, before validation

    def _valid_blocks(self, error):
        return [child for index, child in enumerate(self._raw_body()) if index not in error.block_errors]

    def _invalid_blocks_message(self, error):
        blocks = list(self._raw_body())
        names = [
            _("block %(number)s (%(label)s)") % {"number": index + 1, "label": capfirst(blocks[index].block.label)}
            for index in sorted(error.block_errors)
            if index < len(blocks)
        ]
        if not names:
            return _("The body has an error: see the message in it.")
        return _("Correct %(blocks)s in the body: the fields to fix are marked there.") % {"blocks": ", ".join(names)}

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
