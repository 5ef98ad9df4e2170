"""The sitemap's share of the events: the topics page of each language's events page."""

from core.links import page_url
from events.models import EventIndexPage


def topics_addresses():
    group = []
    for index in EventIndexPage.objects.live().public().select_related("locale"):
        location = page_url(index, index.reverse_subpage("topics"))
        if location:
            group.append((index.locale.language_code, location, None))
    return [group] if group else []
