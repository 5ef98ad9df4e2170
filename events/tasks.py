"""E-mails to registrants leave through django-tasks, once the transaction commits
(a rolled-back registration sends nothing)."""

from django_tasks import task

from django.db import transaction

from events import emails
from events.models.registrations import Registration
from events.models.topics import TopicProposal


@task()
def send_registration_email(registration_id, kind):
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return False
    emails.send_registration_email(registration, kind)
    return True


def notify(registration, kind):
    """Queue the `kind` e-mail for `registration` when the current transaction commits."""
    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(registration_id, kind))


@task()
def send_topic_selected_email(topic_id):
    topic = TopicProposal.objects.select_related("proposer", "event").filter(pk=topic_id).first()
    if topic is None or topic.proposer is None:
        return False
    emails.send_topic_selected_email(topic)
    return True


@task()
def send_topic_declined_email(topic_id):
    topic = TopicProposal.objects.select_related("proposer__member_profile").filter(pk=topic_id).first()
    if topic is None or topic.proposer is None:
        return False
    emails.send_topic_declined_email(topic)
    return True
