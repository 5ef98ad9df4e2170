"""What the feedback threads keep beside django-comments-xtd's own comment rows."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CommentConfirmation(models.Model):
    """A used e-mail confirmation link (its digest, never the link itself): a link works
    once, even after a moderator deletes the comment it created. Also keeps the language
    the visitor wrote in, for their reply notifications."""

    digest = models.CharField(max_length=64, unique=True)
    comment = models.OneToOneField(
        "django_comments_xtd.XtdComment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="confirmation",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="fr")
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)

    class Meta:
        app_label = "community"
        verbose_name = _("comment confirmation")
        verbose_name_plural = _("comment confirmations")

    def __str__(self):
        return f"{self.digest[:12]}…"
