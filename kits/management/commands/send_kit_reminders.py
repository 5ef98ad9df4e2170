from django.core.management.base import BaseCommand

from kits.services import send_reminders


class Command(BaseCommand):
    help = "Send the reminder e-mail seven days before each declared action (at most once each)."

    def handle(self, *args, **options):
        # Reminders only: the follow-ups after the action run with the other daily jobs (run_daily).
        count = send_reminders()
        self.stdout.write(f"kits: {count} reminder(s) queued\n")
