"""What testimonials hold about a person, for "my data", the admin's personal-data tool
and the retention rule. A published story stays (its author agreed to publication) but
loses the e-mail address and the name; unpublished ones are deleted with their photo."""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from community.testimonials.models.testimonial import Testimonial
from community.testimonials.services import delete_with_photos
from core.personal_data import register_anonymiser, register_email_records, register_exporter, register_retention

ANONYMOUS = "—"


def _by_email(email):
    return Testimonial.objects.filter(email__iexact=(email or "").strip()) if email else Testimonial.objects.none()


def find(email):
    return [
        {
            "title": testimonial.title,
            "story": testimonial.story,
            "display_name": testimonial.display_name,
            "association": testimonial.association_display,
            "action_date": testimonial.action_date,
            "postcode": testimonial.postcode,
            "participants": testimonial.participants,
            "has_photo": bool(testimonial.photo),
            "status": testimonial.status,
            "language": testimonial.language,
            "created_at": testimonial.created_at,
        }
        for testimonial in _by_email(email).select_related("association")
    ]


def erase(email):
    testimonials = _by_email(email)
    deleted = delete_with_photos(testimonials.exclude(status=Testimonial.Status.APPROVED))
    kept = testimonials.filter(status=Testimonial.Status.APPROVED).update(email="", display_name=ANONYMOUS)
    return deleted + kept


def export_user(user):
    return find(user.email)


def anonymise_user(user):
    erase(user.email)


def purge(now, dry_run=False):
    """Pending or rejected testimonials older than RETENTION_TESTIMONIALS_DAYS go, photo included."""
    limit = now - timedelta(days=settings.RETENTION_TESTIMONIALS_DAYS)
    old = Testimonial.objects.filter(created_at__lt=limit).exclude(status=Testimonial.Status.APPROVED)
    return old.count() if dry_run else delete_with_photos(old)


def register():
    register_exporter("testimonials", export_user)
    register_anonymiser(anonymise_user)
    register_email_records("testimonials", find, erase, label=_("Testimonials"))
    register_retention("testimonials", purge)
