"""A member's registrations in "my data" (export) and on account deletion: seats still
ahead are freed (the next person waiting is promoted); past registrations stay,
without the person, so that attendance figures and recaps remain true."""

from django.utils import timezone

from community.personal_data import register_anonymiser, register_exporter


def export_registrations(user):
    from .models import Registration

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


def anonymise_registrations(user):
    from . import services
    from .models import Registration

    for registration in Registration.objects.active().filter(user=user, event__end__gte=timezone.now()):
        services.cancel(registration, receipt=False)
    for registration in Registration.objects.filter(user=user):
        registration.user = None
        registration.name = "—"
        registration.email = f"deleted-{registration.pk}@invalid"
        registration.save(update_fields=["user", "name", "email"])


def export_topics(user):
    from .models import TopicProposal, TopicVote

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
    from .models import TopicProposal

    TopicProposal.objects.filter(proposer=user).update(proposer=None)


def register():
    register_exporter("topics", export_topics)
    register_anonymiser(anonymise_topics)
    register_exporter("event_registrations", export_registrations)
    register_anonymiser(anonymise_registrations)
