"""A seat (or a place on the waiting list) at a peer session. Changed only through
`events.services`, which takes the event's row lock."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("waiting_position")

    def named_attendees(self):
        """Who may be thanked by name in the recap: attended and agreed to it."""
        return self.filter(status=Registration.Status.CONFIRMED, attended=True, may_name_association=True)


class Registration(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("awaiting e-mail confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member account"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    association = models.ForeignKey(
        "community.Association",
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="fr")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    waiting_position = models.PositiveIntegerField(_("waiting list position"), null=True, blank=True)
    may_name_association = models.BooleanField(_("association may be named in the recap"), default=False)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("seat confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    reminders_opt_out = models.BooleanField(_("no more reminders"), default=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "status", "waiting_position", "created_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="events_one_active_registration_per_email",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="events_reg_event_status")]

    def __str__(self):
        return f"{self.name} — {self.event.title}"

    @property
    def is_guest(self):
        return self.user_id is None

    @property
    def association_name(self):
        return self.association.name if self.association_id else self.organisation

    association_name.fget.short_description = _("association")

    @property
    def holds_seat(self):
        return self.status == self.Status.CONFIRMED
