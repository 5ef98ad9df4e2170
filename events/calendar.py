"""iCalendar files: the public feed, one event's public file, and the file attached
to registrants' e-mails. Times are written in UTC; the UID is stable per event (the
same in every language); SEQUENCE rises when the date or the place changes. The
online link appears only in files for confirmed participants."""

from datetime import UTC

from icalendar import Calendar, Event

from django.utils import timezone
from django.utils.translation import gettext as _

from core import links

PRODID = "-//Relais//Peer sessions//FR"


def new_calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def page_url(page):
    return links.page_url(page)


def event_component(page, *, include_link=False, cancelled=False, now=None):
    """A VEVENT for `page` (in its language); dates, SEQUENCE and UID come from the
    source event, which holds them."""
    source = page.source_event
    component = Event()
    component.add("uid", source.calendar_uid)
    component.add("sequence", source.calendar_sequence)
    component.add("dtstamp", (now or timezone.now()).astimezone(UTC))
    component.add("dtstart", source.start.astimezone(UTC))
    component.add("dtend", source.end.astimezone(UTC))
    component.add("summary", page.title)
    url = page_url(page)
    component.add("url", url)
    lines = [line for line in (page.topic, page.introduction) if line]
    if source.is_online and include_link and source.online_link:
        component.add("conference", source.online_link, parameters={"value": "URI"})
        lines.append(_("Online link: %(link)s") % {"link": source.online_link})
    elif source.is_online:
        lines.append(_("The online link is sent to confirmed participants."))
    lines.append(url)
    component.add("description", "\n\n".join(lines))
    if source.has_venue:
        component.add("location", source.venue_address.replace("\n", ", "))
    elif source.is_online:
        component.add("location", _("Online"))
    component.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return component


def to_bytes(calendar):
    return calendar.to_ical()


def feed(pages, name):
    calendar = new_calendar(name)
    for page in pages:
        calendar.add_component(event_component(page))
    return to_bytes(calendar)


def single_event(page, *, include_link=False, cancelled=False):
    calendar = new_calendar()
    calendar.add_component(event_component(page, include_link=include_link, cancelled=cancelled))
    return to_bytes(calendar)
