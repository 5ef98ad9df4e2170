"""Shared helpers of the testimonial tests: images made with Pillow, a valid POST, factories."""

import io
import itertools
from datetime import timedelta

from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from community.testimonials.models import Testimonial as Story

SHARE_URL = "/actions-locales/partager/"
WALL_URL = "/actions-locales/"
_counter = itertools.count(1)


def image_bytes(fmt="JPEG", size=(64, 48), colour=(200, 30, 30), **save_kwargs):
    output = io.BytesIO()
    mode = "RGBA" if fmt == "PNG" else "RGB"
    Image.new(mode, size, colour).save(output, format=fmt, **save_kwargs)
    return output.getvalue()


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def valid_post(**overrides):
    data = {
        "display_name": "Camille",
        "email": "camille.temoin@example.org",
        "association": "Courir Ensemble",
        "kit": "",
        "title": "Une belle course",
        "story": "Tout s'est bien passé, merci !",
        "action_date": (timezone.localdate() - timedelta(days=3)).isoformat(),
        "postcode": "69003",
        "participants": "42",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_testimonial(**fields):
    number = next(_counter)
    defaults = {
        "display_name": f"Témoin {number}",
        "email": f"temoin{number}@example.org",
        "title": f"Action numéro {number}",
        "story": "Une histoire vraie.",
        "action_date": timezone.localdate() - timedelta(days=number % 300 + 1),
        "postcode": "75011",
        "territory": "75",
        "participants": 10,
        "status": Story.Status.APPROVED,
    }
    defaults.update(fields)
    return Story.objects.create(**defaults)
