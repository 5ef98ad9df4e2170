from django.core.management.base import BaseCommand

from kits.daily import run


class Command(BaseCommand):
    help = "Send the reminder e-mail seven days before each declared action (at most once each)."

    def handle(self, *args, **options):
        run(self.stdout)
