"""The site's daily jobs, for cron (`manage.py run_daily`, once a day).

Each app with daily work provides `<app>/daily.py` with a `run(stdout)` function;
they run in INSTALLED_APPS order. One failing app does not stop the others; the
command fails at the end so that cron reports it."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Run every app's daily jobs (reminders, follow-ups, data purge). Safe to run again."

    def handle(self, *args, **options):
        failed = []
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.daily"
            if not find_spec(module_name):
                continue
            try:
                # One transaction per app: e-mails are queued when its work is committed.
                with transaction.atomic():
                    import_module(module_name).run(self.stdout)
            except Exception as error:  # noqa: BLE001 — report and go on with the other apps
                self.stderr.write(f"{app_config.name}: {error!r}")
                failed.append(app_config.name)
        if failed:
            raise CommandError("daily jobs failed in: " + ", ".join(failed))
