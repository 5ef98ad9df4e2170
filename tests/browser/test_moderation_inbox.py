"""The moderation inbox in the real admin (core.moderation_inbox): a Moderator signed in with
two-factor reads the counts on the dashboard, opens "À modérer", rejects a testimonial with a
reason, approves two membership requests at once (each person gets an e-mail) and keeps a
reported comment (nobody is told)."""

import re

import pytest
from django_comments.models import CommentFlag
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from community.comments.services import create_comment
from community.members.factories import MemberFactory
from community.members.models import MemberProfile
from community.testimonials.models import Testimonial as Story  # not "Test…": pytest would collect it
from events.models import TopicProposal
from home.models import HomePage
from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp
from tests.community.testimonial_helpers import make_testimonial

STORY = "Un atelier vélo qui n’a jamais eu lieu"


@pytest.fixture
def waiting(django_db_blocker):
    with django_db_blocker.unblock():
        for model in (Story, TopicProposal):
            model.objects.all().delete()
        MemberProfile.objects.filter(status=MemberProfile.Status.PENDING).delete()
        CommentFlag.objects.filter(flag=CommentFlag.SUGGEST_REMOVAL).delete()  # counts below are exact
        get_user_model().objects.filter(email__in=["awa.inbox@example.org", "jules.inbox@example.org"]).delete()
        story = make_testimonial(status="pending", title=STORY, email="auteure.velo@example.org")
        first = MemberFactory(user__first_name="Awa", user__last_name="Diallo", user__email="awa.inbox@example.org")
        second = MemberFactory(
            user__first_name="Jules", user__last_name="Martin", user__email="jules.inbox@example.org"
        )
        home = HomePage.objects.get(locale__language_code="fr")
        comment = create_comment(
            home, name="Visiteur pressé", email="presse@example.org", text="Un commentaire hors sujet.",
            followup=False, parent_id=None,
        )  # fmt: skip
        reporter = MemberFactory(approved=True).user
        CommentFlag.objects.create(comment=comment, user=reporter, flag=CommentFlag.SUGGEST_REMOVAL)
        TopicProposal.objects.create(title="Recruter des bénévoles jeunes", proposer=reporter)
        return story, first, second


def new_tab(browser, site_url, width, height=900):
    context = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": width, "height": height})
    context.set_default_timeout(20_000)
    return context.new_page()


def test_a_moderator_decides_from_the_inbox(browser, site_url, committed, waiting, django_db_blocker, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    story, first, second = waiting
    suffix = timezone.now().strftime("%H%M%S%f")
    moderator, secret = staff_with_totp(django_db_blocker, f"boite-{suffix}@example.org", "Moderators")
    tab = new_tab(browser, site_url, 1280)
    sign_in(tab, moderator, secret)

    # The dashboard counts each kind.
    panel = tab.locator("#moderation-inbox-section")
    expect(panel).to_contain_text("Témoignages en attente : 1")
    expect(panel).to_contain_text("Demandes d’adhésion : 2")
    expect(panel).to_contain_text("Commentaires signalés : 1")
    expect(panel).to_contain_text("Sujets proposés : 1")
    check_page(tab, "admin-dashboard-moderation-counts")

    panel.get_by_role("link", name="Ouvrir la boîte de modération").click()
    expect(tab.get_by_role("heading", name="À modérer", level=1)).to_be_visible()
    check_page(tab, "moderation-inbox")

    # Reject the testimonial, with its reason, from its row.
    mail.outbox = []
    tab.get_by_role("link", name=f"Refuser « {STORY} »").click()
    expect(tab.get_by_text(STORY)).to_be_visible()
    tab.get_by_label("Raison, envoyée à la personne").fill("Aucune action n’a eu lieu : merci de nous écrire.")
    check_page(tab, "moderation-inbox-reject-testimonial")
    tab.get_by_role("button", name="Oui, refuser").click()
    expect(tab).to_have_url(re.compile(r"/admin/moderation/$"))
    expect(tab.locator(".messages")).to_contain_text("1 témoignage refusé")
    expect(tab.locator("#testimonial-section")).to_contain_text("Rien n’attend ici.")

    # Approve both membership requests at once.
    members = tab.locator("#memberprofile-section")
    members.get_by_label(re.compile("^Sélectionner : Awa Diallo")).check()
    members.get_by_label(re.compile("^Sélectionner : Jules Martin")).check()
    members.get_by_role("button", name="Valider les éléments cochés").click()
    expect(tab.get_by_text("awa.inbox@example.org")).to_be_visible()
    expect(tab.get_by_text("jules.inbox@example.org")).to_be_visible()
    tab.get_by_role("button", name="Oui, valider").click()
    expect(tab).to_have_url(re.compile(r"/admin/moderation/$"))
    expect(tab.locator("#memberprofile-section")).to_contain_text("Rien n’attend ici.")

    # Keep the reported comment: it stays on the site, its report is closed, nobody is told.
    tab.get_by_role("link", name="Garder ou rétablir — Visiteur pressé").click()
    expect(tab.get_by_text("leurs signalements seront classés", exact=False)).to_be_visible()
    check_page(tab, "moderation-inbox-keep-comment")
    tab.get_by_role("button", name="Oui, les garder").click()
    expect(tab).to_have_url(re.compile(r"/admin/moderation/$"))
    expect(tab.locator(".messages")).to_contain_text("1 commentaire gardé sur le site")
    expect(tab.locator("#xtdcomment-section")).to_contain_text("Rien n’attend ici.")
    check_page(tab, "moderation-inbox-after-decisions")

    story.refresh_from_db()
    assert story.status == Story.Status.REJECTED
    assert set(MemberProfile.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == {
        MemberProfile.Status.APPROVED
    }
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["auteure.velo@example.org", "awa.inbox@example.org", "jules.inbox@example.org"]
    rejection = next(message for message in mail.outbox if message.to == ["auteure.velo@example.org"])
    assert "Aucune action n’a eu lieu" in rejection.body
    tab.context.close()


def test_the_inbox_on_a_phone(browser, site_url, committed, waiting, django_db_blocker, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    suffix = timezone.now().strftime("%H%M%S%f")
    moderator, secret = staff_with_totp(django_db_blocker, f"boite-mobile-{suffix}@example.org", "Moderators")
    tab = new_tab(browser, site_url, 390, 844)
    sign_in(tab, moderator, secret, next_url="/admin/moderation/")
    expect(tab.get_by_role("heading", name="À modérer", level=1)).to_be_visible()
    expect(tab.locator("#memberprofile-section")).to_contain_text("Awa Diallo")
    check_page(tab, "moderation-inbox-phone")
    tab.context.close()
