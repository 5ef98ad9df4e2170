"""When an editor publishes an event: new calendar files if the date or the place
changed, and people waiting promoted into seats the editor added."""

from django.db.models.signals import post_save

from wagtail.signals import page_published

from core.page_cache_signals import register_sections
from events import cache_sections
from events.models import EventPage, Registration
from events.services import calendar_changed, fill_free_seats, record_accreditation


def event_published(sender, instance, **kwargs):
    if instance.source_event.pk != instance.pk:
        return  # translations share the source's dates, seats and registrations
    calendar_changed(instance)
    fill_free_seats(instance)


def attendance_marked(sender, instance, **kwargs):
    """Attending a training session accredits the member for school actions."""
    record_accreditation(instance)


def registration_sections(registration):
    """A registration shows on its session (seats, waiting list) and, named, on its
    association's page: the pages showing these are refreshed, kits and counters are not."""
    sections = [cache_sections.session(registration.event_id)]
    if registration.association_id:
        sections.append(cache_sections.association(registration.association_id))
    return sections


def connect():
    register_sections("events.registration", registration_sections)
    register_sections("events.topicvote", lambda vote: [cache_sections.TOPICS])
    page_published.connect(event_published, sender=EventPage, dispatch_uid="events-event-published")
    post_save.connect(attendance_marked, sender=Registration, dispatch_uid="events-attendance-marked")
