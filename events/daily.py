"""Daily jobs of the events app, run by `manage.py run_daily`. Its retention rules are in
`events/personal_data.py`, run by `purge_personal_data`."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from events.models.registrations import Registration
from events.tasks import notify


def send_event_reminders(now=None):
    """E-mail confirmed participants of sessions starting tomorrow (Paris time), once
    each: the reminder is claimed row by row, so two runs never send it twice.
    A session starting later today whose reminder was missed still gets it."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    until = timezone.make_aware(datetime.combine(tomorrow + timedelta(days=1), time.min))
    due = Registration.objects.confirmed().filter(
        reminder_sent_at__isnull=True,
        reminders_opt_out=False,
        event__start__gt=now,
        event__start__lt=until,
        event__live=True,
        event__cancelled=False,
    )
    sent = 0
    for registration in due:
        claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if claimed:
            notify(registration, "reminder")
            sent += 1
    return sent


def run(stdout):
    sent = send_event_reminders()
    stdout.write(f"events: {sent} reminder(s) queued\n")
