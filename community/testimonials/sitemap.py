"""The sitemap's share of the local actions: each approved one, on each language's wall."""

from community.testimonials.models import Testimonial, TestimonialIndexPage
from core.links import page_url


def testimonial_addresses():
    walls = list(TestimonialIndexPage.objects.live().public().select_related("locale"))
    groups = []
    for testimonial in Testimonial.objects.public().order_by("pk").only("pk", "moderated_at"):
        group = []
        for wall in walls:
            location = page_url(wall, wall.reverse_subpage("testimonial", kwargs={"pk": testimonial.pk}))
            if location:
                group.append((wall.locale.language_code, location, testimonial.moderated_at))
        groups.append(group)
    return groups
