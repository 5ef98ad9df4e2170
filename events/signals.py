"""When an editor publishes an event: new calendar files if the date or the place
changed, and people waiting promoted into seats the editor added."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from .models import EventPage, Registration
from .services import calendar_changed, fill_free_seats


@receiver(page_published, sender=EventPage)
def event_published(sender, instance, **kwargs):
    if instance.source_event.pk != instance.pk:
        return  # translations share the source's dates, seats and registrations
    calendar_changed(instance)
    fill_free_seats(instance)


@receiver(post_save, sender=Registration)
def attendance_marked(sender, instance, **kwargs):
    """Attending a training session accredits the member for school actions."""
    from .services import record_accreditation

    record_accreditation(instance)
