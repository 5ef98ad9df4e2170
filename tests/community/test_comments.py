"""Feedback threads: a visitor confirms by e-mail, a member posts at once, replies notify
followers, members flag, moderators hide and restore; bad input and forged links."""

import re

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.core import mail
from django.core.cache import cache

from community.comments.forms import ThreadCommentForm
from community.comments.services import create_comment
from community.comments.threads import comments_on
from tests.community.conftest import RECAP_TITLE_EN, RECAP_URL, RECAP_URL_EN

pytestmark = pytest.mark.django_db

RECAP = RECAP_URL
RECAP_EN = RECAP_URL_EN


@pytest.fixture
def recap(recap):
    """The recap article with a thread: a visitor's comment and a visitor's question."""
    create_comment(
        recap,
        name="Sophie",
        email="sophie.visiteuse@example.org",
        text="Merci pour ce compte rendu. Chez nous, la fiche d'une page a tout changé.",
        followup=False,
        parent_id=0,
    )
    create_comment(
        recap,
        name="Marc",
        email="marc.visiteur@example.org",
        text="Et pour les écoles, comment trouvez-vous les bénévoles agréés ?",
        followup=False,
        parent_id=0,
    )
    return recap


def form_data(page, **fields):
    form = ThreadCommentForm(page)
    data = {name: form.initial.get(name, "") for name in ("content_type", "object_pk", "timestamp", "security_hash")}
    data.update({"reply_to": 0, "next": page.url, "honeypot": ""})
    data.update(fields)
    return data


def post(client, page, prefix="", **fields):
    return client.post(f"{prefix}/commentaires/envoyer/", form_data(page, **fields))


def confirm_link(message):
    return re.search(r"https?://\S+/commentaires/confirmer/\S+/", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_visitor_confirms_by_email_before_the_comment_appears(client, recap):
    before = comments_on(recap).count()
    response = post(client, recap, name="Léa", email="lea@example.org", comment="Très utile, merci !", followup="on")
    assert response.status_code == 200
    assert "lea@example.org" in response.content.decode()
    assert comments_on(recap).count() == before  # nothing stored before confirmation
    message = mail.outbox[-1]
    assert message.to == ["lea@example.org"]
    link = confirm_link(message)
    assert link.startswith("http://127.0.0.1:8000/commentaires/confirmer/")  # BASE_URL, not the Site domain
    assert message.alternatives and link in message.alternatives[0][0]
    response = client.get(path_of(link))
    assert response.status_code == 302
    comment = comments_on(recap).get(user_email="lea@example.org")
    assert response["Location"] == f"{RECAP}#c{comment.pk}"
    assert comment.followup and comment.user_id is None
    assert "Très utile, merci !" in client.get(RECAP).content.decode()
    # Shown on the English page too: one thread per source page.
    assert "Très utile, merci !" in client.get(RECAP_EN).content.decode()


def test_english_visitor_gets_an_english_email_and_link(client, recap):
    post(client, recap, prefix="/en", name="Sam", email="sam@example.org", comment="Great recap.")
    message = mail.outbox[-1]
    assert f"Confirm your comment on “{RECAP_TITLE_EN}" in message.subject
    assert "/en/commentaires/confirmer/" in confirm_link(message)


def test_reused_and_forged_links_do_nothing(client, recap):
    post(client, recap, name="Léa", email="lea2@example.org", comment="Une fois seulement.")
    link = path_of(confirm_link(mail.outbox[-1]))
    client.get(link)
    count = comments_on(recap).count()
    again = client.get(link)
    assert again.status_code == 200 and "already" in again.content.decode().lower() or "déjà" in again.content.decode()
    assert comments_on(recap).count() == count
    # Even once a moderator deleted the comment, the link does not bring it back.
    comments_on(recap).filter(user_email="lea2@example.org").delete()
    client.get(link)
    assert not comments_on(recap).filter(user_email="lea2@example.org").exists()
    forged = client.get(link[:-6] + "xxxxx/")
    assert forged.status_code == 400
    assert comments_on(recap).count() == count - 1


def test_member_comments_at_once(client, recap, approved_member):
    client.force_login(approved_member.user)
    response = post(client, recap, comment="Publié tout de suite.")
    assert response.status_code == 302
    comment = comments_on(recap).get(comment="Publié tout de suite.")
    assert comment.user == approved_member.user and comment.is_public
    assert not [m for m in mail.outbox if "confirm" in m.subject.lower()]


def test_pending_member_confirms_by_email_like_a_visitor(client, recap, member):
    client.force_login(member.user)
    response = post(client, recap, name="Pending", email=member.user.email, comment="Pas encore membre.")
    assert response.status_code == 200
    assert not comments_on(recap).filter(comment="Pas encore membre.").exists()


def test_reply_notifies_followers_in_their_language(client, recap, approved_member, django_capture_on_commit_callbacks):
    post(client, recap, prefix="/en", name="Sam", email="sam.follow@example.org", comment="Question?", followup="on")
    client.get(path_of(confirm_link(mail.outbox[-1])))
    question = comments_on(recap).get(user_email="sam.follow@example.org")
    mail.outbox.clear()
    client.force_login(approved_member.user)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, recap, comment="Voici la réponse.", reply_to=question.pk)
    reply = comments_on(recap).get(comment="Voici la réponse.")
    assert reply.level == 1 and reply.thread_id == question.thread_id
    assert [m.to for m in mail.outbox] == [["sam.follow@example.org"]]
    message = mail.outbox[0]
    assert "New reply" in message.subject
    assert "Voici la réponse." in message.body
    assert f"http://127.0.0.1:8000{RECAP_EN}#c{reply.pk}" in message.body
    # The mute link asks first, then stops the e-mails.
    mute = path_of(re.search(r"https?://\S+/commentaires/notifications/\S+/", message.body).group(0))
    client.get(mute)
    assert XtdComment.objects.get(pk=question.pk).followup
    client.post(mute)
    assert not XtdComment.objects.get(pk=question.pk).followup


