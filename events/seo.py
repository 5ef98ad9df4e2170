"""schema.org `Event` for a session page: dates, where (a place, online, or both: the
online link itself stays private), the hosts as organizers, the attendance mode."""

from django.conf import settings
from django.templatetags.static import static

from core.links import absolute_url, page_url
from events.models import EventFormat

MODES = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def event_json_ld(event):
    url = page_url(event)
    locations = []
    if event.has_venue:
        lines = [line.strip() for line in event.venue_address.splitlines() if line.strip()]
        locations.append({"@type": "Place", "name": lines[0], "address": ", ".join(lines)})
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": url})  # the visio link is for participants only
    hosts = [
        {"@type": "Organization", "name": host.name, **({"url": host.website} if host.website else {})}
        for host in event.host_associations.all()
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.source_event.cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": MODES.get(event.format, MODES[EventFormat.ONLINE]),
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": hosts or {"@type": "Organization", "name": "Relais", "url": settings.BASE_URL + "/"},
        "image": absolute_url(static("img/share.png")),
        "inLanguage": event.locale.language_code,
    }
    if url:
        data["url"] = url
    if event.introduction or event.topic:
        data["description"] = event.introduction or event.topic
    return data
