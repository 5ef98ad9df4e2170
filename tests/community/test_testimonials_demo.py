"""The demo content: eight approved testimonials (a couple by English-speaking authors),
one pending, one rejected; photos made with Pillow, clean of metadata; idempotent."""

import io

import pytest
from PIL import Image

from django.core.management import call_command

from community.testimonials.models import Testimonial as Story

pytestmark = pytest.mark.django_db


def test_demo_testimonials():
    counts = {status: Story.objects.filter(status=status).count() for status in Story.Status.values}
    assert counts == {"approved": 8, "pending": 1, "rejected": 1}
    assert Story.objects.filter(status="approved", language="en").count() == 2
    with_photo = Story.objects.exclude(photo="")
    assert with_photo.count() >= 5
    for testimonial in with_photo.filter(status="approved"):
        assert testimonial.photo_alt_text
        with testimonial.photo.open("rb") as handle:
            image = Image.open(io.BytesIO(handle.read()))
            assert image.format == "JPEG" and len(image.getexif()) == 0
    call_command("load_demo", stdout=io.StringIO())
    assert Story.objects.count() == 10
