"""Local actions in the site search: approved testimonials only, told in their author's
language and shown in both."""

from django.utils.translation import gettext_lazy as _

from community.testimonials.links import wall_path
from community.testimonials.listing import localized_kits
from community.testimonials.models import Testimonial
from core.search_types import SearchType


def visible(locale):
    return Testimonial.objects.public()


def fetch(pks, context):
    wall = context.once("testimonial_wall", lambda: wall_path(context.locale.language_code))
    testimonials = list(Testimonial.objects.public().filter(pk__in=pks).select_related("kit", "association"))
    kits = localized_kits(testimonials, context.locale)
    found = {}
    for testimonial in testimonials:
        testimonial.search_url = f"{wall}{testimonial.pk}/"
        testimonial.display_kit = kits.get(testimonial.kit_id)
        found[testimonial.pk] = testimonial
    return found


def texts(testimonial):
    return [testimonial.story]


TESTIMONIAL_SEARCH = SearchType(
    key="testimonial",
    label=_("Local actions"),
    singular=_("Local action"),
    model="community.Testimonial",
    visible=visible,
    fetch=fetch,
    texts=texts,
    template="community/testimonials/search_result.html",
)
