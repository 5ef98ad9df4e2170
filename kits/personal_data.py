"""What the kits hold about a person: action declarations ("Je me lance"), found by
the e-mail address's keyed hash. Registered with community.personal_data for the
"Données personnelles" admin tool, members' "my data" and `purge_personal_data`.

Declarations are anonymised, never deleted: the indicators count them. The kit,
territory, dates, audience, participants and status stay; the name, e-mail address
and organisation go, the secret token is replaced (old links stop working) and the
e-mail hash becomes a random value shared by all of that person's rows, so "people"
(distinct hashes) counts the same before and after."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Max, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from core.personal_data import register_email_records, register_retention
from kits.models.declaration_access import DeclarationAccess
from kits.models.declarations import ActionDeclaration, email_hash

ANONYMISED_NAME = "—"


def _declarations(email):
    return ActionDeclaration.objects.filter(email_hash=email_hash(email))


def find_declarations(email):
    rows = _declarations(email).select_related("kit").order_by("created_at")
    return [
        {
            "kit": declaration.kit.title,
            "name": declaration.name,
            "email": declaration.email,
            "organisation": declaration.organisation,
            "territory": declaration.territory,
            "planned_date": declaration.planned_date,
            "audience": declaration.audience,
            "expected_participants": declaration.expected_participants,
            "status": declaration.status,
            "consent_at": declaration.consent_at,
            "declared_at": declaration.created_at,
            "last_contact_at": declaration.last_contact_at,
            "downloads": declaration.downloads.count(),
        }
        for declaration in rows
    ]


def anonymise(queryset):
    """Anonymise the declarations of `queryset`, which must hold every row of each
    person it touches (one random hash per person keeps distinct counts)."""
    count = 0
    with transaction.atomic():
        hashes = set(queryset.values_list("email_hash", flat=True))
        for old_hash in hashes:
            rows = ActionDeclaration.objects.filter(email_hash=old_hash)
            for pk in rows.values_list("pk", flat=True):
                # One token per row (unique); the same random hash for the person's rows.
                ActionDeclaration.objects.filter(pk=pk).update(token=f"anon-{secrets.token_urlsafe(32)}")
            count += rows.update(
                name=ANONYMISED_NAME,
                email=Concat(Value("deleted-"), Cast("pk", CharField()), Value("@invalid")),
                organisation="",
                email_hash=f"anon-{secrets.token_hex(27)}",
                emails_opt_out=True,
            )
    return count


def erase_declarations(email):
    return anonymise(_declarations(email))


def purge_declarations(now, dry_run):
    """Three years after the last contact with the person (their latest declaration)."""
    cutoff = now - timedelta(days=settings.RETENTION_DECLARATIONS_DAYS)
    people = (
        ActionDeclaration.objects.exclude(email_hash__startswith="anon-")
        .values("email_hash")
        .annotate(last_contact=Max("last_contact_at"))
        .filter(last_contact__lt=cutoff)
        .values("email_hash")
    )
    due = ActionDeclaration.objects.filter(email_hash__in=people)
    if dry_run:
        return due.count()
    return anonymise(due)


def purge_declaration_access(now, dry_run):
    """The log of who viewed the declarations: deleted after RETENTION_DECLARATION_ACCESS_DAYS."""
    due = DeclarationAccess.objects.filter(at__lt=now - timedelta(days=settings.RETENTION_DECLARATION_ACCESS_DAYS))
    if dry_run:
        return due.count()
    return due.delete()[0]


def register():
    register_email_records(
        "kit_declarations", find_declarations, erase_declarations, label=_("Kit declarations (Je me lance)")
    )
    register_retention("kit_declarations", purge_declarations)
    register_retention("kit_declaration_access", purge_declaration_access)
