"""Staff approve or decline membership requests in the Wagtail admin; members are told by
e-mail in their language; only approved members pass `network_member_required`."""

import re

import pytest

from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.core import mail
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from community.associations.factories import AssociationFactory
from community.members.access import NetworkMemberRequiredMixin, is_network_member, network_member_required
from community.members.factories import MemberFactory, UserFactory
from community.members.models import MemberProfile
from tests.community.conftest import last_mail_to

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/community/memberprofile/"


@pytest.fixture
def staff_client(client):
    editor = UserFactory(is_staff=True, is_superuser=True, email="equipe@example.org")
    client.force_login(editor)
    client.editor = editor
    return client


def bulk_url(action, *profiles):
    ids = "&".join(f"id={profile.pk}" for profile in profiles)
    return f"/admin/bulk/community/memberprofile/{action}/?{ids}&next={LIST_URL}"


def test_staff_list_pending_members_filtered_by_status_and_association(staff_client):
    association = AssociationFactory(name="Les Jardins Partagés")
    # Fixed, unusual names: the staff account's random name shows in the admin's sidebar too.
    pending = MemberFactory(association=association, user__first_name="Ada", user__last_name="Zébulon-Essai")
    approved = MemberFactory(
        approved=True, association=association, user__first_name="Ada", user__last_name="Yvelin-Essai"
    )
    other = MemberFactory(user__first_name="Ada", user__last_name="Xavier-Essai")

    html = staff_client.get(f"{LIST_URL}?status=pending").content.decode()
    assert "Zébulon-Essai" in html and "Xavier-Essai" in html
    assert "Yvelin-Essai" not in html
    assert html.count(f"/admin/bulk/community/memberprofile/approve/?id={pending.pk}") == 1

    html = staff_client.get(f"{LIST_URL}?association={association.pk}").content.decode()
    assert "Zébulon-Essai" in html and "Yvelin-Essai" in html
    assert "Xavier-Essai" not in html
    # An approved member gets a "Decline" button only.
    assert f"approve/?id={approved.pk}" not in html
    assert f"decline/?id={approved.pk}" in html
    assert other.pk


def test_approving_one_member_emails_them_in_their_language(staff_client):
    member = MemberFactory(language="en", user__first_name="Maya")
    mail.outbox.clear()
    confirm = staff_client.get(bulk_url("approve", member))
    assert confirm.status_code == 200
    assert member.user.email in confirm.content.decode()
    assert not mail.outbox  # nothing happens before the confirmation

    response = staff_client.post(bulk_url("approve", member))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == MemberProfile.Status.APPROVED
    assert member.approved_by == staff_client.editor
    assert member.approved_at is not None
    assert is_network_member(member.user)

    message = last_mail_to(member.user.email)
    assert message.subject == "[Relais] Your membership is approved"
    assert "Hello Maya," in message.body
    assert "http://127.0.0.1:8000/en/compte/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<html lang="en">' in html and 'href="http://127.0.0.1:8000/en/compte/"' in html


def test_declining_in_bulk_emails_each_member_in_french(staff_client):
    members = [MemberFactory() for _ in range(3)]
    mail.outbox.clear()
    response = staff_client.post(bulk_url("decline", *members))
    assert response.status_code == 302
    assert MemberProfile.objects.filter(pk__in=[m.pk for m in members], status="declined").count() == 3
    assert len(mail.outbox) == 3
    for member in members:
        message = last_mail_to(member.user.email)
        assert message.subject == "[Relais] Votre demande d’adhésion a été refusée"
        assert "corrigez votre profil" in message.body
        assert not is_network_member(member.user)


def test_bulk_approve_skips_members_already_approved(staff_client):
    already = MemberFactory(approved=True)
    waiting = MemberFactory()
    mail.outbox.clear()
    staff_client.post(bulk_url("approve", already, waiting))
    assert [message.to for message in mail.outbox] == [[waiting.user.email]]


