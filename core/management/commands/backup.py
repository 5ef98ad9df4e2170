from django.core.management.base import BaseCommand

from core.backup import backup, encrypting


class Command(BaseCommand):
    help = (
        "Back up the database and the public and private files (django-dbbackup) into the backup "
        "storage (BACKUP_DIR or BACKUP_S3_BUCKET), encrypted for BACKUP_GPG_RECIPIENT; drop the "
        "backups that retention does not keep."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep-all", action="store_true", help="Drop no old backup this time.")

    def handle(self, *args, **options):
        if not encrypting():
            self.stderr.write(self.style.WARNING("BACKUP_GPG_RECIPIENT is not set: this backup is not encrypted."))
        name = backup(clean=not options["keep_all"])
        self.stdout.write(self.style.SUCCESS(f"Backup written: {name}"))