def test_no_third_level(client, recap, approved_member):
    client.force_login(approved_member.user)
    post(client, recap, comment="Racine.")
    root = comments_on(recap).get(comment="Racine.")
    post(client, recap, comment="Niveau 1.", reply_to=root.pk)
    level1 = comments_on(recap).get(comment="Niveau 1.")
    response = post(client, recap, comment="Niveau 2.", reply_to=level1.pk)
    assert response.status_code == 400
    assert not comments_on(recap).filter(comment="Niveau 2.").exists()


def test_empty_and_oversized_comments_keep_the_text(client, recap):
    response = post(client, recap, name="Léa", email="lea@example.org", comment="   ")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and "comment_error" not in html or "_error" in html
    assert 'value="Léa"' in html
    long_text = "x" * 3001
    response = post(client, recap, name="Léa", email="lea@example.org", comment=long_text)
    assert response.status_code == 400
    html = response.content.decode()
    assert long_text in html
    assert "3000" in html
    assert not mail.outbox


def test_honeypot_and_rate_limit(client, recap):
    response = post(client, recap, name="Bot", email="bot@example.org", comment="Spam", honeypot="gotcha")
    assert response.status_code == 429
    assert not mail.outbox
    cache.clear()
    for n in range(5):
        assert post(client, recap, name="Léa", email="same@example.org", comment=f"Essai {n}").status_code == 200
    assert post(client, recap, name="Léa", email="same@example.org", comment="Encore").status_code == 429


def test_comment_text_is_escaped_and_links_inert_for_visitors(client, recap, approved_member):
    payload = '<script>alert(1)</script> voir https://spam.example.com <a href="https://x.example">x</a>'
    post(client, recap, name="<b>Nom</b>", email="xss@example.org", comment=payload)
    client.get(path_of(confirm_link(mail.outbox[-1])))
    html = client.get(RECAP).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="https://spam.example.com"' not in html
    assert "&lt;b&gt;Nom&lt;/b&gt;" in html
    client.force_login(approved_member.user)
    post(client, recap, comment="Notre guide : https://guide.example.org")
    html = client.get(RECAP).content.decode()
    assert 'href="https://guide.example.org" rel="nofollow ugc noopener"' in html


