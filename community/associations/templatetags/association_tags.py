"""The network's associations shown elsewhere (the home page), without importing this app."""

from django import template
from django.db.models import Prefetch

from wagtail.images import get_image_model

from community.associations.models import Association, AssociationIndexPage

register = template.Library()

LOGO = "fill-96x96"


@register.simple_tag
def network_associations(locale, limit=12):
    """Up to `limit` associations, by name, each with its page in `locale`'s directory, and
    the directory itself: three queries."""
    directory = AssociationIndexPage.objects.live().public().filter(locale=locale).first()
    associations = list(
        Association.objects.order_by("name").prefetch_related(
            Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(LOGO))
        )[:limit]
    )
    for association in associations:
        association.directory_url = directory.association_url(association) if directory else ""
    return {"directory": directory, "associations": associations, "total": Association.objects.count()}
