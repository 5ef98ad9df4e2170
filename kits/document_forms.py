"""The admin's document upload form (WAGTAILDOCS_DOCUMENT_FORM_BASE): a new document
goes to the private "Kits" collection unless the editor picks another one, and the
collection field says what each choice means for visitors."""

from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

from kits.documents import kits_collection

STORAGE_HELP = _(
    "Where the file is stored. “Kits” is private: visitors get a kit's materials only "
    "through the signed links sent after “Je me lance”. Any other collection is reachable "
    "by whoever has the file's address, unless the file is a kit's material."
)


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("collection")
        if field is None:
            return
        field.help_text = STORAGE_HELP
        if not self.instance.pk and not self.is_bound:
            private = kits_collection()
            if self.collections.filter(pk=private.pk).exists():
                self.initial["collection"] = private.pk