def test_hidden_comment_never_appears_nor_is_quoted(client, recap, approved_member):
    client.force_login(approved_member.user)
    post(client, recap, comment="Commentaire à masquer.")
    parent = comments_on(recap).get(comment="Commentaire à masquer.")
    post(client, recap, comment="Réponse qui reste.", reply_to=parent.pk)
    XtdComment.objects.filter(pk=parent.pk).update(is_public=False)
    html = client.get(RECAP).content.decode()
    assert "Commentaire à masquer." not in html
    assert "Réponse qui reste." in html
    # No reply to a hidden comment.
    assert post(client, recap, comment="Trop tard.", reply_to=parent.pk).status_code == 400
    XtdComment.objects.filter(pk=parent.pk).update(is_public=True, is_removed=True)
    assert "Commentaire à masquer." not in client.get(RECAP).content.decode()


def test_members_flag_and_moderators_see_flagged_first_then_hide(client, recap, approved_member, admin_client):
    target = comments_on(recap).get(user_email="marc.visiteur@example.org")
    assert client.post(f"/commentaires/signaler/{target.pk}/").status_code == 302  # to the login page
    assert not CommentFlag.objects.filter(comment_id=target.pk).exists()
    client.force_login(approved_member.user)
    response = client.post(f"/commentaires/signaler/{target.pk}/", {"next": RECAP, "reason": "off_topic"})
    assert response.status_code == 302
    assert CommentFlag.objects.filter(comment_id=target.pk, flag=CommentFlag.SUGGEST_REMOVAL).count() == 1
    assert "You reported this comment" in client.get(RECAP_EN).content.decode()

    listing = admin_client.get("/admin/snippets/django_comments_xtd/xtdcomment/")
    assert listing.status_code == 200
    html = listing.content.decode()
    first_row = html.index("Et pour les écoles")
    assert all(html.index(other) > first_row for other in ["Merci pour ce compte rendu"])
    # The "Reported" filter is a reported comment ("Signalé"), not a told action ("Racontée").
    assert re.search(r'<label[^>]*for="id_reported"[^>]*>\s*Signalé\s*</label>', html)
    assert "Racontée" not in html
    assert admin_client.get("/admin/snippets/django_comments_xtd/xtdcomment/?reported=true").status_code == 200
    filtered = admin_client.get("/admin/snippets/django_comments_xtd/xtdcomment/?visibility=hidden").content.decode()
    assert "Et pour les écoles" not in filtered

    url = f"/admin/bulk/django_comments_xtd/xtdcomment/hide/?id={target.pk}"
    assert admin_client.get(url).status_code == 200
    admin_client.post(url)
    target.refresh_from_db()
    assert not target.is_public
    assert "Et pour les écoles" not in client.get(RECAP).content.decode()
    admin_client.post(f"/admin/bulk/django_comments_xtd/xtdcomment/restore/?id={target.pk}")
    target.refresh_from_db()
    assert target.is_public


def test_threads_on_kits_and_events(client, make_kit, recap_event):
    kit = client.get(make_kit("Kit avec fil").url).content.decode()
    event = client.get(recap_event.url).content.decode()
    assert 'id="commentaires"' in kit and 'id="commentaires"' in event
    assert "/commentaires/ecrire/kits.kitpage/" in kit and "/commentaires/ecrire/events.eventpage/" in event


def test_personal_data_export_and_erase(recap):
    from core.personal_data import email_record_sources

    find, erase = email_record_sources()["comments"]
    assert find("sophie.visiteuse@example.org")[0]["name"] == "Sophie"
    assert erase("sophie.visiteuse@example.org") == 1
    comment = comments_on(recap).get(comment__startswith="Merci pour ce compte rendu")
    assert comment.user_email == "" and comment.user_name == "—"


def test_dashboard_counts_reported_comments(admin_client, recap, approved_member):
    target = comments_on(recap).get(user_email="marc.visiteur@example.org")
    counted = 'href="/admin/moderation/#xtdcomment-section">Commentaires signalés</a> : <strong>{}</strong>'
    assert counted.format(0) in admin_client.get("/admin/").content.decode()
    CommentFlag.objects.create(comment=target, user=approved_member.user, flag=CommentFlag.SUGGEST_REMOVAL)
    assert counted.format(1) in admin_client.get("/admin/").content.decode()  # the moderation inbox's panel


