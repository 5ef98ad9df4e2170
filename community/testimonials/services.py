"""The rules of testimonials: submit (pending, moderators told), approve (alt text first
for a photo; the author told, the declaration reported) and reject with a reason."""

from django.db import transaction
from django.utils import timezone

from wagtail.search import index

from community.testimonials.emails import notify_moderators, send_decision
from community.testimonials.models.testimonial import Testimonial
from core.moderation import queue
from kits.services import mark_reported


def submit(data, language, declaration=None):
    """Create the pending testimonial from a valid form's cleaned_data."""
    now = timezone.now()
    testimonial = Testimonial(
        display_name=data["display_name"],
        email=data["email"],
        association=data.get("association_link"),
        association_other="" if data.get("association_link") else data.get("association", ""),
        kit_id=data.get("kit"),
        title=data["title"],
        story=data["story"],
        action_date=data["action_date"],
        postcode=data["postcode"],
        territory=data["territory"],
        participants=data["participants"],
        photo_consent_at=now if data.get("photo_file") else None,
        consent_at=now,
        language=language,
        declaration=declaration,
        created_at=now,
    )
    with transaction.atomic():
        if data.get("photo_file"):
            testimonial.photo.save(data["photo_file"].name, data["photo_file"], save=False)
        testimonial.save()
        queue(notify_moderators, testimonial.pk)
    return testimonial


def needs_alt_text(testimonial):
    return bool(testimonial.photo) and not testimonial.photo_alt_text.strip()


def approve(testimonials, user):
    """Approve each one that is ready; returns (approved, refused for a missing alt text)."""
    approved, refused = [], []
    now = timezone.now()
    with transaction.atomic():
        for testimonial in testimonials:
            if testimonial.status == Testimonial.Status.APPROVED:
                continue
            if needs_alt_text(testimonial):
                refused.append(testimonial)
                continue
            testimonial.status = Testimonial.Status.APPROVED
            testimonial.rejection_reason = ""
            testimonial.moderated_by = user
            testimonial.moderated_at = now
            testimonial.save(update_fields=["status", "rejection_reason", "moderated_by", "moderated_at"])
            if testimonial.declaration_id:
                mark_reported(testimonial.declaration_id, testimonial.participants)
            queue(send_decision, testimonial.pk)
            approved.append(testimonial)
    return approved, refused


def reject(testimonials, user, reason):
    rejected = []
    now = timezone.now()
    with transaction.atomic():
        for testimonial in testimonials:
            if testimonial.status == Testimonial.Status.REJECTED:
                continue
            testimonial.status = Testimonial.Status.REJECTED
            testimonial.rejection_reason = reason
            testimonial.moderated_by = user
            testimonial.moderated_at = now
            testimonial.save(update_fields=["status", "rejection_reason", "moderated_by", "moderated_at"])
            index.remove_object(testimonial)  # it may have been approved (and indexed) before
            queue(send_decision, testimonial.pk)
            rejected.append(testimonial)
    return rejected


def delete_with_photos(queryset):
    """Delete testimonials one by one, so that each photo file goes too
    (receivers.py); returns how many rows went."""
    count = 0
    for testimonial in queryset:
        testimonial.delete()
        count += 1
    return count
