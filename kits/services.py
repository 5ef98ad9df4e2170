"""The rules of declarations: declare (or find the same declaration again), queue its
e-mails on commit, change its date, cancel it (and undo that), stop e-mails, and remind
before the action."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.page_cache import invalidate
from kits.cache_sections import DECLARATIONS_SECTION
from kits.models.declarations import Accreditation, ActionDeclaration, DeclarationStatus, email_hash
from kits.tasks import send_declaration_email


def queue_email(declaration, kind):
    """Send the e-mail once the current transaction commits (never for a rolled-back row)."""
    pk = declaration.pk
    transaction.on_commit(lambda: send_declaration_email.enqueue(pk, kind))


def declare(kit, data, language):
    """Create the declaration of `data` (a valid form's cleaned_data) on the source kit,
    or return the existing one for the same e-mail, kit and date. Returns (declaration, created)."""
    source = kit.source_kit()
    now = timezone.now()
    with transaction.atomic():
        existing = (
            ActionDeclaration.objects.select_for_update()
            .filter(kit=source, email_hash=email_hash(data["email"]), planned_date=data["planned_date"])
            .first()
        )
        if existing is not None:
            if existing.is_cancelled:  # declared again after cancelling: the same action is back
                _restore(existing, now)
                existing.links_sent_at = None
            resend_links_if_due(existing, now)
            return existing, False
        declaration = ActionDeclaration(
            kit=source,
            name=data["name"],
            email=data["email"].strip(),
            organisation=data.get("organisation", ""),
            postcode=data.get("postcode", ""),
            territory=data["territory"],
            planned_date=data["planned_date"],
            audience=data["audience"],
            expected_participants=data["expected_participants"],
            accredited=data.get("accredited") or Accreditation.NOT_ASKED,
            consent_at=now,
            language=language,
            links_sent_at=now,
            last_contact_at=now,
            created_at=now,
        )
        try:
            with transaction.atomic():
                declaration.save()
        except IntegrityError:  # the same person submitted twice at once
            existing = ActionDeclaration.objects.get(
                kit=source, email_hash=declaration.email_hash, planned_date=declaration.planned_date
            )
            return existing, False
        queue_email(declaration, "links")
    return declaration, True


def resend_links_if_due(declaration, now=None):
    """Queue the links again unless they went out less than DECLARATION_RESEND_INTERVAL ago."""
    now = now or timezone.now()
    interval = timedelta(seconds=settings.DECLARATION_RESEND_INTERVAL)
    if declaration.links_sent_at and now - declaration.links_sent_at < interval:
        return False
    ActionDeclaration.objects.filter(pk=declaration.pk).update(links_sent_at=now)
    declaration.links_sent_at = now
    queue_email(declaration, "links")
    return True


def change_date(declaration, planned_date):
    """Move the action: the reminder and the "how did it go?" e-mail move with it (they
    go out again before and after the new date), and the links live until a week after it."""
    with transaction.atomic():
        declaration.planned_date = planned_date
        declaration.reminder_sent_at = None
        declaration.followup_sent_at = None
        declaration.last_contact_at = timezone.now()
        declaration.save(update_fields=["planned_date", "reminder_sent_at", "followup_sent_at", "last_contact_at"])


def cancel(declaration):
    """The action will not take place: links stop working, no reminder nor follow-up, it
    leaves the indicators. Undoable for DECLARATION_UNDO_DAYS (undo_cancel)."""
    if declaration.is_cancelled:
        return False
    now = timezone.now()
    declaration.status = DeclarationStatus.CANCELLED
    declaration.cancelled_at = now
    declaration.last_contact_at = now
    declaration.save(update_fields=["status", "cancelled_at", "last_contact_at"])
    return True


def undo_cancel(declaration):
    """Bring a cancelled declaration back while the undo period lasts; False after it."""
    if not declaration.can_undo_cancel():
        return False
    _restore(declaration, timezone.now())
    return True


def _restore(declaration, now):
    declaration.status = DeclarationStatus.DECLARED
    declaration.cancelled_at = None
    declaration.last_contact_at = now
    declaration.save(update_fields=["status", "cancelled_at", "last_contact_at"])


def stop_emails_for(key):
    """Every declaration of the person whose e-mail hash is `key`: no more reminders nor
    follow-ups (their links e-mails, asked for, still go)."""
    return ActionDeclaration.objects.filter(email_hash=key, emails_opt_out=False).update(
        emails_opt_out=True, last_contact_at=timezone.now()
    )


def stop_emails(declaration):
    declaration.emails_opt_out = True
    declaration.last_contact_at = timezone.now()
    declaration.save(update_fields=["emails_opt_out", "last_contact_at"])


def send_reminders(today=None):
    """Queue the reminder of every declaration due (KIT_REMINDER_DAYS_BEFORE days before
    the action), each at most once: the row is claimed by a conditional update first,
    so a second run, or two runs at once, send nothing more. Returns how many were queued."""
    today = today or timezone.localdate()
    count = 0
    due = ActionDeclaration.objects.due_for_reminder(today, settings.KIT_REMINDER_DAYS_BEFORE)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            claimed = ActionDeclaration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if claimed:
                transaction.on_commit(lambda pk=pk: send_declaration_email.enqueue(pk, "reminder"))
                count += 1
    return count


def mark_reported(declaration_id, participants):
    """The action happened (its story was approved): the declaration is reported with the
    real number of participants. A cancelled declaration stays cancelled."""
    ActionDeclaration.objects.filter(pk=declaration_id).exclude(status=DeclarationStatus.CANCELLED).update(
        status=DeclarationStatus.REPORTED, reported_participants=participants
    )
    invalidate(DECLARATIONS_SECTION)  # an update sends no signal: the counters are told by hand
