"""When an editor publishes an event: new calendar files if the date or the place
changed, and people waiting promoted into seats the editor added."""

from django.dispatch import receiver

from wagtail.signals import page_published

from .models import EventPage
from .services import calendar_changed, fill_free_seats


@receiver(page_published, sender=EventPage)
def event_published(sender, instance, **kwargs):
    if instance.source_event.pk != instance.pk:
        return  # translations share the source's dates, seats and registrations
    calendar_changed(instance)
    fill_free_seats(instance)
