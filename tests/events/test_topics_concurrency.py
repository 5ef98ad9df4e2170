"""Votes under concurrent clicks, on PostgreSQL with real threads: the unique constraint
(topic, member) keeps one vote per member, and a lost race is not an error."""

import pytest

from events import topics
from events.models import TopicVote
from tests.events.test_concurrency import make_members, run_in_threads

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_concurrent_clicks_count_one_vote_per_member():
    members = make_members(6)
    topic = topics.propose(members[0], title="Sujet disputé")
    jobs = [lambda member=member: topics.vote(topic, member) for member in members for _ in range(5)]
    run_in_threads(jobs)
    assert TopicVote.objects.filter(topic=topic).count() == 6
    assert sorted(TopicVote.objects.filter(topic=topic).values_list("member_id", flat=True)) == sorted(
        m.pk for m in members
    )


def test_concurrent_vote_and_withdraw_leave_at_most_one_vote():
    members = make_members(3)
    topic = topics.propose(members[0], title="Sujet hésitant")
    voter = members[1]
    jobs = [lambda: topics.vote(topic, voter) for _ in range(5)] + [
        lambda: topics.withdraw_vote(topic, voter) for _ in range(5)
    ]
    run_in_threads(jobs)
    assert TopicVote.objects.filter(topic=topic, member=voter).count() <= 1
    topics.withdraw_vote(topic, voter)
    assert not TopicVote.objects.filter(topic=topic).exists()
