"""Where testimonial photos live. A pending (or rejected) photo is private: it sits in
PRIVATE_MEDIA_ROOT, which no web server exposes, and only moderators see it, through a
permission-checked admin view (`views.private_photo`). On approval it moves to public
media (MEDIA_ROOT or S3); on rejection or deletion it is gone. The file name says which
side it is on (`testimonials/private/…`), so one field serves both."""

import uuid

from django.core.files.storage import Storage, default_storage
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from kits.storage import private_storage

PRIVATE_PREFIX = "testimonials/private/"


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
