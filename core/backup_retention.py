"""Which backups dbbackup's cleanup (`backup --clean`) keeps beyond the latest
DBBACKUP_CLEANUP_KEEP (30, one a day): the one made on the first of each month, for
BACKUP_KEEP_MONTHS months (12). Read by the settings, so it imports nothing of Django."""

import re
from datetime import UTC, datetime, timedelta

NAME_PREFIX = "relais"
DATE_FORMAT = "%Y-%m-%d-%H%M%S"  # DBBACKUP_DATE_FORMAT: in every file name, after the prefix
DATE_IN_NAME = re.compile(rf"^{NAME_PREFIX}-(\d{{4}}-\d{{2}}-\d{{2}}-\d{{6}})-")
DAYS_PER_MONTH = 31


def monthly_keeper(months, now=None):
    """A keep-filter for DBBACKUP_CLEANUP_KEEP_FILTER: True for a backup of the first of a
    month, made within the last `months` months."""

    def keep(filename):
        found = DATE_IN_NAME.match(filename)
        if not found:
            return False
        made = datetime.strptime(found.group(1), DATE_FORMAT).replace(tzinfo=UTC)
        oldest = (now or datetime.now(UTC)) - timedelta(days=months * DAYS_PER_MONTH)
        return made.day == 1 and made >= oldest

    return keep
