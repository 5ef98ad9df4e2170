"""Where testimonial photos live. A pending (or rejected) photo is private: it sits in
PRIVATE_MEDIA_ROOT, which no web server exposes, and only moderators see it, through a
permission-checked admin view (`views.private_photo`). On approval it moves to public
media (MEDIA_ROOT or S3); on rejection or deletion it is gone. The file name says which
side it is on (`testimonials/private/…`), so one field serves both."""

import uuid
from datetime import timedelta

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from kits.storage import private_storage

PRIVATE_PREFIX = "testimonials/private/"
# A photo accepted in a form sent back for another field is kept here, so that the person
# need not choose it again; the form carries a signed reference, valid for a day.
KEPT_PREFIX = f"{PRIVATE_PREFIX}kept/"
KEPT_SALT = "testimonial-kept-photo"
KEPT_LIFETIME = timedelta(days=1)


def private_name():
    # A random name: nothing of the upload (its name, the author) shows anywhere.
    return f"{PRIVATE_PREFIX}{timezone.now():%Y/%m}/{uuid.uuid4().hex}.jpg"


def is_private(name):
    return bool(name) and name.startswith(PRIVATE_PREFIX)


@deconstructible
class PhotoStorage(Storage):
    """Private storage for `testimonials/private/…` names, the default storage otherwise."""

    def _pick(self, name):
        return private_storage() if is_private(name) else default_storage

    def _open(self, name, mode="rb"):
        return self._pick(name).open(name, mode)

    def _save(self, name, content):
        return self._pick(name).save(name, content)

    def get_available_name(self, name, max_length=None):
        return self._pick(name).get_available_name(name, max_length=max_length)

    def delete(self, name):
        return self._pick(name).delete(name)

    def exists(self, name):
        return self._pick(name).exists(name)

    def size(self, name):
        return self._pick(name).size(name)

    def path(self, name):
        return self._pick(name).path(name)

    def url(self, name):
        if is_private(name):  # for moderators only: the view checks their permission
            return reverse("testimonial_private_photo", args=[name.removeprefix(PRIVATE_PREFIX)])
        return default_storage.url(name)


photo_storage = PhotoStorage()


def publish_photo(testimonial):
    """Move an approved testimonial's photo to public media (idempotent)."""
    name = testimonial.photo.name
    if not is_private(name):
        return
    public_name = name.replace(PRIVATE_PREFIX, "testimonials/", 1)
    with private_storage().open(name, "rb") as source:
        testimonial.photo.name = default_storage.save(public_name, source)
    type(testimonial).objects.filter(pk=testimonial.pk).update(photo=testimonial.photo.name)
    private_storage().delete(name)


def discard_photo(testimonial):
    """Delete a rejected testimonial's photo, wherever it is (an approved one may be rejected later)."""
    if not testimonial.photo:
        return
    photo_storage.delete(testimonial.photo.name)
    testimonial.photo = ""
    testimonial.photo_width = testimonial.photo_height = None
    type(testimonial).objects.filter(pk=testimonial.pk).update(photo="", photo_width=None, photo_height=None)


def keep_photo(content):
    """Store a clean photo (bytes) for a form shown again; return its signed reference."""
    name = private_storage().save(f"{KEPT_PREFIX}{uuid.uuid4().hex}.jpg", ContentFile(content))
    return signing.dumps(name, salt=KEPT_SALT)


def kept_photo(reference):
    """(name, ContentFile) of a kept photo from its signed reference, or None if the
    reference is forged, expired (a day) or its file is gone."""
    try:
        name = signing.loads(reference, salt=KEPT_SALT, max_age=KEPT_LIFETIME)
    except signing.BadSignature:
        return None
    if not isinstance(name, str) or not name.startswith(KEPT_PREFIX) or not private_storage().exists(name):
        return None
    with private_storage().open(name, "rb") as file:
        return name, ContentFile(file.read(), name="photo.jpg")


def forget_kept_photo(name):
    if name and name.startswith(KEPT_PREFIX):
        private_storage().delete(name)


def purge_kept_photos(now=None):
    """Delete kept photos older than a day (the daily job): the form they were kept for was
    never sent again. Returns how many were deleted."""
    storage = private_storage()
    folder = KEPT_PREFIX.rstrip("/")
    if not storage.exists(folder):
        return 0
    limit = (now or timezone.now()) - KEPT_LIFETIME
    deleted = 0
    for filename in storage.listdir(folder)[1]:
        name = f"{KEPT_PREFIX}{filename}"
        if storage.get_modified_time(name) < limit:
            storage.delete(name)
            deleted += 1
    return deleted


def purge_kept_photos_job(stdout):
    stdout.write(f"testimonials: {purge_kept_photos()} kept photo(s) deleted\n")
