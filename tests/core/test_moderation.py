"""The one moderation mechanism (core.moderation), through the three kinds that use it:
membership requests, testimonials and comments."""

import pytest

from django.core import mail

from wagtail.models import ModelLogEntry

from community.comments.moderation import COMMENTS
from community.comments.services import create_comment
from community.comments.threads import visible_threads
from community.members.factories import MemberFactory, UserFactory
from community.members.models import MemberProfile
from community.members.moderation import MEMBERSHIP
from community.testimonials.moderation import TESTIMONIALS
from core.moderation import APPROVE, DECLINE, moderation_for, moderations
from home.models import HomePage
from tests.community.testimonial_helpers import image_bytes, make_testimonial, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_a_decision_records_who_when_and_tells_the_person_once(moderator):
    profile = MemberFactory()
    outcome = MEMBERSHIP.decide([profile], APPROVE, moderator)
    profile.refresh_from_db()
    assert outcome.changed == [profile] and not outcome.refused
    assert profile.status == MemberProfile.Status.APPROVED
    assert profile.approved_by == moderator and profile.approved_at is not None
    assert [message.to for message in mail.outbox] == [[profile.user.email]]
    # Deciding the same again changes nothing and sends nothing.
    assert MEMBERSHIP.decide([profile], APPROVE, moderator).changed == []
    assert len(mail.outbox) == 1


def test_the_history_keeps_the_decision_and_its_reason_but_no_name(moderator):
    profile = MemberFactory(user__first_name="Zoé", user__last_name="Lambert")
    MEMBERSHIP.decide([profile], DECLINE, moderator, reason="Association inconnue du réseau")
    entry = ModelLogEntry.objects.get(object_id=str(profile.pk), action="relais.moderation.decline")
    assert entry.user == moderator
    assert entry.data == {"reason": "Association inconnue du réseau"}
    assert "Zoé" not in entry.label and "Lambert" not in entry.label
    assert "Association inconnue du réseau" in entry.message
    assert "Association inconnue du réseau" in mail.outbox[-1].body  # the person reads why


def test_a_testimonial_that_cannot_take_the_decision_is_refused_unchanged(moderator):
    story = make_testimonial(status="pending", photo=upload(image_bytes()), photo_alt_text="")
    outcome = TESTIMONIALS.decide([story], APPROVE, moderator)
    story.refresh_from_db()
    assert outcome.changed == [] and [obj for obj, _why in outcome.refused] == [story]
    assert story.status == "pending"
    assert not ModelLogEntry.objects.filter(object_id=str(story.pk)).exists()


def test_declining_a_testimonial_needs_a_reason(moderator):
    story = make_testimonial(status="pending")
    with pytest.raises(ValueError, match="reason"):
        TESTIMONIALS.decide([story], DECLINE, moderator, reason="  ")
    story.refresh_from_db()
    assert story.status == "pending"


def test_every_kind_is_registered_for_the_moderation_inbox():
    labels = {moderation.model._meta.label_lower for moderation in moderations()}
    assert {"community.memberprofile", "community.testimonial", "django_comments_xtd.xtdcomment"} <= labels
    assert moderation_for(MemberProfile) is MEMBERSHIP


def test_pending_lists_what_waits(moderator):
    waiting, approved = MemberFactory(), MemberFactory(approved=True)
    pending = set(MEMBERSHIP.pending())
    assert waiting in pending and approved not in pending


def test_hiding_a_comment_keeps_its_replies_and_shows_at_once(client, moderator):
    page = HomePage.objects.get(locale__language_code="fr")
    first = create_comment(page, name="Sophie", email="s@example.org", text="Premier", followup=False, parent_id=0)
    reply = create_comment(page, name="Inès", email="i@example.org", text="Réponse", followup=False, parent_id=first.pk)
    assert visible_threads(page)[0]["comment"] == first
    COMMENTS.decide([first], DECLINE, moderator, reason="Hors sujet")
    threads = visible_threads(page)
    assert threads[0]["comment"] is None and threads[0]["replies"] == [reply]
    first.refresh_from_db()
    assert not first.is_public
    COMMENTS.decide([first], APPROVE, moderator)
    assert visible_threads(page)[0]["comment"] == first
