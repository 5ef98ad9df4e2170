"""The rules of testimonials: submit (pending, moderators told), approve (alt text first
for a photo; the author told, the declaration reported) and reject with a reason."""

from django.db import transaction
from django.utils import timezone

from community.testimonials.emails import notify_moderators
from community.testimonials.models.testimonial import Testimonial
from community.testimonials.moderation import TESTIMONIALS
from core.moderation import APPROVE, DECLINE, queue


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


def approve(testimonials, user):
    """Approve each one that is ready; returns (approved, refused for a missing alt text)."""
    outcome = TESTIMONIALS.decide(testimonials, APPROVE, user)
    return outcome.changed, [testimonial for testimonial, _why in outcome.refused]


def reject(testimonials, user, reason):
    return TESTIMONIALS.decide(testimonials, DECLINE, user, reason).changed


def delete_with_photos(queryset):
    """Delete testimonials one by one, so that each photo file goes too
    (receivers.py); returns how many rows went."""
    count = 0
    for testimonial in queryset:
        testimonial.delete()
        count += 1
    return count
