"""A member reports a comment on a phone: the small form page asks why, explains bad input
next to the field, then thanks; the Moderators' e-mail and the admin listing give the reason."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.browser import content
from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp


@pytest.fixture
def thread(committed):
    from community.articles.factories import ArticlePageFactory
    from community.articles.models import ArticleIndexPage
    from community.comments.services import create_comment
    from community.members.factories import MemberFactory

    suffix = timezone.now().strftime("%H%M%S%f")
    article = ArticlePageFactory(
        parent=ArticleIndexPage.objects.get(locale__language_code="fr"),
        title="Guide : signaler sans crainte",
        slug=f"signaler-{suffix}",
        category="guide",
    )
    content.publish(article)
    comment = create_comment(
        article,
        name="Robot",
        email=f"robot-{suffix}@example.org",
        text=f"Achetez des montres pas chères ({suffix})",
        followup=False,
        parent_id=0,
    )
    member = MemberFactory(approved=True, user__email=f"signale-{suffix}@example.org").user
    return article, comment, member, suffix


def test_member_reports_a_comment_with_a_reason(phone, page, thread, site_url, django_db_blocker, settings):
    article, comment, member, suffix = thread
    client = Client()
    client.force_login(member)
    phone.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_url}])
    moderator, secret = staff_with_totp(django_db_blocker, f"moderation-{suffix}@example.org", "Moderators")
    mail.outbox.clear()

    phone.goto(article.url)
    phone.locator(f"#c{comment.pk}").get_by_role("link", name=re.compile("^Signaler à l'équipe de modération")).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Signaler un commentaire")
    check_page(phone, "comment-report-form-390")
    phone.get_by_label("Autre chose").check()
    phone.get_by_role("button", name="Envoyer mon signalement").click()
    expect(phone.locator("#report_details_error")).to_have_text(
        "Dites en quelques mots ce qui ne va pas dans ce commentaire."
    )
    check_page(phone, "comment-report-errors-390")
    phone.get_by_label("Spam ou publicité").check()
    phone.get_by_label("En quelques mots").fill("Publicité pour des montres")
    phone.get_by_role("button", name="Envoyer mon signalement").click()
    expect(phone.get_by_text("Merci : l'équipe de modération va examiner ce commentaire.")).to_be_visible()
    expect(phone.locator(f"#c{comment.pk}")).to_contain_text("Vous avez signalé ce commentaire")
    check_page(phone, "comment-reported-390")

    told = [m for m in mail.outbox if moderator.email in m.to]
    assert len(told) == 1
    assert "Raison donnée : Spam ou publicité" in told[0].body and "Publicité pour des montres" in told[0].body

    settings.MFA_REQUIRED_FOR_STAFF = True
    sign_in(page, moderator, secret, next_url="/admin/snippets/django_comments_xtd/xtdcomment/?reported=true")
    row = page.locator("tr", has_text=f"({suffix})")
    expect(row).to_contain_text("Spam ou publicité : « Publicité pour des montres »")
    check_page(page, "admin-comment-report-reasons-1280")
