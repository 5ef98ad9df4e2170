"""Template tags other apps use without importing events (DESIGN.md): the next
training sessions for school actions, shown on a school kit's declaration form."""

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Locale

from ..models import EventPage

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
    return {"sessions": next_training_sessions_list(limit)}
