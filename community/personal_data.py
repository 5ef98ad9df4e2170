"""Everything the site holds about a person: the JSON export of "my data", and what
happens on "delete my account". Other apps register their part from `AppConfig.ready()`:

    from community.personal_data import register_exporter, register_anonymiser

    register_exporter("event_registrations", lambda user: [...])   # JSON-serialisable
    register_anonymiser(lambda user: Registration.objects.filter(user=user).update(...))

Exporters return plain data (use ISO strings for dates: `DjangoJSONEncoder` also copes).
Anonymisers run in the deletion transaction, before the account row is deleted, for
records that must stay for aggregates; rows that may go simply use on_delete=CASCADE."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

_exporters = {}
_anonymisers = []
_email_records = {}
_retention_rules = {}


def register_exporter(key, function):
    """`function(user)` returns the data stored under `key` in the export."""
    _exporters[key] = function


def register_anonymiser(function):
    """`function(user)` strips `user` from records that must outlive the account."""
    if function not in _anonymisers:
        _anonymisers.append(function)


def register_email_records(key, find, erase):
    """Records kept about an e-mail address, with or without an account (declarations,
    guest registrations, testimonials, comments). `find(email)` returns JSON-serialisable
    data; `erase(email)` anonymises or deletes them and returns how many rows changed.
    Used by the "Données personnelles" admin tool."""
    _email_records[key] = (find, erase)


def register_retention(key, purge):
    """A retention rule: `purge(now, dry_run)` anonymises or deletes what is past its
    retention period and returns how many rows it changed (or would change).
    Run daily by `purge_personal_data`."""
    _retention_rules[key] = purge


def email_record_sources():
    return dict(_email_records)


def retention_rules():
    return dict(_retention_rules)


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


# What community itself knows about a person.


def export_account(user):
    from allauth.account.models import EmailAddress

    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
    }


def export_member_profile(user):
    from .members import get_profile

    profile = get_profile(user)
    if profile is None:
        return None
    return {
        "association": profile.association.name if profile.association_id else None,
        "association_name_other": profile.association_name_other,
        "role": profile.role,
        "language": profile.language,
        "status": profile.status,
        "approved_at": profile.approved_at,
        "accredited_at": profile.accredited_at,
        "accreditation_event": profile.accreditation_event.title if profile.accreditation_event_id else None,
        "created_at": profile.created_at,
        "updated_at": profile.updated_at,
    }


def anonymise_wagtail_logs(user):
    """Wagtail's log entries point to users without a database constraint
    (on_delete=DO_NOTHING): null them so no dangling id remains. Revisions already use
    SET_NULL."""
    from wagtail.log_actions import registry

    for model in registry.get_log_entry_models():
        model.objects.filter(user=user).update(user=None)


register_exporter("account", export_account)
register_exporter("member_profile", export_member_profile)
register_anonymiser(anonymise_wagtail_logs)


# Records by e-mail address: the account itself, for the "Données personnelles" tool.


def _accounts(email):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__iexact=(email or "").strip())


def find_account(email):
    return [{**export_account(user), "member_profile": export_member_profile(user)} for user in _accounts(email)]


def erase_account(email):
    """Delete the member accounts of this address; staff accounts stay (an editor's
    account is closed by an administrator, not by a data request)."""
    count = 0
    for user in _accounts(email).filter(is_staff=False, is_superuser=False):
        delete_account(user)
        count += 1
    return count


def verified_emails(user):
    """The addresses this member proved they own: only those may reach records kept by
    e-mail (anyone can type someone else's address in a public form)."""
    from allauth.account.models import EmailAddress

    return sorted({address.email.lower() for address in EmailAddress.objects.filter(user=user, verified=True)})


def export_records_by_email(user):
    from home.personal_data import find_records

    return {email: find_records(email, exclude=(MEMBER_ACCOUNT,)) for email in verified_emails(user)}


MEMBER_ACCOUNT = "member_account"
register_email_records(MEMBER_ACCOUNT, find_account, erase_account)
register_exporter("records_by_email", export_records_by_email)
