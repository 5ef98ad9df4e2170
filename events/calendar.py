"""iCalendar files (RFC 5545), sent as iTIP messages (RFC 5546): the public feed, one
event's public file, and the file attached to registrants' e-mails. Times are written in
UTC; SEQUENCE rises when the date or the place changes; every event has its ORGANIZER
(the site's sender address), which METHOD:PUBLISH requires.

A registrant's file is theirs: its UID is the event's plus the registration, so a later
registration after a cancellation is a new event in their calendar rather than an update
older than the cancellation. Only a held seat gets a file (PUBLISH, STATUS:CONFIRMED);
the waiting list gets none, so no calendar shows a seat nobody has; a cancellation (by the
person, or of the whole session by the editors) is a METHOD:CANCEL with STATUS:CANCELLED,
the ATTENDEE it concerns and a higher SEQUENCE; a session moved is a METHOD:REQUEST of the
same UID with the raised SEQUENCE and the person as ATTENDEE who already accepted (no
answer asked). The online link appears only in files for confirmed participants."""

from datetime import UTC
from email.utils import parseaddr

from icalendar import Calendar, Event, vCalAddress

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from core import links

PRODID = "-//Relais//Peer sessions//FR"


def new_calendar(name=None, method="PUBLISH"):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
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
    component.add("organizer", organizer())
    component.add("status", "CANCELLED" if cancelled or source.cancelled else "CONFIRMED")
    return component


def organizer():
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    value = vCalAddress(f"mailto:{address}")
    value.params["cn"] = name or settings.WAGTAIL_SITE_NAME
    return value


def registration_uid(registration):
    uid = registration.event.calendar_uid
    local, _at, host = uid.partition("@")
    return f"{local}-r{registration.pk}@{host}"


def attendee(registration, **params):
    value = vCalAddress(f"mailto:{registration.email}")
    value.params["cn"] = registration.name
    value.params.update(params)
    return value


def registration_file(page, registration, *, include_link=False, cancelled=False, moved=False):
    """(bytes, method) of the calendar file for one registrant: PUBLISH of their seat;
    REQUEST of it when the session moved (the event's raised SEQUENCE); CANCEL when they
    cancelled (one SEQUENCE above the event's) or the session is cancelled (the SEQUENCE
    its cancellation raised)."""
    source = page.source_event
    session_cancelled = source.cancelled
    if cancelled or session_cancelled:
        method = "CANCEL"
    else:
        method = "REQUEST" if moved else "PUBLISH"
    calendar = new_calendar(method=method)
    component = event_component(page, include_link=include_link and method != "CANCEL", cancelled=method == "CANCEL")
    component["uid"] = registration_uid(registration)
    if method == "CANCEL" and not session_cancelled:
        component.pop("sequence")
        component.add("sequence", source.calendar_sequence + 1)
        component.add("attendee", attendee(registration, partstat="DECLINED"))
    elif method == "CANCEL":
        component.add("attendee", attendee(registration))
    elif method == "REQUEST":
        component.add("attendee", attendee(registration, role="REQ-PARTICIPANT", partstat="ACCEPTED", rsvp="FALSE"))
    calendar.add_component(component)
    return to_bytes(calendar), method


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
