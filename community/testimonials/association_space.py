"""The stories section of an association's space (community.associations.space): how many
testimonials about their kits wait for moderation, with the way to the moderation inbox.
One query."""

from django.urls import reverse

from community.testimonials.models.testimonial import Testimonial


def context(request, scope):
    return {
        "pending": Testimonial.objects.pending().filter(kit__association__in=scope).count(),
        "inbox_url": reverse("relais_moderation_inbox"),
    }
