"""The site's daily jobs, for cron (`manage.py run_daily`, once a day).

Apps register their jobs (core.daily); one failing job does not stop the others, and the
command fails at the end so that cron reports it."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.daily import daily_jobs


class Command(BaseCommand):
    help = "Run every app's daily jobs (reminders, follow-ups, data purge). Safe to run again."

    def handle(self, *args, **options):
        failed = []
        for job in daily_jobs():
            try:
                # One transaction per job: e-mails are queued when its work is committed.
                with transaction.atomic():
                    job.run(self.stdout)
            except Exception as error:  # noqa: BLE001 — report and go on with the other jobs
                self.stderr.write(f"{job.name}: {error!r}")
                failed.append(job.name)
        if failed:
            raise CommandError("daily jobs failed in: " + ", ".join(failed))
