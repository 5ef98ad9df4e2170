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


class CommentReport(models.Model):
    """Why a member reported a comment: one per django_comments flag (the flag stays the
    report itself, which the admin listing and the moderation panel count)."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSIVE = "abusive", _("Abusive, hateful or threatening")
        OFF_TOPIC = "off_topic", _("Off-topic")
        PERSONAL_DATA = "personal_data", _("Shows someone's personal data")
        OTHER = "other", _("Something else")

    flag = models.OneToOneField("django_comments.CommentFlag", on_delete=models.CASCADE, related_name="report")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.CharField(_("details"), max_length=300, blank=True)

    class Meta:
        app_label = "community"
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")

    def __str__(self):
        return self.get_reason_display()
