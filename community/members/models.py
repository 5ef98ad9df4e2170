from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel

from community.associations.models import Association


class MemberProfileQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=MemberProfile.Status.PENDING)

    def approved(self):
        return self.filter(status=MemberProfile.Status.APPROVED)


class MemberProfile(models.Model):
    """What makes an account a network member: the association they speak for, their
    role there, and staff approval. Only approved profiles unlock members-only features
    (see `community.members.access.is_network_member`)."""

    class Status(models.TextChoices):
        # A context: "declined" is also a topic proposal that was not kept ("écarté").
        PENDING = "pending", pgettext_lazy("membership status", "waiting for approval")
        APPROVED = "approved", pgettext_lazy("membership status", "approved")
        DECLINED = "declined", pgettext_lazy("membership status", "declined")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="member_profile"
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text=_("Empty when the member's association is not in the directory."),
    )
    association_name_other = models.CharField(
        _("association not listed"),
        max_length=150,
        blank=True,
        help_text=_("The name the member gave when their association is not in the directory."),
    )
    role = models.CharField(_("role in the association"), max_length=150, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails sent to this member."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved or declined by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved or declined at"), null=True, blank=True)
    accredited_at = models.DateTimeField(
        _("accredited for school actions on"),
        null=True,
        blank=True,
        help_text=_("Recorded when the member is marked as having attended a training session."),
    )
    accreditation_event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("training session attended"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MemberProfileQuerySet.as_manager()

    panels = [
        FieldPanel("user", read_only=True),
        FieldPanel("association"),
        FieldPanel("association_name_other"),
        FieldPanel("role"),
        FieldPanel("language"),
        FieldPanel("status", read_only=True),
        FieldPanel("approved_by", read_only=True),
        FieldPanel("approved_at", read_only=True),
        FieldPanel("accredited_at"),
        FieldPanel("accreditation_event"),
    ]

    class Meta:
        app_label = "community"
        ordering = ["-created_at"]
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return f"{self.full_name} <{self.user.email}>"

    @property
    def full_name(self):
        return self.user.get_full_name() or self.user.email

    full_name.fget.short_description = _("name")

    @property
    def association_display(self):
        """The association's name, whether chosen from the directory or typed in."""
        return self.association.name if self.association_id else self.association_name_other

    association_display.fget.short_description = _("association")

    @property
    def is_accredited(self):
        return self.accredited_at is not None

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED
