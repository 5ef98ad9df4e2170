"""The member area at /compte/: sections from a registry, profile, "my data" as JSON,
and account deletion that keeps only anonymous traces."""

import json

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model

from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from community.associations.factories import AssociationFactory
from community.members import member_area
from community.members.factories import MemberFactory, UserFactory
from community.members.models import MemberProfile
from core import personal_data
from tests.community.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_member_area_needs_login_and_keeps_next(client):
    response = client.get("/compte/")
    assert response.status_code == 302
    assert response["Location"] == "/compte/login/?next=/compte/"
    response = client.get("/en/compte/")
    assert response["Location"] == "/en/compte/login/?next=/en/compte/"


def test_member_area_lists_the_registered_sections_in_order(client, member, tmp_path, settings):
    (tmp_path / "test_section.html").write_text(
        "<section><h2>Mes inscriptions</h2><p>{{ section.count }} inscriptions pour {{ user.first_name }}</p></section>"
    )
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], tmp_path]}]  # reassigned: resets the engines
    member_area.register_section("test_section.html", order=30, context=lambda request: {"count": 2})
    try:
        client.force_login(member.user)
        html = client.get("/compte/").content.decode()
    finally:
        member_area._sections.pop("test_section.html")
    assert f"2 inscriptions pour {member.user.first_name}" in html
    positions = [
        html.index(title) for title in ("Mon profil", "Mes inscriptions", "Mes données", "Supprimer mon compte")
    ]
    assert positions == sorted(positions)


def test_member_edits_name_and_role(client, approved_member):
    client.force_login(approved_member.user)
    form = client.get("/compte/profil/").content.decode()
    assert f'value="{approved_member.user.first_name}"' in form
    assert f'<option value="{approved_member.association_id}" selected>' in form
    response = client.post(
        "/compte/profil/",
        {
            "first_name": "Jeanne",
            "last_name": "Lambert",
            "association": str(approved_member.association_id),
            "association_name_other": "",
            "role": "Présidente",
        },
    )
    assert response.status_code == 302
    approved_member.refresh_from_db()
    approved_member.user.refresh_from_db()
    assert approved_member.user.get_full_name() == "Jeanne Lambert"
    assert approved_member.role == "Présidente"
    assert approved_member.status == MemberProfile.Status.APPROVED  # same association: still approved
    assert "Votre profil est enregistré." in client.get("/compte/").content.decode()


def test_changing_association_sends_the_membership_back_to_review(client, approved_member):
    client.force_login(approved_member.user)
    other = AssociationFactory(name="Nature Propre Test")
    response = client.post(
        "/compte/profil/",
        {"first_name": "Jeanne", "last_name": "Lambert", "association": str(other.pk), "role": ""},
        follow=True,
    )
    approved_member.refresh_from_db()
    assert approved_member.association == other
    assert approved_member.status == MemberProfile.Status.PENDING
    assert approved_member.approved_at is None
    assert "L’équipe va examiner votre nouvelle association." in response.content.decode()


def test_profile_errors_keep_what_was_typed(client, member):
    client.force_login(member.user)
    response = client.post(
        "/compte/profil/", {"first_name": "", "last_name": "Lambert", "association": "other", "role": "Trésorier"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_first_name_error"' in html
    assert "Donnez le nom de votre association." in html
    assert 'value="Trésorier"' in html
    assert '<option value="other" selected>' in html


def test_account_without_profile_can_request_membership(client):
    user = UserFactory()
    client.force_login(user)
    assert "Compléter mon profil" in client.get("/compte/").content.decode()
    client.post(
        "/compte/profil/",
        {"first_name": "A", "last_name": "B", "association": "other", "association_name_other": "Les Voisins"},
    )
    assert user.member_profile.status == MemberProfile.Status.PENDING
    assert user.member_profile.association_display == "Les Voisins"


def test_my_data_export_holds_everything_about_me_and_nobody_else(client, approved_member):
    personal_data.register_exporter("test_records", lambda user: [{"owner": user.email}])
    try:
        client.force_login(approved_member.user)
        response = client.get("/compte/mes-donnees/")
    finally:
        personal_data._exporters.pop("test_records")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="relais-my-data-')
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    user = approved_member.user
    assert data["account"]["email"] == user.email
    assert data["account"]["first_name"] == user.first_name
    assert data["account"]["email_addresses"] == [{"email": user.email, "verified": True, "primary": True}]
    assert data["member_profile"]["association"] == approved_member.association.name
    assert data["member_profile"]["role"] == approved_member.role
    assert data["member_profile"]["status"] == "approved"
    assert data["test_records"] == [{"owner": user.email}]
    assert "password" not in response.content.decode()
    assert "exported_at" in data


def test_my_data_needs_login(client):
    assert client.get("/compte/mes-donnees/")["Location"].startswith("/compte/login/")


def test_deleting_needs_the_password(client, member):
    client.force_login(member.user)
    response = client.post("/compte/supprimer/", {"password": "pas-le-bon"})
    assert response.status_code == 200
    assert "Ce n’est pas votre mot de passe." in response.content.decode()
    assert get_user_model().objects.filter(pk=member.user.pk).exists()


def test_deleting_removes_the_account_and_anonymises_what_stays(client, member, demo_home):
    user = member.user
    # Traces a member can leave today: Wagtail revisions and log entries (e.g. a former editor).
    revision = demo_home.save_revision(user=user)
    PageLogEntry.objects.log_action(demo_home, "wagtail.edit", user=user)
    association = AssociationFactory(name="Trace")
    ModelLogEntry.objects.log_action(association, "wagtail.create", user=user)
    other = MemberFactory()
    client.force_login(user)

    response = client.post("/compte/supprimer/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/compte/supprime/"
    assert "Votre compte est supprimé" in client.get(response["Location"]).content.decode()
    assert "_auth_user_id" not in client.session

    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not MemberProfile.objects.filter(pk=member.pk).exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    revision.refresh_from_db()
    assert revision.user_id is None
    assert not PageLogEntry.objects.filter(user_id=user.pk).exists()
    assert PageLogEntry.objects.filter(page=demo_home, action="wagtail.edit", user=None).exists()
    assert ModelLogEntry.objects.filter(object_id=str(association.pk), user=None).exists()
    assert Revision.objects.filter(pk=revision.pk).exists()
    assert MemberProfile.objects.filter(pk=other.pk).exists()


def test_staff_cannot_delete_themselves_here(client):
    editor = UserFactory(is_staff=True)
    client.force_login(editor)
    assert client.post("/compte/supprimer/", {"password": PASSWORD}).status_code == 403
    assert get_user_model().objects.filter(pk=editor.pk).exists()


def test_password_guesses_on_deletion_are_rate_limited(client, member):
    client.force_login(member.user)
    for _attempt in range(10):
        client.post("/compte/supprimer/", {"password": "pas-le-bon"})
    response = client.post("/compte/supprimer/", {"password": PASSWORD})
    assert "Trop de tentatives. Réessayez dans quelques minutes." in response.content.decode()
    assert get_user_model().objects.filter(pk=member.user.pk).exists()


@pytest.mark.parametrize(
    "path, title",
    [
        ("/compte/password/change/", "Modifier le mot de passe"),
        ("/compte/email/", "Adresse"),
        ("/compte/logout/", "Se déconnecter"),
        ("/compte/profil/", "Mon profil"),
        ("/compte/supprimer/", "Supprimer mon compte"),
    ],
)
def test_account_pages_use_the_site_frame(client, member, path, title):
    client.force_login(member.user)
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="account-page"' in html
    assert 'class="site-header"' in html
    assert title in html


def test_password_change_is_notified_by_email_in_html_and_text(client, member):
    from django.core import mail

    client.force_login(member.user)
    mail.outbox.clear()
    client.post(
        "/compte/password/change/",
        {"oldpassword": PASSWORD, "password1": "Nouveau-mot-de-passe-99", "password2": "Nouveau-mot-de-passe-99"},
    )
    (message,) = mail.outbox
    assert message.to == [member.user.email]
    assert "Bonjour de la part de Relais" in message.body
    assert "L’équipe Relais" in message.body
    assert message.alternatives[0][1] == "text/html"
