"""Every e-mail the site sends, rendered with titles containing ', &, < and ": the subject
and the text part read as written, the HTML part escapes exactly once (its <title> too)."""

import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from allauth.account.models import EmailAddress
from django_tasks.base import TaskResultStatus

from django.contrib.auth.models import Group
from django.core import mail

from community.associations.factories import AssociationFactory
from community.comments import services as comments
from community.members.emails import send_membership_decision
from community.members.factories import MemberFactory, UserFactory
from community.testimonials.emails import notify_moderators, send_decision
from community.testimonials.models.testimonial import Testimonial as Story
from events import emails as event_emails
from events.factories import EventPageFactory, RegistrationFactory
from events.models import EventIndexPage, Registration, TopicProposal
from kits.emails import KINDS, send_declaration_email
from kits.factories import ActionDeclarationFactory, KitDocumentFactory, KitMaterialFactory, KitPageFactory
from kits.models import KitIndexPage

pytestmark = pytest.mark.django_db

TITLE = 'L\'été & <les> "amis"'
ENTITY = re.compile(r"&(#x?[0-9a-f]+|amp|lt|gt|quot|apos);", re.IGNORECASE)


class Parts(HTMLParser):
    """The text of the <title> and of the body, entities decoded once."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.body, self.tags, self._in_title = "", "", [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        else:
            self.body += data


def check(message, *, in_subject=True, in_body=True, text=TITLE):
    parts = Parts()
    html = message.alternatives[0][0]
    parts.feed(html)
    subject = message.subject
    assert not ENTITY.search(subject), subject
    assert not ENTITY.search(message.body), message.body
    assert parts.title.strip() in (subject, subject.removeprefix("[Relais] ")), (parts.title, subject)
    assert not ENTITY.search(parts.title) and not ENTITY.search(parts.body), "escaped twice"
    assert "les" not in parts.tags, "a title reached the HTML unescaped"
    if in_subject:
        assert text in subject
    if in_body:
        assert text in message.body
        assert text in " ".join(parts.body.split())


@pytest.fixture
def kit():
    page = KitPageFactory.build(title=TITLE, slug="ete-amis")
    KitIndexPage.objects.get(locale__language_code="fr").add_child(instance=page)
    page.save_revision().publish()
    KitMaterialFactory(page=page, label=TITLE, document=KitDocumentFactory(title="Affiche"))
    return page


@pytest.mark.parametrize("kind", KINDS)
def test_declaration_emails(kit, kind):
    declaration = ActionDeclarationFactory(kit=kit, name=TITLE)
    message = send_declaration_email(declaration, kind)
    check(message)


@pytest.fixture
def event():
    page = EventPageFactory.build(title=TITLE, slug="ete-amis-session")
    EventIndexPage.objects.get(locale__language_code="fr").add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    "kind", ["guest_confirm", "confirmed", "waiting", "promoted", "cancelled", "reminder", "updated"]
)
def test_registration_emails(event, kind):
    status = Registration.Status.WAITING if kind == "waiting" else Registration.Status.CONFIRMED
    registration = RegistrationFactory(event=event, name=TITLE, status=status, waiting_position=1)
    check(event_emails.send_registration_email(registration, kind))


def test_session_cancelled_email(event):
    type(event).objects.filter(pk=event.pk).update(cancelled=True, cancellation_reason=TITLE)
    event.refresh_from_db()
    for status in (Registration.Status.CONFIRMED, Registration.Status.WAITING):
        registration = RegistrationFactory(event=event, name=TITLE, status=status, waiting_position=1)
        message = event_emails.send_registration_email(registration, "session_cancelled")
        check(message)
        assert message.body.count(TITLE) >= 2  # the title and the editors' reason


def test_topic_selected_email(event):
    topic = TopicProposal.objects.create(title=TITLE, proposer=UserFactory(), event=event)
    check(event_emails.send_topic_selected_email(topic))


def make_story(**fields):
    return Story.objects.create(
        display_name=TITLE,
        email="auteur@example.org",
        title=TITLE,
        story="Une belle action.",
        action_date="2026-10-01",
        postcode="75011",
        territory="75",
        participants=12,
        **fields,
    )


def test_testimonial_emails_to_moderators_and_author():
    moderator = UserFactory(email="moderatrice@example.org")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    story = make_story()
    mail.outbox.clear()
    notify_moderators.call(story.pk)
    check(next(message for message in mail.outbox if message.to == ["moderatrice@example.org"]))
    story.status = Story.Status.APPROVED
    story.save()
    assert send_decision.call(story.pk) is True
    check(mail.outbox[-1], in_subject=False)
    story.status, story.rejection_reason = Story.Status.REJECTED, TITLE
    story.save()
    # Queued, as the moderation does: the result is stored as JSON, so the task succeeds.
    assert send_decision.enqueue(story.pk).status == TaskResultStatus.SUCCESSFUL
    check(mail.outbox[-1], in_subject=False)


@pytest.mark.parametrize("approved", [True, False])
def test_membership_emails(approved):
    profile = MemberFactory(association=AssociationFactory(name=TITLE), approved=approved, declined=not approved)
    check(send_membership_decision(profile, reason=TITLE), in_subject=False)


def test_comment_emails(event):
    form = SimpleNamespace(
        cleaned_data={"name": TITLE, "email": "visiteur@example.org", "comment": TITLE, "followup": True}
    )
    mail.outbox.clear()
    comments.request_confirmation(event, form, "127.0.0.1", event.url)
    check(mail.outbox[-1])
    first = comments.create_comment(
        event, name="Première", email="premiere@example.org", text="Bonjour", followup=True, parent_id=0
    )
    reply = comments.create_comment(
        event, name=TITLE, email="autre@example.org", text=TITLE, followup=False, parent_id=first.pk
    )
    (message,) = comments.notify_followers(reply)
    check(message)


def test_account_confirmation_email():
    user = UserFactory(email="nouvelle@example.org", verified_email=False)
    address = EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    mail.outbox.clear()
    address.send_confirmation()
    check(mail.outbox[-1], in_subject=False, in_body=False)
