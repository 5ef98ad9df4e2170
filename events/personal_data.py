"""A member's registrations in "my data" (export) and on account deletion: seats still
ahead are freed (the next person waiting is promoted); past registrations stay,
without the person, so that attendance figures and recaps remain true.

The same rules serve the records kept by e-mail address (guests included: the
"Données personnelles" admin tool) and the retention periods (`purge_personal_data`)."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.personal_data import register_anonymiser, register_email_records, register_exporter, register_retention
from events import services
from events.models.registrations import Registration
from events.models.topics import TopicProposal, TopicVote

ANONYMISED_NAME = "—"


def export_registrations(user):
    registrations = Registration.objects.filter(user=user).select_related("event").order_by("created_at")
    return [
        {
            "event": registration.event.title,
            "start": registration.event.start,
            "status": registration.status,
            "waiting_position": registration.waiting_position,
            "may_name_association": registration.may_name_association,
            "attended": registration.attended,
            "registered_at": registration.created_at,
            "cancelled_at": registration.cancelled_at,
        }
        for registration in registrations
    ]


def _anonymise(registrations):
    """Free seats still ahead (promoting whoever waits), then strip the person from
    every row: status, attendance and association stay for the figures and recaps."""
    count = 0
    with transaction.atomic():
        for registration in registrations.active().filter(event__end__gte=timezone.now()):
            services.cancel(registration, receipt=False)
        for pk in registrations.exclude(email__startswith="deleted-").values_list("pk", flat=True):
            count += Registration.objects.filter(pk=pk).update(
                user=None,
                name=ANONYMISED_NAME,
                email=f"deleted-{pk}@invalid",
                organisation="",
                token=f"anon-{secrets.token_urlsafe(32)}",
            )
    return count


def anonymise_registrations(user):
    _anonymise(Registration.objects.filter(user=user))


def find_registrations(email):
    registrations = Registration.objects.filter(email__iexact=email.strip()).select_related("event")
    return [
        {
            "event": registration.event.title,
            "start": registration.event.start,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "member_account": registration.user_id is not None,
            "status": registration.status,
            "attended": registration.attended,
            "consent_at": registration.consent_at,
            "registered_at": registration.created_at,
        }
        for registration in registrations.order_by("created_at")
    ]


def erase_registrations(email):
    return _anonymise(Registration.objects.filter(email__iexact=email.strip()))


def purge_past_registrations(now, dry_run):
    """Registrations are anonymised 2 years after the session, guests' after one year
    (their consent text says so)."""
    members = Q(event__end__lt=now - timedelta(days=settings.RETENTION_REGISTRATIONS_DAYS))
    guests = Q(user__isnull=True, event__end__lt=now - timedelta(days=settings.RETENTION_GUEST_REGISTRATIONS_DAYS))
    due = Registration.objects.exclude(email__startswith="deleted-").filter(members | guests)
    return due.count() if dry_run else _anonymise(due)


def purge_unconfirmed_guests(now, dry_run):
    """A guest who never followed the confirmation link within 7 days is deleted: they
    hold no seat and never confirmed they wanted one."""
    due = Registration.objects.filter(
        status=Registration.Status.UNCONFIRMED,
        created_at__lt=now - timedelta(days=settings.RETENTION_UNCONFIRMED_DAYS),
    )
    if dry_run:
        return due.count()
    deleted, _ = due.delete()
    return deleted


def export_topics(user):
    return {
        "proposals": [
            {"title": t.title, "description": t.description, "status": t.status, "proposed_at": t.created_at}
            for t in TopicProposal.objects.filter(proposer=user).order_by("created_at")
        ],
        "votes": [
            {"topic": v.topic.title, "voted_at": v.created_at}
            for v in TopicVote.objects.filter(member=user).select_related("topic").order_by("created_at")
        ],
    }


def anonymise_topics(user):
    """Proposals stay (the network chose among them), without the person; votes go with
    the account (cascade)."""
    TopicProposal.objects.filter(proposer=user).update(proposer=None)


def register():
    register_exporter("topics", export_topics)
    register_anonymiser(anonymise_topics)
    register_exporter("event_registrations", export_registrations)
    register_anonymiser(anonymise_registrations)
    register_email_records(
        "event_registrations", find_registrations, erase_registrations, label=_("Event registrations")
    )
    register_retention("event_registrations", purge_past_registrations)
    register_retention("unconfirmed_guest_registrations", purge_unconfirmed_guests)
