from django.core.management.base import BaseCommand, CommandError

from core.backup import restore


class Command(BaseCommand):
    help = "Replace the database and media files with those of a backup folder made by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder made by `manage.py backup`, e.g. backups/relais-20261127T090000Z")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, **options):
        if not options["yes"] and input("This replaces the current database and media. Type 'yes': ") != "yes":
            raise CommandError("Restore cancelled.")
        try:
            restore(options["folder"])
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored from {options['folder']}"))
