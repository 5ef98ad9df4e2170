"""When an editor publishes an event: new calendar files if the date or the place
changed, and people waiting promoted into seats the editor added."""

from django.db.models.signals import post_save

from wagtail.signals import page_published

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


def connect():
    page_published.connect(event_published, sender=EventPage, dispatch_uid="events-event-published")
    post_save.connect(attendance_marked, sender=Registration, dispatch_uid="events-attendance-marked")
