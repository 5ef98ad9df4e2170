from django.core.management.base import BaseCommand

from core.backup import backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump or SQLite backup) and the media files into a dated folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to", default="backups", help="Folder that receives the dated backup (default: backups/)."
        )

    def handle(self, *args, **options):
        folder = backup(options["to"])
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
