"""Template tags other apps use without importing events: the next training sessions
for school actions (a school kit's page and declaration form), an association's sessions (its
page in the directory), the next sessions of the home page."""

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Locale

from core import json_ld
from core.i18n import in_language
from core.page_cache import depends_on
from events import cache_sections, listing, seo
from events.models import EventIndexPage, EventPage, Registration

register = template.Library()


def next_training_sessions_list(limit=3, language=None):
    """Upcoming live training sessions in the active language (the French page otherwise)."""
    language = language or get_language() or "fr"
    sessions = (
        EventPage.objects.live()
        .public()
        .filter(training_for_school_actions=True, end__gte=timezone.now())
        .order_by("start")
    )
    locale = Locale.objects.filter(language_code=language).first()
    found, seen = [], set()
    for session in sessions.filter(locale=locale) if locale else []:
        found.append(session)
        seen.add(session.translation_key)
    for session in sessions.exclude(translation_key__in=seen).filter(locale__language_code="fr"):
        found.append(session)
    found.sort(key=lambda session: session.start)
    return found[:limit]


@register.inclusion_tag("events/tags/next_training_sessions.html")
def next_training_sessions(limit=3):
    """The next sessions as a list with its heading, inside a school kit's box."""
    return {"sessions": next_training_sessions_list(limit)}


@register.simple_tag
def upcoming_sessions(locale, limit=3):
    """The next `limit` sessions in `locale`, with their hosts, and the events page: three
    queries."""
    sessions = (
        EventPage.objects.live()
        .public()
        .filter(locale=locale)
        .upcoming(timezone.now())
        .prefetch_related("host_associations")[:limit]
    )
    return {
        "sessions": listing.with_places(sessions),
        "index": EventIndexPage.objects.live().filter(locale=locale).first(),
    }


@register.simple_tag
def event_json_ld(event):
    """The session's schema.org Event (events/seo.py), as a script element."""
    return json_ld.script(seo.event_json_ld(event))


@register.simple_tag
def with_places(events):
    """`events` with their seats left and town, for session cards (events.listing)."""
    return listing.with_places(events)


@register.simple_tag
def association_sessions(association, locale):
    """The sessions an association hosted (past and upcoming) and took part in, in the
    visitor's language. Sessions attach to the source-language page: found there, shown
    in `locale` (those without a translation are left out)."""
    now = timezone.now()
    pages = EventPage.objects.live().public()
    hosted = list(pages.filter(host_associations=association).order_by("-start"))
    depends_on(cache_sections.association(association.pk), *(cache_sections.session(event.pk) for event in hosted))
    attended_ids = (
        Registration.objects.named_attendees().filter(association=association).values_list("event_id", flat=True)
    )
    took_part = list(pages.filter(pk__in=attended_ids).exclude(pk__in=[event.pk for event in hosted]))
    took_part.sort(key=lambda event: event.start, reverse=True)
    hosted = in_language(hosted, locale, fallback=False)
    took_part = in_language(took_part, locale, fallback=False)
    return {
        "past_hosted": [event for event in hosted if event.end < now],
        "upcoming_hosted": [event for event in hosted if event.end >= now][::-1],
        "attended": [event for event in took_part if event.end < now],
    }
