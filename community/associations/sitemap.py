"""The sitemap's share of the directory: one page per association, in each language."""

from community.associations.models import Association, AssociationIndexPage
from core.links import page_url


def association_addresses():
    directories = list(AssociationIndexPage.objects.live().public().select_related("locale"))
    groups = []
    for association in Association.objects.order_by("name").only("slug"):
        group = []
        for directory in directories:
            location = page_url(directory, directory.reverse_subpage("association", kwargs={"slug": association.slug}))
            if location:
                group.append((directory.locale.language_code, location, None))
        groups.append(group)
    return groups
