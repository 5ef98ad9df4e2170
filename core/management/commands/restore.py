import os

from django.core.management.base import BaseCommand, CommandError

from core.backup import restore


class Command(BaseCommand):
    help = (
        "Replace the database and put back the files of a backup made by `backup` "
        "(its name, as `manage.py listbackups` shows it: relais-<date>-<time>)."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The backup's name, e.g. relais-2026-12-03-030000")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, **options):
        if not options["yes"] and input("This replaces the current database and media. Type 'yes': ") != "yes":
            raise CommandError("Restore cancelled.")
        try:
            files = restore(options["name"], passphrase=os.environ.get("BACKUP_GPG_PASSPHRASE") or None)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        except EOFError as error:  # dbbackup asked for the key's passphrase with no terminal to answer
            raise CommandError(
                "This backup is encrypted: set BACKUP_GPG_PASSPHRASE to the key's passphrase."
            ) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {options['name']}: {', '.join(sorted(files.values()))}"))
