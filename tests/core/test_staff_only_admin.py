"""A signed-in member who opens the admin gets a page saying it is for staff, in their
language, instead of a redirect loop between /admin/ and the login form."""

import pytest

from django.contrib.auth.models import Group

from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(client):
    client.force_login(UserFactory(email="membre.admin@example.org"))
    return client


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/login/?next=/admin/"])
def test_member_gets_a_clear_page_not_a_redirect(member_client, path):
    response = member_client.get(path)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Cet espace est réservé à l’équipe du réseau" in html
    assert 'href="/compte/"' in html


def test_the_page_is_in_the_members_language(member_client):
    response = member_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert "This area is for the network's staff" in response.content.decode()
    assert 'href="/en/"' in response.content.decode()


def test_following_the_login_redirect_does_not_come_back(member_client):
    response = member_client.get("/compte/login/?next=/admin/", follow=True)
    assert response.status_code in (200, 403)
    assert len(response.redirect_chain) <= 2


def test_anonymous_visitors_still_go_to_the_login_form(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


def test_editors_still_open_the_admin(client):
    editor = UserFactory(email="redaction.admin@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
