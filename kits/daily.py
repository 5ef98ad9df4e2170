"""The kits' share of `manage.py run_daily`: reminders before declared actions and the
"how did it go?" follow-up after them."""

from kits.followups import send_kit_followups
from kits.services import send_reminders


def run(stdout):
    count = send_reminders()
    stdout.write(f"kits: {count} reminder(s) queued\n")
    followups = send_kit_followups()
    stdout.write(f"kits: {followups} follow-up(s) queued\n")
    return count + followups
