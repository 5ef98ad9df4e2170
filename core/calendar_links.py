"""'Add to calendar' links for Google Calendar and Outlook on the web: plain links that open
the person's own calendar with the event filled in (no script, no request from our pages
to another origin). Times in UTC; a day without hours is an all-day event."""

from datetime import UTC, date, timedelta
from urllib.parse import urlencode

from django.utils.translation import gettext as _

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"


def _google_dates(start, end):
    if isinstance(start, date) and not hasattr(start, "hour"):
        return f"{start:%Y%m%d}/{(end or start + timedelta(days=1)):%Y%m%d}"
    return f"{start.astimezone(UTC):%Y%m%dT%H%M%SZ}/{end.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def google_url(title, start, end=None, details="", location=""):
    """`start`/`end`: aware datetimes, or a date (all day; `end` exclusive, the next day by default)."""
    query = {"action": "TEMPLATE", "text": title, "dates": _google_dates(start, end)}
    if details:
        query["details"] = details
    if location:
        query["location"] = location
    return f"{GOOGLE}?{urlencode(query)}"


def outlook_url(title, start, end=None, details="", location=""):
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": title}
    if isinstance(start, date) and not hasattr(start, "hour"):
        query.update(startdt=start.isoformat(), enddt=(end or start + timedelta(days=1)).isoformat(), allday="true")
    else:
        query.update(
            startdt=start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            enddt=end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
    if details:
        query["body"] = details
    if location:
        query["location"] = location
    return f"{OUTLOOK}?{urlencode(query)}"


def calendar_links(title, start, end=None, details="", location=""):
    """[(service name, URL)] for the templates."""
    return [
        (_("Google Calendar"), google_url(title, start, end, details, location)),
        (_("Outlook on the web"), outlook_url(title, start, end, details, location)),
    ]
