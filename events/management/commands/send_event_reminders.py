from django.core.management.base import BaseCommand
from django.db import transaction

from events.daily import send_event_reminders


class Command(BaseCommand):
    help = "E-mail tomorrow's participants a reminder with the online link (safe to run again: sent once)."

    def handle(self, *args, **options):
        with transaction.atomic():
            sent = send_event_reminders()
        self.stdout.write(f"{sent} reminder(s) queued.")
