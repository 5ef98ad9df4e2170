"""Who looked at the volunteers' personal data: one row per page of the "Actions déclarées"
listing, per record opened and per export (docs/decisions/0030). Written in the request that
shows the data, before the data is shown: without its row, the page is not served. Kept
RETENTION_DECLARATION_ACCESS_DAYS (kits.personal_data's retention rule)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kits.models.declarations import ActionDeclaration


class AccessKind(models.TextChoices):
    # A context: "List" and "Export" are also buttons elsewhere in the admin.
    LIST = "list", pgettext_lazy("declaration access", "List")
    DETAIL = "detail", pgettext_lazy("declaration access", "Record")
    EXPORT = "export", pgettext_lazy("declaration access", "Export")


class DeclarationAccess(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Who, still readable once the account is gone (the user field is then empty).
    user_email = models.CharField(_("user's e-mail"), max_length=254)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("what"), max_length=10, choices=AccessKind.choices)
    rows = models.PositiveIntegerField(_("rows shown"))
    filters = models.CharField(_("filters"), max_length=1000, blank=True, help_text=_("The query string."))
    scope = models.CharField(_("associations covered"), max_length=500, blank=True)
    declaration = models.ForeignKey(
        ActionDeclaration,
        verbose_name=_("declaration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("access to declarations")
        verbose_name_plural = _("accesses to declarations")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_email} {self.kind} {self.rows}"
