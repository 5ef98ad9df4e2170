"""The moderation inbox ("À modérer", core.moderation_inbox): every kind that waits, for
those who may moderate it, in a constant number of queries; its buttons are the kinds'
own bulk actions; the dashboard counts what waits."""

import pytest
from django_comments.models import CommentFlag

from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.comments.services import create_comment
from community.members.factories import MemberFactory, UserFactory
from community.members.models import MemberProfile
from events.models import TopicProposal
from events.topic_moderation import TOPICS
from home.models import HomePage
from tests.community.testimonial_helpers import make_testimonial

pytestmark = pytest.mark.django_db

INBOX = "/admin/moderation/"


def staff(*groups):
    user = UserFactory()
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def waiting_items(number=1):
    """`number` pending items of each kind; returns their titles."""
    home = HomePage.objects.get(locale__language_code="fr")
    reporter = MemberFactory(approved=True).user
    made = []
    for n in range(number):
        story = make_testimonial(status="pending", title=f"Récit en attente {n}")
        profile = MemberFactory(user__first_name="Candidate", user__last_name=f"Numéro{n}")
        comment = create_comment(
            home, name=f"Auteur{n}", email=f"auteur{n}@example.org", text=f"Commentaire signalé {n}",
            followup=False, parent_id=None,
        )  # fmt: skip
        CommentFlag.objects.create(comment=comment, user=reporter, flag=CommentFlag.SUGGEST_REMOVAL)
        topic = TopicProposal.objects.create(title=f"Sujet proposé {n}", proposer=MemberFactory(approved=True).user)
        made.append((story, profile, comment, topic))
    return made


def test_a_moderator_sees_every_kind_with_its_count_and_its_listing(client):
    waiting_items(2)
    client.force_login(staff("Moderators"))
    html = client.get(INBOX).content.decode()
    for title in ("Témoignages en attente (2)", "Demandes d’adhésion (2)", "Commentaires signalés (2)"):
        assert title in html
    assert "Sujets proposés (2)" in html
    assert "Récit en attente 1" in html and "Candidate Numéro0" in html and "Commentaire signalé 1" in html
    assert "/admin/snippets/community/testimonial/?status=pending" in html
    assert "/admin/snippets/events/topicproposal/?status=proposed" in html
    assert "/admin/snippets/django_comments_xtd/xtdcomment/?reported=true&amp;visibility=visible" in html


def test_an_editor_sees_only_the_kinds_they_may_moderate(client):
    waiting_items()
    client.force_login(staff("Editors"))
    html = client.get(INBOX).content.decode()
    assert "Commentaire signalé 0" in html and "Sujet proposé 0" in html
    assert "Récit en attente" not in html and "Candidate" not in html
    assert "Témoignages en attente" not in html and "Demandes d’adhésion" not in html


def test_who_has_nothing_to_moderate_is_refused_and_has_no_menu_item(client):
    client.force_login(staff("Protection des données"))
    assert client.get(INBOX)["Location"] == reverse("wagtailadmin_home")
    assert INBOX not in client.get("/admin/").content.decode()


def test_the_inbox_takes_the_same_number_of_queries_for_one_or_many_items(client):
    client.force_login(staff("Moderators"))
    waiting_items(1)
    client.get(INBOX)  # warm the caches (permissions, site, locale)
    with CaptureQueriesContext(connection) as few:
        assert client.get(INBOX).status_code == 200
    waiting_items(12)
    with CaptureQueriesContext(connection) as many:
        html = client.get(INBOX).content.decode()
    assert "Récit en attente 11" in html
    assert len(many) == len(few), [query["sql"] for query in many]
    assert len(many) <= 30


def test_the_dashboard_counts_each_kind_and_links_to_the_inbox(client):
    waiting_items(3)
    client.force_login(staff("Moderators"))
    html = client.get("/admin/").content.decode()
    assert "À modérer" in html and f'href="{INBOX}"' in html
    assert f'href="{INBOX}#testimonial-section">Témoignages en attente</a> : <strong>3</strong>' in html
    assert f'href="{INBOX}#topicproposal-section">Sujets proposés</a> : <strong>3</strong>' in html


def test_the_inbox_buttons_open_the_kinds_own_bulk_actions(client, django_capture_on_commit_callbacks):
    [(_story, first, _c, _topic)], [(_s, second, _c2, _t)] = waiting_items(), waiting_items()
    client.force_login(staff("Moderators"))
    html = client.get(INBOX).content.decode()
    approve = reverse("wagtail_bulk_action", args=["community", "memberprofile", "approve"])
    assert f'formaction="{approve}"' in html
    # Nothing ticked: the confirmation page has nothing to decide, and says so (no error).
    assert client.get(approve, {"next": INBOX}).status_code == 200
    # The inbox's form sends the ticked ids to the bulk action's own confirmation page.
    confirm = client.get(approve, {"id": [first.pk, second.pk], "next": INBOX})
    assert "Valider des membres" in confirm.content.decode()
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"{approve}?id={first.pk}&id={second.pk}&next={INBOX}")
    assert done["Location"] == INBOX
    assert set(MemberProfile.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == {
        "approved"
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.user.email, second.user.email])


def test_declining_a_topic_needs_a_reason_shows_it_and_tells_the_proposer(client, django_capture_on_commit_callbacks):
    [(_s, _p, _c, topic)] = waiting_items()
    client.force_login(staff("Editors"))
    decline = reverse("wagtail_bulk_action", args=["events", "topicproposal", "decline"])
    refused = client.post(f"{decline}?id={topic.pk}&next={INBOX}", {"reason": ""})
    assert refused.status_code == 200 and "error-message" in refused.content.decode()
    assert TopicProposal.objects.get(pk=topic.pk).status == TopicProposal.Status.PROPOSED
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{decline}?id={topic.pk}&next={INBOX}", {"reason": "Déjà traité en mars."})
    topic.refresh_from_db()
    assert topic.status == TopicProposal.Status.DECLINED and topic.decline_reason == "Déjà traité en mars."
    [message] = mail.outbox
    assert message.to == [topic.proposer.email] and "Déjà traité en mars." in message.body


def test_selecting_a_topic_tells_the_proposer_once(django_capture_on_commit_callbacks):
    [(_s, _p, _c, topic)] = waiting_items()
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        TOPICS.decide([topic], "approve", staff("Editors"))
        TOPICS.decide([topic], "approve", staff("Editors"))
    topic.refresh_from_db()
    assert topic.status == TopicProposal.Status.SELECTED and topic.selection_notified_at
    assert [m.to for m in mail.outbox] == [[topic.proposer.email]]
    assert topic not in TOPICS.pending()
