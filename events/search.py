"""Sessions in the site search."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from community.associations.models import Association
from core.search_types import SearchType, live_pages, stream_texts
from events.models import EventPage


def fetch(pks, context):
    events = EventPage.objects.filter(pk__in=pks).prefetch_related(
        Prefetch("host_associations", queryset=Association.objects.only("id", "name"))
    )
    found = {}
    for event in events:
        event.search_url = event.get_url(context.request)
        found[event.pk] = event
    return found


def texts(event):
    return [event.introduction, event.topic, *stream_texts(event, "body")]


EVENT_SEARCH = SearchType(
    key="event",
    label=_("Sessions"),
    singular=_("Session"),
    model="events.EventPage",
    visible=live_pages("events.EventPage"),
    fetch=fetch,
    texts=texts,
    template="events/search_result.html",
)
