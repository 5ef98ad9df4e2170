"""Topic proposals: propose, vote once, withdraw, moderation, selection e-mail, the event
page's "proposed by", the member area; and accreditation recorded on attendance."""

from html import unescape

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from community.members.factories import MemberFactory, UserFactory
from events import topics
from events.factories import RegistrationFactory
from events.models import TopicProposal, TopicVote
from tests.events.conftest import last_mail_to

pytestmark = pytest.mark.django_db

URL = "/evenements/sujets/"


@pytest.fixture
def topic(member):
    return topics.propose(member, title="Accueillir les nouveaux bénévoles", description="Comment faire ?")


def test_topics_page_in_both_languages(client, topic):
    from events.models import EventIndexPage

    french_html = unescape(client.get(URL).content.decode())
    assert "Accueillir les nouveaux bénévoles" in french_html
    assert 'href="/evenements/sujets/"' in client.get("/evenements/").content.decode()
    english = EventIndexPage.objects.filter(locale__language_code="en").live().get()
    english_url = english.url + english.reverse_subpage("topics")
    # The language switcher leads to the same sub-route in the other language.
    assert f'<a href="{english_url}" lang="en" hreflang="en">' in french_html
    response = client.get(english_url)
    assert response.status_code == 200
    assert "Topics for the next sessions" in response.content.decode()
    assert '<a href="/evenements/sujets/" lang="fr" hreflang="fr">' in response.content.decode()


def test_member_proposes_a_topic(client, member):
    client.force_login(member)
    response = client.post(URL, {"action": "propose", "title": "Trouver des salles", "description": "Gratuites."})
    assert response.status_code == 302
    topic = TopicProposal.objects.get(title="Trouver des salles")
    assert topic.proposer == member
    assert topic.association == member.member_profile.association
    assert "Trouver des salles" in unescape(client.get(reverse("account_home")).content.decode())


def test_too_long_proposal_is_refused_next_to_the_field(client, member):
    client.force_login(member)
    before = TopicProposal.objects.count()
    response = client.post(URL, {"action": "propose", "title": "x" * 121, "description": "y" * 2001})
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "120" in html and "2000" in html
    assert 'id="id_title_error"' in html and 'id="id_description_error"' in html
    assert TopicProposal.objects.count() == before


@pytest.mark.parametrize("kind", ["anonymous", "pending", "plain_user"])
def test_non_members_cannot_propose_or_vote(client, topic, kind):
    if kind == "pending":
        client.force_login(MemberFactory().user)
    elif kind == "plain_user":
        client.force_login(UserFactory())
    response = client.post(URL, {"action": "propose", "title": "Intrus"})
    vote = client.post(URL, {"action": "vote", "topic": topic.pk})
    if kind == "anonymous":
        assert response.status_code == 302 and "/compte/login/" in response["Location"]
    else:
        assert response.status_code == 403 and vote.status_code == 403
    assert not TopicProposal.objects.filter(title="Intrus").exists()
    assert not TopicVote.objects.filter(topic=topic).exists()
    with pytest.raises(topics.NotAMember):
        topics.vote(topic, UserFactory())


def test_voting_twice_counts_once_and_vote_can_be_withdrawn(client, topic, make_member):
    voter = make_member()
    client.force_login(voter)
    client.post(URL, {"action": "vote", "topic": topic.pk})
    client.post(URL, {"action": "vote", "topic": topic.pk})
    assert TopicVote.objects.filter(topic=topic).count() == 1
    assert topics.vote(topic, voter) is False
    html = unescape(client.get(URL).content.decode())
    assert "Retirer mon vote" in html and "1 vote" in html
    client.post(URL, {"action": "withdraw", "topic": topic.pk})
    assert not TopicVote.objects.filter(topic=topic).exists()


def test_sorted_by_votes_then_date(make_member):
    author = make_member()
    first = topics.propose(author, title="Premier")
    second = topics.propose(author, title="Second")
    third = topics.propose(author, title="Troisième")
    for _ in range(2):
        topics.vote(third, make_member())
    topics.vote(second, make_member())
    assert [t.title for t in TopicProposal.objects.filter(pk__in=[first.pk, second.pk, third.pk]).ranked()] == [
        "Troisième",
        "Second",
        "Premier",
    ]


