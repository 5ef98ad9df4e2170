"""What the member accounts hold about a person: the account and its profile (exported
in "my data", found and erased by the "Données personnelles" tool), and the records other
apps keep under the member's verified addresses."""

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import registry as log_registry

from community.members.access import get_profile
from core.personal_data import (
    delete_account,
    find_records,
    register_anonymiser,
    register_email_records,
    register_exporter,
)


def export_account(user):
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
    for model in log_registry.get_log_entry_models():
        model.objects.filter(user=user).update(user=None)


# Records by e-mail address: the account itself, for the "Données personnelles" tool.


def _accounts(email):
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
    return sorted({address.email.lower() for address in EmailAddress.objects.filter(user=user, verified=True)})


def export_records_by_email(user):
    return {email: find_records(email, exclude=(MEMBER_ACCOUNT,)) for email in verified_emails(user)}


MEMBER_ACCOUNT = "member_account"


def register():
    register_exporter("account", export_account)
    register_exporter("member_profile", export_member_profile)
    register_anonymiser(anonymise_wagtail_logs)
    register_email_records(MEMBER_ACCOUNT, find_account, erase_account, label=_("Member account"))
    register_exporter("records_by_email", export_records_by_email)