def test_status_cannot_be_changed_in_the_edit_form(staff_client):
    """Decisions go through the actions, which send the e-mails."""
    member = MemberFactory()
    html = staff_client.get(f"{LIST_URL}edit/{member.pk}/").content.decode()
    assert 'name="status"' not in html
    assert 'name="association"' in html


def test_is_network_member():
    assert not is_network_member(AnonymousUser())
    assert not is_network_member(UserFactory())  # no profile
    assert not is_network_member(MemberFactory().user)
    assert not is_network_member(MemberFactory(declined=True).user)
    assert is_network_member(MemberFactory(approved=True).user)
    inactive = MemberFactory(approved=True)
    inactive.user.is_active = False
    assert not is_network_member(inactive.user)


@network_member_required
def members_only(request):
    return HttpResponse("secret programme")


class MembersOnly(NetworkMemberRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return HttpResponse("secret programme")


def call(view, user, path="/evenements/petit-dej/?x=1"):
    request = RequestFactory().get(path)
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = user
    with translation.override("fr"):
        response = view(request)
        if hasattr(response, "render"):
            response.render()
    return response


@pytest.mark.parametrize("gate", [members_only, lambda request: MembersOnly().dispatch(request)])
def test_gate_sends_anonymous_visitors_to_login_and_back(gate):
    response = call(gate, AnonymousUser())
    assert response.status_code == 302
    assert response["Location"] == "/compte/login/?next=/evenements/petit-dej/%3Fx%3D1"


def test_gate_tells_a_pending_member_why_and_what_to_do():
    member = MemberFactory(association=AssociationFactory(name="Pas à Pas"))
    response = call(members_only, member.user)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Réservé aux membres du réseau" in html
    assert "Votre adhésion attend d’être validée" in html
    assert "Pas à Pas" in html
    assert "secret programme" not in html


def test_gate_tells_a_declined_member_to_correct_their_profile():
    response = call(members_only, MemberFactory(declined=True).user)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Votre demande d’adhésion a été refusée" in html
    assert 'href="/compte/profil/"' in html


def test_gate_asks_an_account_without_profile_to_complete_it():
    response = call(members_only, UserFactory())
    assert response.status_code == 403
    assert "Compléter mon profil" in response.content.decode()


def test_gate_lets_approved_members_in():
    response = call(members_only, MemberFactory(approved=True).user)
    assert response.status_code == 200
    assert response.content == b"secret programme"


def test_member_area_says_the_membership_is_pending_then_approved(client):
    member = MemberFactory()
    client.force_login(member.user)
    html = client.get("/compte/").content.decode()
    assert "Votre adhésion attend d’être validée" in html
    member.status = MemberProfile.Status.APPROVED
    member.save()
    html = client.get("/compte/").content.decode()
    assert "Vous êtes membre du réseau" in html
    assert re.search(r"<h1>\s*Mon espace\s*</h1>", html)


def test_profiles_cannot_be_added_in_the_admin(staff_client):
    html = staff_client.get(LIST_URL).content.decode()
    assert f'href="{LIST_URL}add/"' not in html
    response = staff_client.get(f"{LIST_URL}add/")
    assert response.status_code in (302, 403)
    assert not MemberProfile.objects.filter(user=staff_client.editor).exists()


def test_staff_search_members_by_name_or_email(staff_client):
    MemberFactory(user__last_name="Quennehen", user__email="q.quennehen@example.org")
    MemberFactory(user__last_name="Dupond")
    html = staff_client.get(f"{LIST_URL}?q=quennehen").content.decode()
    assert "q.quennehen@example.org" in html
    assert "Dupond" not in html


def test_admin_dashboard_counts_pending_requests(staff_client):
    MemberFactory()  # someone already waits
    pending = MemberProfile.objects.pending().count()
    MemberFactory()
    html = staff_client.get("/admin/").content.decode()
    # The moderation inbox's panel counts them and links to them (core.moderation_inbox).
    assert f"Demandes d’adhésion</a> : <strong>{pending + 1}</strong>" in html
    assert f'href="{LIST_URL}?status=pending"' in staff_client.get("/admin/moderation/").content.decode()
