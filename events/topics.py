"""Topic proposals and votes: the rules. Views and the admin call these functions."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from community.members.access import get_profile, is_network_member
from events.models.topics import TopicProposal, TopicVote
from events.tasks import send_topic_selected_email


class NotAMember(Exception):
    """Only approved network members propose and vote."""


def _check_member(user):
    if not is_network_member(user):
        raise NotAMember()


def propose(user, *, title, description=""):
    _check_member(user)
    profile = get_profile(user)
    topic = TopicProposal(
        title=title, description=description, proposer=user, association=profile.association if profile else None
    )
    topic.full_clean()
    topic.save()
    return topic


def vote(topic, user):
    """One vote per member: a second click (or a concurrent one) changes nothing.
    Returns True when a vote was recorded."""
    _check_member(user)
    try:
        with transaction.atomic():
            TopicVote.objects.create(topic=topic, member=user)
    except IntegrityError:
        return False
    return True


def withdraw_vote(topic, user):
    _check_member(user)
    deleted, _ = TopicVote.objects.filter(topic=topic, member=user).delete()
    return bool(deleted)


def set_status(topic, status, *, event=None, reason=""):
    """What an editor does in the admin, as a function (tests, demo)."""
    topic.status = status
    if event is not None:
        topic.event = event
    if status == TopicProposal.Status.DECLINED:
        topic.decline_reason = reason
    topic.save()
    notify_selection(topic)
    return topic


def notify_selection(topic):
    """Tell the proposer, once, that their topic was selected."""
    if topic.status not in (TopicProposal.Status.SELECTED, TopicProposal.Status.HELD):
        return False
    if topic.selection_notified_at or not topic.proposer_id:
        return False
    now = timezone.now()
    updated = TopicProposal.objects.filter(pk=topic.pk, selection_notified_at__isnull=True).update(
        selection_notified_at=now
    )
    if not updated:
        return False
    topic.selection_notified_at = now

    topic_id = topic.pk
    transaction.on_commit(lambda: send_topic_selected_email.enqueue(topic_id))
    return True


def proposers_for(event):
    """The associations whose members proposed the topics this event takes up."""
    source = event.source_event
    names = []
    for topic in TopicProposal.objects.filter(event=source).select_related("association", "proposer__member_profile"):
        name = topic.association_name
        if name and name not in names:
            names.append(name)
    return names
