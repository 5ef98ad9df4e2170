"""Kit materials are private: stored outside MEDIA_ROOT, in the "Kits" collection that
only the editors' groups may view, never served to visitors by any public URL."""

from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.auth.models import Group

from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection, CollectionViewRestriction

from kits.documents import kits_collection
from kits.factories import KitDocumentFactory
from kits.models import KitMaterial
from kits.storage import PrivateStorage

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return KitDocumentFactory(title="Affiche secrète")


def test_wagtail_documents_are_the_private_model(document):
    assert get_document_model()._meta.label == "kits.PrivateDocument"
    assert document.collection == kits_collection()


def test_kits_collection_is_restricted_to_editors_groups():
    restriction = CollectionViewRestriction.objects.get(collection=kits_collection())
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    # Association staff upload their kits' materials too (kits/migrations/0010).
    assert set(restriction.groups.values_list("name", flat=True)) == {"Editors", "Moderators", "Association staff"}


def test_file_is_stored_outside_media_root(document):
    path = Path(document.file.path).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    assert path.is_file()
    assert media_root not in path.parents
    assert path.read_bytes().startswith(b"%PDF-1.4")
    assert isinstance(document.file.storage, PrivateStorage)
    with pytest.raises(NotImplementedError):
        document.file.storage.url(document.file.name)


def test_direct_media_url_does_not_serve_the_file(client, document):
    assert client.get(f"{settings.MEDIA_URL}{document.file.name}").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}documents/{document.filename}").status_code == 404


def test_document_url_is_the_checked_serve_view(document):
    assert document.url == f"/documents/{document.pk}/{document.filename}"


def test_anonymous_visitor_cannot_download_through_the_serve_view(client, document):
    response = client.get(document.url)
    assert response.status_code in (302, 403)
    assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_logged_in_member_outside_editors_groups_cannot_download(client, django_user_model, document):
    member = django_user_model.objects.create_user(username="membre", password="x")  # noqa: S106
    client.force_login(member)
    response = client.get(document.url)
    assert response.status_code in (302, 403)


def test_editor_can_download(client, django_user_model, document):
    editor = django_user_model.objects.create_user(username="editrice", password="x")  # noqa: S106
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")


@pytest.fixture
def public_material(make_kit):
    """A kit's material that an editor left in the public Root collection."""
    kit = make_kit(materials=0)
    document = KitDocumentFactory(title="Affiche publique", collection=Collection.get_first_root_node())
    KitMaterial.objects.create(page=kit, document=document, label="Affiche")
    return document


def test_a_material_in_a_public_collection_is_not_served_to_visitors(client, django_user_model, public_material):
    assert client.get(public_material.url).status_code == 404
    member = django_user_model.objects.create_user(username="membre-public", password="x")  # noqa: S106
    client.force_login(member)
    assert client.get(public_material.url).status_code == 404


def test_a_material_in_a_public_collection_is_still_served_to_editors(client, django_user_model, public_material):
    editor = django_user_model.objects.create_user(username="editrice-public", password="x")  # noqa: S106
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(public_material.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")


def test_a_public_document_that_is_no_material_is_served(client):
    document = KitDocumentFactory(title="Rapport annuel", collection=Collection.get_first_root_node())
    assert client.get(document.url).status_code == 200


def test_new_uploads_default_to_the_private_kits_collection(django_user_model):
    editor = django_user_model.objects.create_user(username="editrice-upload", password="x")  # noqa: S106
    editor.groups.add(Group.objects.get(name="Editors"))
    form = get_document_form(get_document_model())(user=editor)
    assert form["collection"].value() == kits_collection().pk
    assert "liens signés" in str(form.fields["collection"].help_text)  # French is the default language
    root = kits_collection().get_parent()
    existing = KitDocumentFactory(title="Déjà rangé", collection=root)
    assert get_document_form(get_document_model())(user=editor, instance=existing)["collection"].value() == root.pk