def test_member_export_deletion_and_address_retention(recap, approved_member):
    from datetime import timedelta

    from django.utils import timezone

    from community.comments.services import create_comment
    from core.personal_data import delete_account, export_personal_data, retention_rules

    user = approved_member.user
    create_comment(recap, name="Moi", email=user.email, text="Mon avis.", followup=True, parent_id=0, user=user)
    exported = export_personal_data(user)["comments"]
    assert [row["comment"] for row in exported] == ["Mon avis."]
    old = create_comment(
        recap,
        name="Ancien",
        email="ancien@example.org",
        text="Il y a longtemps.",
        followup=False,
        parent_id=0,
        ip_address="203.0.113.9",
        submit_date=timezone.now() - timedelta(days=400),
    )
    purge = retention_rules()["comment_addresses"]
    assert purge(timezone.now(), dry_run=True) >= 1
    purge(timezone.now(), dry_run=False)
    old.refresh_from_db()
    assert old.ip_address is None
    delete_account(user)
    comment = comments_on(recap).get(comment="Mon avis.")
    assert comment.user_id is None and comment.user_email == "" and comment.user_name == "—"


def test_expired_link_says_so_and_publishes_nothing(client, recap, monkeypatch):
    from community.comments import services

    post(client, recap, name="Léa", email="late@example.org", comment="Trop tard.")
    link = path_of(confirm_link(mail.outbox[-1]))
    monkeypatch.setattr(services, "CONFIRMATION_MAX_AGE", -1)
    response = client.get(link)
    assert response.status_code == 400
    assert "expiré" in response.content.decode()
    assert not comments_on(recap).filter(user_email="late@example.org").exists()


def test_moderators_group_moderates_comments(client, recap):
    from django.contrib.auth.models import Group

    from community.members.factories import UserFactory

    moderator = UserFactory(is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    assert client.get("/admin/snippets/django_comments_xtd/xtdcomment/").status_code == 200
    target = comments_on(recap).get(user_email="marc.visiteur@example.org")
    client.post(f"/admin/bulk/django_comments_xtd/xtdcomment/hide/?id={target.pk}")
    target.refresh_from_db()
    assert not target.is_public
    assert client.get("/admin/snippets/django_comments_xtd/xtdcomment/add/").status_code in (302, 403)


def test_visitors_write_on_a_page_of_its_own_so_thread_pages_stay_cacheable(client, recap, settings):
    settings.PAGE_CACHE_SECONDS = 600
    html = client.get(RECAP).content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert client.get(RECAP)["X-Cache"] == "HIT"
    write_url = re.search(r'href="(/commentaires/ecrire/[^"]+)"', html).group(1).replace("&amp;", "&")
    form_page = client.get(write_url)
    assert form_page.status_code == 200 and "X-Cache" not in form_page
    assert 'name="csrfmiddlewaretoken"' in form_page.content.decode()
    assert f'name="next" value="{RECAP}"' in form_page.content.decode()


def test_reply_page_quotes_the_comment_and_refuses_a_hidden_one(client, recap, approved_member):
    client.force_login(approved_member.user)
    post(client, recap, comment="Premier retour visible.")
    comment = comments_on(recap).get(comment="Premier retour visible.")
    client.logout()
    page = recap.content_type.app_label + "." + recap.content_type.model
    response = client.get(f"/commentaires/ecrire/{page}/{recap.pk}/?reply_to={comment.pk}")
    html = response.content.decode()
    assert "Premier retour visible." in html and f'name="reply_to" value="{comment.pk}"' in html
    comment.is_public = False
    comment.save()
    html = client.get(f"/commentaires/ecrire/{page}/{recap.pk}/?reply_to={comment.pk}").content.decode()
    assert "Premier retour visible." not in html and 'name="reply_to" value="0"' in html
    assert client.get("/commentaires/ecrire/kits.kitpage/999999/").status_code == 404
    assert client.get("/commentaires/ecrire/auth.user/1/").status_code == 404
