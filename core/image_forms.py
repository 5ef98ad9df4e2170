"""The admin's image upload form, hardened: Wagtail 8.0.1 lets Pillow's
UnidentifiedImageError escape when a file starts like a GIF or PNG but is not one
(a polyglot), which is a server error instead of "not a valid image"."""

from django.core.exceptions import ValidationError

from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None:
            return
        check_pixel_size = field.check_image_pixel_size

        def check_image_pixel_size(upload):
            try:
                return check_pixel_size(upload)
            except ValidationError:
                raise
            except Exception as error:  # noqa: BLE001 — any decoding failure is an invalid image
                raise ValidationError(field.error_messages["invalid_image"], code="invalid_image") from error

        field.check_image_pixel_size = check_image_pixel_size
