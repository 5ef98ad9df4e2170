"""The site's Wagtail document model: files kept out of reach of the web server."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument

from kits.storage import private_storage


class PrivateDocument(AbstractDocument):
    """Every Wagtail document of the site (WAGTAILDOCS_DOCUMENT_MODEL), stored outside
    MEDIA_ROOT: no web server can hand it out, only Django views that check the
    collection's view restrictions (kit materials live in the private "Kits" collection)."""

    file = models.FileField(upload_to="documents", storage=private_storage, verbose_name=_("file"))

    # No tags: nothing here uses them, and Wagtail's tag widget has an input without a label.
    admin_form_fields = ("title", "file", "collection")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]
