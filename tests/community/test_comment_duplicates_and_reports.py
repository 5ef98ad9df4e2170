"""The same comment sent twice is published once (a visitor opening both confirmation
links, a member double-clicking); a comment's first report e-mails the Moderators, later
reports do not."""

import re

import pytest
from django_comments.models import CommentFlag

from django.contrib.auth.models import Group
from django.core import mail

from community.comments.threads import comments_on
from community.members.factories import MemberFactory, UserFactory
from tests.community import test_comments
from tests.community.conftest import RECAP_URL
from tests.community.test_comments import confirm_link, path_of, post

pytestmark = pytest.mark.django_db
recap = test_comments.recap  # the recap article with its thread of two visitors' comments


def test_a_visitor_comment_sent_twice_is_published_once(client, recap):
    for _ in range(2):
        post(client, recap, name="Léa", email="lea.double@example.org", comment="Merci, très utile !")
    assert len(mail.outbox) == 2, [m.subject for m in mail.outbox]
    first, second = (path_of(confirm_link(message)) for message in mail.outbox[-2:])
    response = client.get(first)
    assert response.status_code == 302, response.content.decode()[-1500:]
    assert client.get(second).status_code == 302  # no error: it is already there
    assert comments_on(recap).filter(user_email="lea.double@example.org").count() == 1
    post(client, recap, name="Léa", email="lea.double@example.org", comment="Une autre idée.")
    client.get(path_of(confirm_link(mail.outbox[-1])))
    assert comments_on(recap).filter(user_email="lea.double@example.org").count() == 2  # a new text is new


def test_a_member_double_click_publishes_once(client, recap):
    member = MemberFactory(approved=True)
    client.force_login(member.user)
    for _ in range(2):
        post(client, recap, comment="Deux clics, un commentaire.")
    assert comments_on(recap).filter(user_email=member.user.email).count() == 1


@pytest.fixture
def moderators():
    group = Group.objects.get(name="Moderators")
    users = [UserFactory(email=f"moderation{n}@example.org", is_staff=True) for n in range(2)]
    for user in users:
        user.groups.add(group)
    UserFactory(email="redaction@example.org", is_staff=True).groups.add(Group.objects.get(name="Editors"))
    return users


def test_moderators_are_emailed_on_the_first_report_only(client, recap, moderators, django_capture_on_commit_callbacks):
    target = comments_on(recap).get(user_email="marc.visiteur@example.org")
    mail.outbox = []
    for _ in range(2):
        reporter = MemberFactory(approved=True).user
        client.force_login(reporter)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/commentaires/signaler/{target.pk}/", {"next": RECAP_URL, "reason": "spam"})
    assert CommentFlag.objects.filter(comment=target).count() == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["moderation0@example.org", "moderation1@example.org"]
    message = mail.outbox[0]
    assert "a été signalé" in message.subject
    assert "Et pour les écoles" in message.body
    assert re.search(r"https?://\S+/admin/snippets/django_comments_xtd/xtdcomment/\?reported=true", message.body)
