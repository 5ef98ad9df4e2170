"""A Moderator keeps a reported comment from the moderation inbox (community/comments/
moderation.py on core.moderation): the inbox row offers "Garder ou rétablir" beside
"Masquer"; keeping closes the reports (the comment leaves the inbox, the reasons stay),
the comment stays visible, nobody is told, and a member may report it again later."""

import pytest
from django_comments.models import CommentFlag

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from community.comments.models import CommentReport
from community.comments.moderation import COMMENTS, DISMISSED
from community.comments.services import create_comment, report
from community.comments.threads import is_visible
from community.members.factories import MemberFactory, UserFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db

INBOX = "/admin/moderation/"
KEEP = reverse("wagtail_bulk_action", args=["django_comments_xtd", "xtdcomment", "restore"])


@pytest.fixture
def reported():
    home = HomePage.objects.get(locale__language_code="fr")
    comment = create_comment(
        home, name="Nadia", email="nadia@example.org", text="Un avis tranché mais correct.",
        followup=False, parent_id=None,
    )  # fmt: skip
    reporters = [MemberFactory(approved=True).user for _ in range(2)]
    for reporter in reporters:
        report(comment, reporter, CommentReport.Reason.OFF_TOPIC)
    return comment, reporters


@pytest.fixture
def moderator(client):
    user = UserFactory()
    user.groups.set([Group.objects.get(name="Moderators")])
    client.force_login(user)
    return user


def test_the_inbox_offers_to_keep_a_reported_comment(client, moderator, reported):
    comment, _reporters = reported
    html = client.get(INBOX).content.decode()
    assert f"{KEEP}?id={comment.pk}" in html.replace("&amp;", "&")
    assert "Garder ou rétablir — Nadia" in html and "Masquer — Nadia" in html


def test_keeping_closes_the_reports_and_tells_nobody(client, moderator, reported, django_capture_on_commit_callbacks):
    comment, reporters = reported
    confirm = client.get(KEEP, {"id": comment.pk, "next": INBOX}).content.decode()
    assert "leurs signalements seront classés" in confirm
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"{KEEP}?id={comment.pk}&next={INBOX}")
    assert done["Location"] == INBOX
    assert not mail.outbox
    comment.refresh_from_db()
    assert is_visible(comment)
    assert not COMMENTS.pending().filter(pk=comment.pk).exists()
    assert "Nadia" not in client.get(INBOX).content.decode()
    flags = CommentFlag.objects.filter(comment=comment)
    assert set(flags.values_list("flag", flat=True)) == {DISMISSED}
    assert CommentReport.objects.filter(flag__comment=comment).count() == 2  # the reasons stay
    assert comment.pk not in [row.pk for row in COMMENTS.pending()]

    # Reported again later, by one of the same members: back in the inbox, then kept again.
    assert report(comment, reporters[0], CommentReport.Reason.SPAM)
    assert COMMENTS.pending().filter(pk=comment.pk).exists()
    assert COMMENTS.decide([comment], "approve", moderator).changed == [comment]
    assert not COMMENTS.pending().filter(pk=comment.pk).exists()
    assert flags.filter(user=reporters[0]).count() == 1


def test_keeping_an_unreported_visible_comment_is_no_decision(reported, moderator):
    comment, _reporters = reported
    COMMENTS.decide([comment], "approve", moderator)
    assert COMMENTS.decide([comment], "approve", moderator).changed == []


def test_restoring_a_hidden_comment_closes_its_old_reports(reported, moderator):
    comment, _reporters = reported
    COMMENTS.decide([comment], "decline", moderator, "hors sujet")
    comment.refresh_from_db()
    assert not is_visible(comment)
    COMMENTS.decide([comment], "approve", moderator)
    comment.refresh_from_db()
    assert is_visible(comment)
    assert not COMMENTS.pending().filter(pk=comment.pk).exists()
