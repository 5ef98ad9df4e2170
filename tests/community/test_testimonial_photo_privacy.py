"""Uploads are private until approved: a pending or rejected testimonial photo is in
private storage, reachable only by moderators through a permission-checked admin view;
approval moves it to public media; rejection and deletion remove it. At each stage the
direct media URL is asked of a server exposing MEDIA_ROOT, as the production web server does."""

import re
from datetime import timedelta
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.storage import default_storage
from django.test import Client, RequestFactory
from django.utils import timezone
from django.views.static import serve

from community.members.factories import UserFactory
from community.testimonials import services
from community.testimonials.models import Testimonial as Story
from community.testimonials.photo_storage import KEPT_PREFIX, PRIVATE_PREFIX, purge_kept_photos
from core.paths import private_media_root
from tests.community.testimonial_helpers import SHARE_URL, image_bytes, upload, valid_post

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/community/testimonial/"


def media_url_status(name):
    """What a web server serving MEDIA_ROOT at MEDIA_URL answers for this file's public URL."""
    path = settings.MEDIA_URL + name
    request = RequestFactory().get(path)
    try:
        return serve(request, path.removeprefix(settings.MEDIA_URL), document_root=settings.MEDIA_ROOT).status_code
    except Exception as error:  # Http404
        return 404 if type(error).__name__ == "Http404" else 500


@pytest.fixture
def moderator():
    user = UserFactory(email="moderatrice.photos@example.org")
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def pending(client):
    response = client.post(
        SHARE_URL,
        {**valid_post(email="photo.privee@example.org", photo_consent="on"), "photo": upload(image_bytes())},
    )
    assert response.status_code == 302
    testimonial = Story.objects.get(email="photo.privee@example.org")
    assert testimonial.status == Story.Status.PENDING
    return testimonial


def test_a_pending_photo_is_private_and_only_moderators_see_it(pending, moderator):
    name = pending.photo.name
    assert name.startswith(PRIVATE_PREFIX)
    assert (private_media_root() / name).is_file()
    assert not (Path(settings.MEDIA_ROOT) / name).exists()
    assert media_url_status(name) == 404
    assert media_url_status(name.replace(PRIVATE_PREFIX, "testimonials/", 1)) == 404
    url = pending.photo.url
    assert url.startswith("/admin/testimonial-photos/")
    assert Client().get(url).status_code == 302  # to the sign-in page
    member = UserFactory(email="curieux@example.org", is_staff=False)
    nosy = Client()
    nosy.force_login(member)
    assert nosy.get(url).status_code in (302, 403, 404)
    staff_user = UserFactory(email="editeur@example.org", is_staff=True)
    staff_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff = Client()
    staff.force_login(staff_user)
    assert staff.get(url).status_code == 404  # in the admin, but no right to moderate testimonials
    response = moderator.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert "no-store" in response["Cache-Control"]


def test_approval_moves_it_to_public_media(pending, moderator, django_capture_on_commit_callbacks):
    private_name = pending.photo.name
    Story.objects.filter(pk=pending.pk).update(photo_alt_text="Des coureurs")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve([Story.objects.get(pk=pending.pk)], user=None)
    approved = Story.objects.get(pk=pending.pk)
    assert not approved.photo.name.startswith(PRIVATE_PREFIX)
    assert not (private_media_root() / private_name).exists()
    assert approved.photo.url == settings.MEDIA_URL + approved.photo.name
    assert media_url_status(approved.photo.name) == 200
    assert moderator.get(f"/admin/testimonial-photos/{private_name.removeprefix(PRIVATE_PREFIX)}").status_code == 404
    page = Client().get(f"/actions-locales/{approved.pk}/").content.decode()
    assert approved.photo.url in page
    # Deleted: the public file goes with its row.
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_with_photos(Story.objects.filter(pk=approved.pk))
    assert not default_storage.exists(approved.photo.name)
    assert media_url_status(approved.photo.name) == 404


def test_rejection_deletes_it(pending, moderator, django_capture_on_commit_callbacks):
    name = pending.photo.name
    url = pending.photo.url
    with django_capture_on_commit_callbacks(execute=True):
        services.reject([Story.objects.get(pk=pending.pk)], user=None, reason="Photo hors sujet")
    rejected = Story.objects.get(pk=pending.pk)
    assert not rejected.photo
    assert not (private_media_root() / name).exists()
    assert media_url_status(name) == 404
    assert moderator.get(url).status_code == 404


def test_deleting_a_pending_testimonial_deletes_its_private_photo(pending, django_capture_on_commit_callbacks):
    name = pending.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        Story.objects.get(pk=pending.pk).delete()
    assert not (private_media_root() / name).exists()


def kept_files():
    folder = private_media_root() / KEPT_PREFIX
    return sorted(folder.iterdir()) if folder.exists() else []


def test_an_accepted_photo_is_kept_across_a_form_error(client):
    before = kept_files()
    data = {**valid_post(email="photo.gardee@example.org", photo_consent="on", postcode="00000")}
    response = client.post(SHARE_URL, {**data, "photo": upload(image_bytes())})
    html = response.content.decode()
    assert response.status_code == 200 and 'id="id_postcode_error"' in html
    assert "Votre photo est conservée" in html
    reference = re.search(r'name="kept_photo" value="([^"]+)"', html).group(1)
    new_files = [path for path in kept_files() if path not in before]
    assert len(new_files) == 1
    name = f"{KEPT_PREFIX}{new_files[0].name}"
    assert not (Path(settings.MEDIA_ROOT) / name).exists() and media_url_status(name) == 404
    assert reference != name  # signed, not the bare file name
    # Corrected and sent without choosing the photo again: the testimonial has it.
    response = client.post(SHARE_URL, {**data, "postcode": "69003", "kept_photo": reference})
    assert response.status_code == 302
    testimonial = Story.objects.get(email="photo.gardee@example.org")
    assert testimonial.photo.name.startswith(PRIVATE_PREFIX) and not testimonial.photo.name.startswith(KEPT_PREFIX)
    assert not new_files[0].exists()  # the kept copy is gone once used


def test_a_forged_kept_reference_is_ignored(client):
    data = valid_post(email="photo.forgee@example.org", photo_consent="on")
    response = client.post(SHARE_URL, {**data, "kept_photo": f"{KEPT_PREFIX}../../etc/passwd"})
    assert response.status_code == 302
    assert not Story.objects.get(email="photo.forgee@example.org").photo


def test_kept_photos_unused_for_a_day_are_deleted(client):
    data = valid_post(email="photo.oubliee@example.org", photo_consent="on", postcode="00000")
    before = kept_files()
    client.post(SHARE_URL, {**data, "photo": upload(image_bytes())})
    new_files = [path for path in kept_files() if path not in before]
    assert len(new_files) == 1
    purge_kept_photos()  # younger than a day: kept
    assert new_files[0].exists()
    purge_kept_photos(now=timezone.now() + timedelta(days=1, minutes=1))
    assert not new_files[0].exists()
