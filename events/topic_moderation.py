"""Topic proposals, moderated the site's one way (core.moderation): an editor selects a
new proposal for a coming session or declines it with a reason, shown publicly on the
topics page; the proposer is told by e-mail either way. What waits is what is still
proposed (open to votes)."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from core.moderation import APPROVE, Moderation, Wording, queue
from events.models.topics import TopicProposal
from events.tasks import send_topic_declined_email
from events.topics import notify_selection


class TopicModeration(Moderation):
    model = TopicProposal
    approved_value = TopicProposal.Status.SELECTED
    declined_value = TopicProposal.Status.DECLINED
    pending_value = TopicProposal.Status.PROPOSED
    reason_field = "decline_reason"
    reason_required = True  # shown publicly beside the topic (TopicProposal.clean)
    inbox_title = _("New topic proposals")
    approve = Wording(
        action="select",
        label=pgettext_lazy("topic moderation", "Select"),
        title=_("Select topics"),
        intro=_("These topics will be taken up at a coming session; each proposer is told by e-mail:"),
        confirm=_("Yes, select"),
        done=ngettext_lazy(
            "%(count)d topic selected; its proposer is told by e-mail.",
            "%(count)d topics selected; their proposers are told by e-mail.",
            "count",
        ),
        no_permission=_("You don't have permission to change these topic proposals"),
    )
    decline = Wording(
        action="decline",
        label=pgettext_lazy("topic moderation", "Decline"),
        title=_("Decline topics"),
        intro=_("These topics will be declined; the reason is shown on the topics page and e-mailed to each proposer:"),
        confirm=pgettext_lazy("topic moderation", "Yes, decline"),
        done=ngettext_lazy(
            "%(count)d topic declined; its proposer is told by e-mail.",
            "%(count)d topics declined; their proposers are told by e-mail.",
            "count",
        ),
        no_permission=_("You don't have permission to change these topic proposals"),
        icon="cross",
    )

    def get_queryset(self):
        return TopicProposal.objects.select_related("association", "proposer__member_profile__association")

    def notify(self, obj, decision, reason):
        if decision == APPROVE:
            notify_selection(obj)  # once, however many times it is selected
        elif obj.proposer_id:
            queue(send_topic_declined_email, obj.pk)

    def describe(self, obj):
        association = obj.association_name
        title = Truncator(obj.title).chars(120)
        return f"{title} — {association} ({obj.get_status_display()})" if association else title

    def button_label(self, obj, decision):
        if decision == APPROVE:
            return _("Select “%(title)s”") % {"title": obj.title}
        return _("Decline “%(title)s”") % {"title": obj.title}


TOPICS = TopicModeration()
