"""Private pages and document collections can be restricted to signed-in people or
groups, never by a shared password (which leaks and cannot be rate limited)."""

import json

import pytest

from wagtail.models import Collection

from community.members.factories import UserFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_no_shared_password_for_pages_or_collections(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = StandardPage.objects.filter(locale__language_code="fr").first()
    html = json.loads(client.get(f"/admin/pages/{page.pk}/privacy/").content)["html"]
    assert 'value="login"' in html
    assert 'value="password"' not in html
    collection = Collection.get_first_root_node().add_child(name="Privée")
    html = json.loads(client.get(f"/admin/collections/{collection.pk}/privacy/").content)["html"]
    assert 'value="login"' in html
    assert 'value="password"' not in html
