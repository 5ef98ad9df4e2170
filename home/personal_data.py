"""Running the personal-data registries of community.personal_data: the daily purge
and the search / export / erasure by e-mail address (admin tool and members)."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

security_log = logging.getLogger("relais.security")


SOURCE_LABELS = {
    "member_account": _("Member account"),
    "kit_declarations": _("Kit declarations (Je me lance)"),
    "event_registrations": _("Event registrations"),
    "testimonials": _("Testimonials"),
    "comments": _("Comments"),
}


def source_label(key):
    return SOURCE_LABELS.get(key) or key.replace("_", " ").capitalize()


def email_digest(email):
    """A short keyed hash (HMAC with SECRET_KEY) that lets log lines about one address be
    matched without holding the address."""
    return salted_hmac("relais.security.email", (email or "").strip().lower(), algorithm="sha256").hexdigest()[:16]


def purge(now=None, dry_run=False):
    """Apply every retention rule; returns {rule: rows changed (or that would be)}."""
    from community.personal_data import retention_rules

    now = now or timezone.now()
    results = {}
    for key, rule in sorted(retention_rules().items()):
        if dry_run:
            results[key] = rule(now, True)
            continue
        with transaction.atomic():
            results[key] = rule(now, False)
        if results[key]:
            security_log.info("retention purge rule=%s rows=%s", key, results[key])
    return results


def find_records(email, exclude=()):
    """{source: records} for every source holding something about `email`."""
    from community.personal_data import email_record_sources

    found = {}
    for key, (find, _erase) in sorted(email_record_sources().items()):
        if key in exclude:
            continue
        records = find(email)
        if records:
            found[key] = records
    return found


def erase_records(email, actor="", exclude=()):
    """Erase (anonymise or delete) everything kept about `email`, in one transaction;
    returns {source: rows changed}."""
    from community.personal_data import email_record_sources

    results = {}
    with transaction.atomic():
        for key, (_find, erase) in sorted(email_record_sources().items()):
            if key not in exclude:
                results[key] = erase(email)
    security_log.info(
        "personal data erased email=%s by=%s rows=%s", email_digest(email), actor or "-", sum(results.values())
    )
    return results
