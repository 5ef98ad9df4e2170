"""The kits' share of `manage.py run_daily`: reminders before declared actions."""

from .services import send_reminders


def run(stdout):
    count = send_reminders()
    stdout.write(f"kits: {count} reminder(s) queued\n")
    return count
