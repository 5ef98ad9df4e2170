""" "How did it go?": two days after the planned date, one e-mail per declaration whose
link opens the testimonial form pre-filled from it. Idempotent like the reminders: each
row is claimed by a conditional update before its e-mail is queued."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kits.models.declarations import ActionDeclaration
from kits.tasks import send_declaration_email

# A declaration whose date is further back than this is not followed up (no backlog mailing).
FOLLOWUP_WINDOW_DAYS = 30


def send_kit_followups(today=None):
    """Queue the follow-up of every declaration due; returns how many were queued."""
    today = today or timezone.localdate()
    due = ActionDeclaration.objects.due_for_followup(today, settings.KIT_FOLLOWUP_DAYS_AFTER, FOLLOWUP_WINDOW_DAYS)
    count = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            claimed = ActionDeclaration.objects.filter(pk=pk, followup_sent_at__isnull=True).update(
                followup_sent_at=timezone.now()
            )
            if claimed:
                transaction.on_commit(lambda pk=pk: send_declaration_email.enqueue(pk, "followup"))
                count += 1
    return count
