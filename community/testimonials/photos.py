"""Testimonial photos: check what the upload really is, then decode and re-encode it
with Pillow. Only the re-encoded JPEG is ever stored: orientation applied, no EXIF, GPS,
XMP or ICC metadata, nothing after the image data (a polyglot's payload is dropped);
the original upload is never written anywhere the public can reach."""

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2000  # stored size: large enough for the site, small enough to serve
# Markup that has no business inside a photo: HTML or SVG renamed, or appended to an image.
MARKERS = (b"<html", b"<script", b"<svg", b"<!doctype", b"<body", b"<iframe", b"<?xml", b"javascript:")

NOT_AN_IMAGE = _("This file is not a JPEG, PNG or WebP photo. Choose a photo in one of these formats.")


def read_upload(upload):
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The photo is larger than 10 MB. Choose a smaller one."), code="too_large")
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The photo is larger than 10 MB. Choose a smaller one."), code="too_large")
    return data


def check_markup(data):
    lowered = data.lower()
    if any(marker in lowered for marker in MARKERS):
        raise ValidationError(NOT_AN_IMAGE, code="markup")


def open_checked(data):
    """Open with Pillow restricted to the allowed formats (content sniffing: the name and
    the declared type are ignored) and check the size before any pixel is decoded."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
        except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError):
            raise ValidationError(NOT_AN_IMAGE, code="format") from None
    if image.format not in ALLOWED_FORMATS:
        raise ValidationError(NOT_AN_IMAGE, code="format")
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ValidationError(_("The photo has more than 40 megapixels. Choose a smaller one."), code="too_many_pixels")
    return image


def reencode(image):
    """Decode, apply the EXIF orientation, flatten transparency, shrink, save as a clean JPEG."""
    try:
        image.load()
        image = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            _("The photo is damaged and cannot be read. Choose another one."), code="damaged"
        ) from None
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    clean = Image.new("RGB", image.size)  # a fresh image carries no info/metadata at all
    clean.paste(image)
    output = io.BytesIO()
    clean.save(output, format="JPEG", quality=85, optimize=True)
    return output.getvalue(), clean.size


def clean_photo(upload):
    """The upload checked and re-encoded: (ContentFile of JPEG bytes, (width, height)).
    Raises ValidationError with a message for the visitor."""
    data = read_upload(upload)
    check_markup(data)
    image = open_checked(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            jpeg, size = reencode(image)
        except Image.DecompressionBombWarning:
            raise ValidationError(NOT_AN_IMAGE, code="format") from None
    return ContentFile(jpeg, name="photo.jpg"), size
