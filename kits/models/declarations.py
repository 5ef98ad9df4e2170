"""Action declarations ("Je me lance") and the downloads they unlock."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import in_language_code
from core.territories import territory_name
from kits.choices import Audience

EMAIL_HASH_SALT = "relais.kits.declaration.email"


def email_hash(email):
    """HMAC-SHA256 of the lower-cased, stripped address, keyed from SECRET_KEY: counts
    unique people even once the address itself has been anonymised."""
    return salted_hmac(EMAIL_HASH_SALT, (email or "").strip().lower(), algorithm="sha256").hexdigest()


def new_token():
    return secrets.token_urlsafe(32)


class DeclarationStatus(models.TextChoices):
    # A context: "Reported" is also a reported comment ("Signalé"), "Cancelled" a workflow state.
    DECLARED = "declared", pgettext_lazy("declaration status", "Declared")
    REPORTED = "reported", pgettext_lazy("declaration status", "Reported")
    CANCELLED = "cancelled", pgettext_lazy("declaration status", "Cancelled")


class Accreditation(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_ASKED = "not-asked", _("Not asked")


class ActionDeclarationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=DeclarationStatus.CANCELLED)

    def due_for_reminder(self, today, days_before):
        """Declared actions planned within `days_before` days (tomorrow at the earliest),
        declared before today, not reminded yet, whose author still accepts e-mails."""
        return self.filter(
            status=DeclarationStatus.DECLARED,
            emails_opt_out=False,
            reminder_sent_at__isnull=True,
            planned_date__gt=today,
            planned_date__lte=today + timedelta(days=days_before),
            created_at__date__lt=today,
        )

    def due_for_followup(self, today, days_after, window_days):
        """Declared actions whose planned date was `days_after` days ago or more (at most
        `window_days` ago: an old backlog is not mailed), not followed up yet, opt-out respected."""
        return self.filter(
            status=DeclarationStatus.DECLARED,
            emails_opt_out=False,
            followup_sent_at__isnull=True,
            planned_date__lte=today - timedelta(days=days_after),
            planned_date__gt=today - timedelta(days=window_days),
        )


class ActionDeclaration(models.Model):
    """Someone said "je me lance": who runs the action with a kit, where and when.
    Always attached to the source-language kit so both languages count together."""

    kit = models.ForeignKey(
        "kits.KitPage", verbose_name=_("kit"), on_delete=models.PROTECT, related_name="declarations"
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    territory = models.CharField(
        _("département or territory"), max_length=3, help_text=_("Derived from the postcode (2A, 75, 971, 977…).")
    )
    planned_date = models.DateField(_("planned date"))
    audience = models.CharField(_("audience"), max_length=30, choices=Audience.choices)
    expected_participants = models.PositiveIntegerField(_("expected participants"))
    reported_participants = models.PositiveIntegerField(
        _("reported participants"), null=True, blank=True, help_text=_("From the approved testimonial of the action.")
    )
    consent_at = models.DateTimeField(_("consent given at"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    email_hash = models.CharField(_("e-mail hash"), max_length=64, db_index=True, editable=False)
    token = models.CharField(_("secret token"), max_length=64, unique=True, default=new_token, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=DeclarationStatus.choices, default=DeclarationStatus.DECLARED
    )
    accredited = models.CharField(
        _("accredited for school actions"),
        max_length=10,
        choices=Accreditation.choices,
        default=Accreditation.NOT_ASKED,
    )
    emails_opt_out = models.BooleanField(_("no more e-mails"), default=False)
    links_sent_at = models.DateTimeField(_("links sent at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    followup_sent_at = models.DateTimeField(_("follow-up sent at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    last_contact_at = models.DateTimeField(_("last contact at"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    objects = ActionDeclarationQuerySet.as_manager()

    class Meta:
        verbose_name = _("action declaration")
        verbose_name_plural = _("action declarations")
        ordering = ["-created_at"]
        permissions = [
            ("view_indicators", "Can view the kit indicators"),
            ("view_declarations", "Can view the declared actions and the volunteers' contact details"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["kit", "email_hash", "planned_date"], name="kits_declaration_once_per_date")
        ]

    def __str__(self):
        return f"{self.kit} — {self.planned_date:%Y-%m-%d} — {self.territory}"

    def save(self, *args, **kwargs):
        self.email_hash = email_hash(self.email)
        super().save(*args, **kwargs)

    def get_territory_display(self):
        name = territory_name(self.territory)
        return f"{name} ({self.territory})" if name else self.territory

    @property
    def is_cancelled(self):
        return self.status == DeclarationStatus.CANCELLED

    def links_valid_until(self, sent_on=None):
        """The last day a download link sent on `sent_on` (today by default) works:
        DOWNLOAD_LINK_DAYS after it was sent, and at least DOWNLOAD_LINK_DAYS_AFTER_ACTION
        days after the planned date (so a later date keeps the links alive)."""
        sent_on = sent_on or timezone.localdate()
        return max(
            sent_on + timedelta(days=settings.DOWNLOAD_LINK_DAYS),
            self.planned_date + timedelta(days=settings.DOWNLOAD_LINK_DAYS_AFTER_ACTION),
        )

    def emails_to_come(self, today=None):
        """[(kind, day)] of the e-mails still to be sent: the reminder (KIT_REMINDER_DAYS_BEFORE
        days before, the day after declaring at the earliest) and "how did it go?"
        (KIT_FOLLOWUP_DAYS_AFTER days after). None once cancelled or stopped."""
        if self.is_cancelled or self.emails_opt_out:
            return []
        today = today or timezone.localdate()
        to_come = []
        if self.reminder_sent_at is None:
            reminder = max(
                self.planned_date - timedelta(days=settings.KIT_REMINDER_DAYS_BEFORE),
                timezone.localdate(self.created_at) + timedelta(days=1),
                today,
            )
            if reminder < self.planned_date:
                to_come.append(("reminder", reminder))
        if self.followup_sent_at is None and self.status == DeclarationStatus.DECLARED:
            to_come.append(
                ("followup", max(self.planned_date + timedelta(days=settings.KIT_FOLLOWUP_DAYS_AFTER), today))
            )
        return to_come

    @property
    def undo_until(self):
        """The last moment a cancellation can be undone (None unless cancelled)."""
        if not self.is_cancelled or self.cancelled_at is None:
            return None
        return self.cancelled_at + timedelta(days=settings.DECLARATION_UNDO_DAYS)

    def can_undo_cancel(self, now=None):
        until = self.undo_until
        return until is not None and (now or timezone.now()) <= until

    def is_past(self, today=None):
        return self.planned_date < (today or timezone.localdate())

    def localized_kit(self):
        """The kit in the declaration's language when it is published, else the source kit."""
        return in_language_code(self.kit, self.language)


class KitDownload(models.Model):
    """One material downloaded through a signed link of a declaration."""

    declaration = models.ForeignKey(
        ActionDeclaration, verbose_name=_("declaration"), on_delete=models.CASCADE, related_name="downloads"
    )
    material = models.ForeignKey(
        "kits.KitMaterial", verbose_name=_("material"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    whole_kit = models.BooleanField(
        _("all materials (zip)"), default=False, help_text=_("One download of every material of the kit at once.")
    )
    downloaded_at = models.DateTimeField(_("downloaded at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("kit download")
        verbose_name_plural = _("kit downloads")
        ordering = ["-downloaded_at"]

    def __str__(self):
        return f"{self.declaration_id} — {self.material_id} — {self.downloaded_at:%Y-%m-%d %H:%M}"
