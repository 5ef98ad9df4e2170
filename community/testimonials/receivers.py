"""A deleted testimonial takes its photo file with it, whoever deletes it (admin, retention
rule, erasure by e-mail): the file sits in public media and must not outlive its row."""

from django.db import transaction
from django.db.models.signals import post_delete

from community.testimonials.models.testimonial import Testimonial


def delete_photo_file(sender, instance, **kwargs):
    if instance.photo:
        name, storage = instance.photo.name, instance.photo.storage
        transaction.on_commit(lambda: storage.delete(name))


def connect():
    post_delete.connect(delete_photo_file, sender=Testimonial, dispatch_uid="community.testimonial_photo_cleanup")
