"""Apply the retention periods (settings RETENTION_*): anonymise or delete personal data
past its time. Daily through run_daily; safe to run again (nothing left to do)."""

from django.core.management.base import BaseCommand

from core.personal_data import purge


class Command(BaseCommand):
    help = "Anonymise or delete personal data past its retention period. --dry-run only counts."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="print what would change, change nothing")

    def handle(self, *args, dry_run=False, **options):
        results = purge(dry_run=dry_run)
        verb = "would change" if dry_run else "changed"
        for key, count in results.items():
            self.stdout.write(f"{key}: {count} row(s) {verb}")
        self.stdout.write(f"total: {sum(results.values())} row(s) {verb}")