def test_xss_in_a_proposal_renders_inert(client, member):
    topics.propose(member, title="<script>alert(1)</script>", description="<img src=x onerror=alert(2)>")
    html = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_selection_emails_the_proposer_once_and_shows_on_the_event(
    client, topic, event, member, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        topics.set_status(topic, TopicProposal.Status.SELECTED, event=event)
    message = last_mail_to(member.email)
    assert topic.title in message.subject
    with django_capture_on_commit_callbacks(execute=True):
        topics.set_status(topic, TopicProposal.Status.HELD)
    assert len([m for m in mail.outbox if member.email in m.to]) == 1
    html = unescape(client.get(event.url).content.decode())
    assert f"proposé par {member.member_profile.association.name}" in html
    decided = unescape(client.get(URL).content.decode())
    assert "Sujets retenus" in decided or topic.title in decided


def test_declined_topic_shows_its_reason(client, topic):
    topics.set_status(topic, TopicProposal.Status.DECLINED, reason="Déjà traité en mars.")
    assert "Déjà traité en mars." in unescape(client.get(URL).content.decode())
    assert not mail.outbox or all("sélectionné" not in m.subject for m in mail.outbox)


def test_admin_moderation_selects_and_emails(client, topic, event, member, django_capture_on_commit_callbacks):
    editor = get_user_model().objects.create_superuser("editrice", "editrice@example.org", "x")
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_events_topicproposal:list") + "?status=proposed")
    assert listing.status_code == 200 and topic.title in unescape(listing.content.decode())
    mail.outbox.clear()
    url = reverse("wagtailsnippets_events_topicproposal:edit", args=[topic.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "title": topic.title,
                "description": topic.description,
                "status": "selected",
                "decline_reason": "",
                "event": event.pk,
            },
        )
    assert response.status_code == 302, response.content.decode()[:800]
    topic.refresh_from_db()
    assert topic.status == "selected" and topic.event_id == event.pk
    assert last_mail_to(member.email)


def test_attendance_at_a_training_session_accredits_the_member(client, make_event, member):
    training = make_event(
        title="Formation interventions scolaires", slug="formation-test", training_for_school_actions=True
    )
    ordinary = make_event(title="Petit Déj ordinaire", slug="ordinaire")
    RegistrationFactory(event=ordinary, user=member, email=member.email, attended=True)
    member.member_profile.refresh_from_db()
    assert member.member_profile.accredited_at is None
    registration = RegistrationFactory(event=training, user=member, email=member.email)
    editor = get_user_model().objects.create_superuser("editrice", "editrice@example.org", "x")
    client.force_login(editor)
    url = reverse("wagtailsnippets_events_registration:edit", args=[registration.pk])
    response = client.post(url, {"attended": "true", "may_name_association": "false"})
    assert response.status_code == 302
    profile = member.member_profile
    profile.refresh_from_db()
    assert profile.accredited_at == training.end
    assert profile.accreditation_event_id == training.pk


def test_declining_in_the_admin_needs_a_reason(client, topic):
    editor = get_user_model().objects.create_superuser("editrice", "editrice@example.org", "x")
    client.force_login(editor)
    url = reverse("wagtailsnippets_events_topicproposal:edit", args=[topic.pk])
    data = {"title": topic.title, "description": "", "status": "declined", "decline_reason": "", "event": ""}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Indiquez pourquoi" in unescape(response.content.decode())
    topic.refresh_from_db()
    assert topic.status == "proposed"


def test_personal_data_export_and_deletion_keep_the_topic_without_the_person(topic, member, make_member):
    from core.personal_data import delete_account, export_personal_data

    topics.vote(topic, make_member())
    data = export_personal_data(member)
    assert data["topics"]["proposals"][0]["title"] == topic.title
    assert "accredited_at" in data["member_profile"] if "member_profile" in data else True
    delete_account(member)
    topic.refresh_from_db()
    assert topic.proposer is None and topic.votes.count() == 1
