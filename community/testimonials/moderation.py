"""Testimonials, moderated the site's one way (core.moderation): a moderator approves
(a photo needs its description first) or rejects with a reason; the author is told;
an approved story reports its declaration, a rejected one leaves the search index.
The network's Moderators decide on all of them, association staff on those about their
associations' kits (community/testimonials/permissions.py)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from wagtail.search import index

from community.testimonials.emails import send_decision
from community.testimonials.models.testimonial import Testimonial
from community.testimonials.permissions import their_testimonials
from community.testimonials.photo_storage import discard_photo, publish_photo
from core.moderation import APPROVE, Moderation, Wording, queue
from kits.services import mark_reported


def needs_alt_text(testimonial):
    return bool(testimonial.photo) and not testimonial.photo_alt_text.strip()


class TestimonialModeration(Moderation):
    model = Testimonial
    approved_value = Testimonial.Status.APPROVED
    declined_value = Testimonial.Status.REJECTED
    pending_value = Testimonial.Status.PENDING
    decided_by_field = "moderated_by"
    decided_at_field = "moderated_at"
    reason_field = "rejection_reason"
    reason_required = True
    inbox_title = _("Pending testimonials")
    approve = Wording(
        action="approve",
        label=pgettext_lazy("moderation", "Approve"),
        title=_("Approve testimonials"),
        intro=_(
            "These testimonials will be published and their authors told by e-mail "
            "(one with a photo needs its description first):"
        ),
        confirm=_("Yes, approve"),
        done=ngettext_lazy(
            "%(count)d testimonial approved; its author is told by e-mail.",
            "%(count)d testimonials approved; their authors are told by e-mail.",
            "count",
        ),
        no_permission=_("You don't have permission to moderate these testimonials"),
    )
    decline = Wording(
        action="reject",
        label=pgettext_lazy("moderation", "Reject"),
        title=_("Reject testimonials"),
        intro=_("These testimonials will not be published; each author gets the reason by e-mail:"),
        confirm=_("Yes, reject"),
        done=ngettext_lazy(
            "%(count)d testimonial rejected; its author is told by e-mail.",
            "%(count)d testimonials rejected; their authors are told by e-mail.",
            "count",
        ),
        no_permission=_("You don't have permission to moderate these testimonials"),
        icon="cross",
    )

    def get_queryset(self):
        return Testimonial.objects.select_related("kit")

    def visible_to(self, queryset, user):
        # The network's Moderators: all; association staff: those about their kits.
        return their_testimonials(queryset, user)

    def refusal(self, obj, decision):
        if decision == APPROVE and needs_alt_text(obj):
            return _("photo without description: edit it first")
        return None

    def after(self, obj, decision):
        if decision == APPROVE:
            publish_photo(obj)  # from private storage to public media
            if obj.declaration_id:
                mark_reported(obj.declaration_id, obj.participants)
        else:
            discard_photo(obj)  # a rejected photo is gone
            index.remove_object(obj)  # it may have been approved (and indexed) before

    def notify(self, obj, decision, reason):
        queue(send_decision, obj.pk)

    def describe(self, obj):
        return f"{obj.title} — {obj.display_name} ({obj.get_status_display()})"

    def button_label(self, obj, decision):
        if decision == APPROVE:
            return _("Approve “%(title)s”") % {"title": obj.title}
        return _("Reject “%(title)s”") % {"title": obj.title}


TESTIMONIALS = TestimonialModeration()
