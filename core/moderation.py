"""Moderation shared by every app that publishes what people send (members, testimonials,
comments): who the moderators are, and queueing their e-mails after the decision commits."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

MODERATORS_GROUP = "Moderators"


def queue(task, *args):
    """Enqueue `task(*args)` once the current transaction commits (nothing if it rolls back)."""
    transaction.on_commit(lambda: task.enqueue(*args))


def moderator_emails():
    """Active accounts in the Moderators group (and superusers) that have an address."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True)).distinct()
    return sorted({user.email for user in users})
