"""What a session card shows beyond the page's fields: the seats left (registrations live on
the source-language page) and where it happens, for a whole list in two queries."""

from django.conf import settings
from django.db.models import Count

from wagtail.models import Locale

from core.page_cache import depends_on
from events import cache_sections
from events.models import EventPage, Registration


def with_places(events):
    """Each event gains `places_left` (None when unlimited) and `place` (the last line of its
    address, e.g. "12 rue Neuve, Lyon"; empty online); `cancelled` is the source page's."""
    events = list(events)
    sources = {}
    cancelled = {}
    default = Locale.objects.get_for_language(settings.LANGUAGE_CODE).pk  # from memory (core.locale_cache)
    foreign = [event for event in events if event.locale_id != default]
    if foreign:
        keys = {event.translation_key for event in foreign}
        for source in EventPage.objects.filter(translation_key__in=keys, locale_id=default).only(
            "translation_key", "cancelled"
        ):
            sources[source.translation_key] = source.pk
            cancelled[source.translation_key] = source.cancelled
    source_id = {event.pk: sources.get(event.translation_key, event.pk) for event in events}
    depends_on(*sorted({cache_sections.session(pk) for pk in source_id.values()}))  # the seats shown
    taken = dict(
        Registration.objects.filter(event_id__in=set(source_id.values()), status=Registration.Status.CONFIRMED)
        .values_list("event_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for event in events:
        event.cancelled = cancelled.get(event.translation_key, event.cancelled)  # the source decides
        confirmed = taken.get(source_id[event.pk], 0)
        event.places_left = None if event.capacity is None else max(event.capacity - confirmed, 0)
        lines = [line.strip() for line in (event.venue_address or "").splitlines() if line.strip()]
        event.place = lines[-1] if event.has_venue and lines else ""
    return events
