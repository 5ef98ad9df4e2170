"""Photos: only JPEG, PNG and WebP that Pillow recognises by their content; at most 10 MB
and 40 megapixels; re-encoded with the orientation applied and every metadata removed."""

import io

import pytest
from PIL import Image

from django.core.exceptions import ValidationError
from django.utils import translation

from community.testimonials.models import Testimonial as Story
from community.testimonials.photos import MAX_BYTES, clean_photo
from tests.community.testimonial_helpers import SHARE_URL, image_bytes, upload, valid_post

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def exif_with_gps(orientation=None):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 12"  # Model
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)})
    if orientation:
        exif[ORIENTATION] = orientation
    return exif


def reopen(content_file):
    content_file.seek(0)
    return Image.open(io.BytesIO(content_file.read()))


def test_gps_exif_comes_out_without_it():
    data = image_bytes("JPEG", exif=exif_with_gps())
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)  # the upload does carry GPS
    photo, _size = clean_photo(upload(data))
    image = reopen(photo)
    assert image.format == "JPEG"
    exif = image.getexif()
    assert not exif.get_ifd(GPS_IFD)
    assert len(exif) == 0
    assert "exif" not in image.info and "xmp" not in image.info and "icc_profile" not in image.info


def test_orientation_is_applied_before_the_tag_is_dropped():
    # 64×48 stored with "rotate 90°" (orientation 6): it shows as 48×64.
    photo, size = clean_photo(upload(image_bytes("JPEG", size=(64, 48), exif=exif_with_gps(orientation=6))))
    assert size == (48, 64)
    assert reopen(photo).size == (48, 64)
    assert ORIENTATION not in reopen(photo).getexif()


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "photo.png"), ("WEBP", "photo.webp"), ("JPEG", "photo.jpeg")])
def test_allowed_formats_are_reencoded_as_jpeg(fmt, name):
    photo, _size = clean_photo(upload(image_bytes(fmt), name))
    assert reopen(photo).format == "JPEG"


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b'<rect width="10" height="10"/></svg>'
)


@pytest.mark.parametrize(
    "data",
    [
        HTML,
        SVG,
        SVG.replace(b'<?xml version="1.0"?>', b""),
        image_bytes("JPEG") + b"<script>alert(1)</script>",  # polyglot: a JPEG with HTML after its end
        image_bytes("GIF"),  # an image, but not an allowed format
        b"\xff\xd8\xff\xe0" + b"not really a jpeg" * 20,
    ],
    ids=["html", "svg", "svg-no-prolog", "polyglot", "gif", "fake-magic"],
)
def test_files_that_are_not_the_image_they_claim_are_refused(data):
    with pytest.raises(ValidationError):
        clean_photo(upload(data, "photo.jpg", "image/jpeg"))


def test_too_large_file_is_refused_before_decoding():
    data = image_bytes("JPEG") + b"\0" * (MAX_BYTES + 1)
    with translation.override("en"), pytest.raises(ValidationError, match="10 MB"):
        clean_photo(upload(data))


def test_more_than_40_megapixels_is_refused():
    # 8000 × 5001 = 40,008,000 pixels; a flat PNG compresses to a few kilobytes.
    data = image_bytes("PNG", size=(8000, 5001), colour=(0, 0, 0, 255))
    assert len(data) < MAX_BYTES
    with translation.override("en"), pytest.raises(ValidationError, match="40 megapixels"):
        clean_photo(upload(data, "big.png", "image/png"))


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "name"), [(HTML, "photo.jpg"), (SVG, "dessin.jpg"), (SVG, "dessin.svg")])
def test_the_form_refuses_them_beside_the_field_and_keeps_the_rest(client, data, name):
    Story.objects.all().delete()
    post = {**valid_post(photo_consent="on"), "photo": upload(data, name, "image/jpeg")}
    response = client.post(SHARE_URL, post)
    assert response.status_code == 200
    html = response.content.decode()
    error = html.split('id="id_photo_error">', 1)[1].split("</p>", 1)[0]
    assert "pas une photo JPEG, PNG ou WebP" in error
    assert 'value="Une belle course"' in html
    assert not Story.objects.exists()
