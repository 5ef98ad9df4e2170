"""Everything the site holds about a person, in one registry that the apps owning the
records fill from their `AppConfig.ready()`; this module names none of them.

    from core.personal_data import register_email_records, register_exporter

    register_exporter("event_registrations", export_registrations)      # "my data" (JSON)
    register_anonymiser(anonymise_registrations)                       # "delete my account"
    register_email_records("event_registrations", find, erase, label=_("Event registrations"))
    register_retention("event_registrations", purge_past_registrations)  # the daily purge

Exporters return plain data (ISO strings for dates; `DjangoJSONEncoder` copes too).
Anonymisers run in the deletion transaction, before the account row is deleted, for
records that must stay for aggregates; rows that may go simply use on_delete=CASCADE."""

import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

security_log = logging.getLogger("relais.security")

_exporters = {}
_anonymisers = []
_email_records = {}
_labels = {}
_retention_rules = {}


def register_exporter(key, function):
    """`function(user)` returns the data stored under `key` in the export."""
    _exporters[key] = function


def register_anonymiser(function):
    """`function(user)` strips `user` from records that must outlive the account."""
    if function not in _anonymisers:
        _anonymisers.append(function)


def register_email_records(key, find, erase, label=None):
    """Records kept about an e-mail address, with or without an account (declarations,
    guest registrations, testimonials, comments). `find(email)` returns JSON-serialisable
    data; `erase(email)` anonymises or deletes them and returns how many rows changed.
    `label` names them for people (the admin tool, "my data")."""
    _email_records[key] = (find, erase)
    if label is not None:
        _labels[key] = label


def register_retention(key, purge):
    """A retention rule: `purge(now, dry_run)` anonymises or deletes what is past its
    retention period and returns how many rows it changed (or would change)."""
    _retention_rules[key] = purge


def email_record_sources():
    return dict(_email_records)


def retention_rules():
    return dict(_retention_rules)


def source_label(key):
    return _labels.get(key) or key.replace("_", " ").capitalize()


def email_digest(email):
    """A short keyed hash (HMAC with SECRET_KEY) that lets log lines about one address be
    matched without holding the address."""
    return salted_hmac("relais.security.email", (email or "").strip().lower(), algorithm="sha256").hexdigest()[:16]


def export_personal_data(user):
    data = {"exported_at": timezone.now()}
    for key, function in _exporters.items():
        data[key] = function(user)
    return data


def export_as_json(user):
    return json.dumps(export_personal_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def delete_account(user):
    """Delete the account: anonymise what must stay, then delete the user (its member
    profile and e-mail addresses go with it, by cascade)."""
    with transaction.atomic():
        for function in _anonymisers:
            function(user)
        user.delete()


def purge(now=None, dry_run=False):
    """Apply every retention rule; returns {rule: rows changed (or that would be)}."""
    now = now or timezone.now()
    results = {}
    for key, rule in sorted(_retention_rules.items()):
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
    found = {}
    for key, (find, _erase) in sorted(_email_records.items()):
        if key in exclude:
            continue
        records = find(email)
        if records:
            found[key] = records
    return found


def erase_records(email, actor="", exclude=()):
    """Erase (anonymise or delete) everything kept about `email`, in one transaction;
    returns {source: rows changed}."""
    results = {}
    with transaction.atomic():
        for key, (_find, erase) in sorted(_email_records.items()):
            if key not in exclude:
                results[key] = erase(email)
    security_log.info(
        "personal data erased email=%s by=%s rows=%s", email_digest(email), actor or "-", sum(results.values())
    )
    return results
