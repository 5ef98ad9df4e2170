"""Reporting a comment asks for a reason (a choice, a few words): a small form page that
works without JavaScript, errors next to the field in the visitor's language; the reason
is stored with the report, listed in the admin and sent in the first-report e-mail."""

import pytest
from django_comments.models import CommentFlag

from django.core import mail

from community.comments.forms import REPORT_DETAILS_MAX_LENGTH
from community.comments.models import CommentReport
from community.comments.services import create_comment
from community.comments.threads import comments_on
from community.members.factories import MemberFactory
from tests.community import test_comment_duplicates_and_reports as reports
from tests.community import test_comments
from tests.community.conftest import RECAP_URL, RECAP_URL_EN

pytestmark = pytest.mark.django_db
recap = test_comments.recap
moderators = reports.moderators  # the Moderators group's two members


def target_of(recap):
    return comments_on(recap).get(user_email="marc.visiteur@example.org")


def test_the_thread_links_to_a_report_page_with_the_reasons(client, recap, approved_member):
    target = target_of(recap)
    client.force_login(approved_member.user)
    thread = client.get(RECAP_URL).content.decode()
    assert f'href="/commentaires/signaler/{target.pk}/?next=' in thread
    page = client.get(f"/commentaires/signaler/{target.pk}/?next={RECAP_URL}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Pourquoi signalez-vous ce commentaire ?" in html
    for value in ("spam", "abusive", "off_topic", "personal_data", "other"):
        assert f'value="{value}"' in html
    assert "Et pour les écoles" in html  # the comment being reported is quoted
    assert f'maxlength="{REPORT_DETAILS_MAX_LENGTH}"' in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "reason", "Choisissez la raison qui convient le mieux."),
        ({"reason": "nonsense"}, "reason", "Choisissez l&#x27;une des raisons proposées."),
        ({"reason": "other", "details": "   "}, "details", "Dites en quelques mots ce qui ne va pas"),
        ({"reason": "spam", "details": "x" * 301}, "details", "Ce texte fait 301 caractères"),
        ({"reason": "spam", "details": "a\x00b"}, "details", "caractère nul"),
    ],
)
def test_bad_input_is_explained_next_to_the_field(client, recap, approved_member, data, field, message):
    target = target_of(recap)
    client.force_login(approved_member.user)
    response = client.post(f"/commentaires/signaler/{target.pk}/", {"next": RECAP_URL, **data})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'id="report_{field}_error"' in html
    assert not CommentFlag.objects.filter(comment=target).exists()


def test_errors_in_english_for_an_english_visitor(client, recap, approved_member):
    target = target_of(recap)
    client.force_login(approved_member.user)
    response = client.post(f"/en/commentaires/signaler/{target.pk}/", {"next": RECAP_URL_EN, "reason": "other"})
    assert response.status_code == 400
    assert "Say in a few words what is wrong with this comment." in response.content.decode()


def test_the_reason_is_stored_listed_and_e_mailed(
    client, admin_client, recap, moderators, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    target = target_of(recap)
    reporter = MemberFactory(approved=True).user
    client.force_login(reporter)
    mail.outbox = []
    details = "Il donne le numéro d'une bénévole & <son> adresse"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/commentaires/signaler/{target.pk}/",
            {"next": RECAP_URL, "reason": "personal_data", "details": f"  {details}  "},
        )
    assert response.status_code == 302 and response["Location"] == f"{RECAP_URL}#c{target.pk}"
    report = CommentReport.objects.get(flag__comment=target, flag__user=reporter)
    assert (report.reason, report.details) == ("personal_data", details)

    message = mail.outbox[0]
    assert "Raison donnée : Montre les données personnelles de quelqu'un" in message.body
    assert f"“{details}”" in message.body
    html = message.alternatives[0][0]
    assert "Il donne le numéro d&#x27;une bénévole &amp; &lt;son&gt; adresse" in html
    assert "&amp;amp;" not in html and "&amp;#x27;" not in html

    # A second report, with another reason: both are listed, with a constant number of queries.
    other = recap_comments_with_reports(recap, count=5)
    assert other
    with django_assert_max_num_queries(40):
        listing = admin_client.get("/admin/snippets/django_comments_xtd/xtdcomment/?reported=true")
    html = listing.content.decode()
    assert "Raisons données" in html
    assert "Montre les données personnelles de quelqu&#x27;un : « Il donne le numéro" in html
    assert "Spam ou publicité" in html


def recap_comments_with_reports(recap, count):
    """`count` more reported comments, each with a reason, to see the listing's queries stay flat."""
    made = []
    for n in range(count):
        comment = create_comment(
            recap, name=f"Visiteur {n}", email=f"v{n}@example.org", text=f"Achetez {n}", followup=False, parent_id=0
        )
        flag = CommentFlag.objects.create(
            comment=comment, user=MemberFactory(approved=True).user, flag=CommentFlag.SUGGEST_REMOVAL
        )
        CommentReport.objects.create(flag=flag, reason="spam")
        made.append(comment)
    return made


def test_reporting_twice_says_so_and_keeps_one_report(client, recap, approved_member):
    target = target_of(recap)
    client.force_login(approved_member.user)
    client.post(f"/commentaires/signaler/{target.pk}/", {"next": RECAP_URL, "reason": "abusive"})
    again = client.get(f"/commentaires/signaler/{target.pk}/?next={RECAP_URL}", follow=True)
    assert "Vous avez déjà signalé ce commentaire" in again.content.decode()
    assert CommentReport.objects.filter(flag__comment=target).count() == 1
    # An outside `next` is ignored.
    response = client.get(f"/commentaires/signaler/{target.pk}/?next=https://evil.example/")
    assert response["Location"].startswith("/")
