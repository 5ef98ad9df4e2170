"""The e-mails of testimonials: moderators told of a new one (in the site's default
language), and the staff of the kit's association (who moderate it too: their e-mail
links to it in the admin), the author told of the decision (in the author's language,
with the link)."""

from django_tasks import task

from django.conf import settings
from django.urls import reverse

from community.associations.staff import staff_emails
from community.testimonials.links import share_url, testimonial_url
from community.testimonials.models.testimonial import Testimonial
from core.emails import send_templated_mail
from core.links import absolute_url
from core.moderation import moderator_emails


@task()
def notify_moderators(testimonial_id):
    testimonial = (
        Testimonial.objects.select_related("kit__association", "association").filter(pk=testimonial_id).first()
    )
    if testimonial is None:
        return 0
    edit_url = absolute_url(reverse("wagtailsnippets_community_testimonial:edit", args=(testimonial.pk,)))
    list_url = absolute_url(reverse("wagtailsnippets_community_testimonial:list") + "?status=pending")
    sent = 0
    for email in moderator_emails():
        send_templated_mail(
            "community/email/testimonial_new",
            email,
            {"testimonial": testimonial, "edit_url": edit_url, "list_url": list_url},
            settings.LANGUAGE_CODE,
        )
        sent += 1
    return sent + notify_association_staff(testimonial, edit_url)


def notify_association_staff(testimonial, edit_url):
    """The staff of the association that answers for the kit (not the association the
    author typed: that one is free text), unless they are Moderators already told."""
    association_id = testimonial.kit.association_id if testimonial.kit else None
    if association_id is None:
        return 0
    already_told = set(moderator_emails())
    sent = 0
    for email in staff_emails([association_id]):
        if email in already_told:
            continue
        send_templated_mail(
            "community/email/testimonial_new_for_association",
            email,
            {
                "testimonial": testimonial,
                "kit": testimonial.kit,
                "association": testimonial.kit.association,
                "edit_url": edit_url,
            },
            settings.LANGUAGE_CODE,
        )
        sent += 1
    return sent


@task()
def send_decision(testimonial_id):
    testimonial = Testimonial.objects.filter(pk=testimonial_id).first()
    if testimonial is None or not testimonial.email or testimonial.status == Testimonial.Status.PENDING:
        return False
    approved = testimonial.status == Testimonial.Status.APPROVED
    context = {
        "testimonial": testimonial,
        "testimonial_url": testimonial_url(testimonial) if approved else "",
        "share_url": share_url(testimonial.language),
    }
    name = "approved" if approved else "rejected"
    send_templated_mail(f"community/email/testimonial_{name}", testimonial.email, context, testimonial.language)
    return True  # a task's result is stored as JSON: never the message itself
