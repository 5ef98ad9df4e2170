"""Topic proposals for the next peer sessions, and members' votes. Changed only through
`events.topics` (the service functions), which enforce membership and one vote each."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TopicQuerySet(models.QuerySet):
    def with_votes(self):
        return self.annotate(vote_count=models.Count("votes", distinct=True))

    def ranked(self):
        """Most votes first, then the oldest proposal."""
        return self.with_votes().order_by("-vote_count", "created_at", "pk")


class TopicProposal(models.Model):
    class Status(models.TextChoices):
        # A context: "declined" is also a membership request that was refused ("refusée").
        PROPOSED = "proposed", pgettext_lazy("topic status", "proposed")
        SELECTED = "selected", pgettext_lazy("topic status", "selected")
        HELD = "held", pgettext_lazy("topic status", "held")
        DECLINED = "declined", pgettext_lazy("topic status", "declined")

    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topic_proposals",
    )
    association = models.ForeignKey(
        "community.Association",
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topic_proposals",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    decline_reason = models.TextField(
        _("reason for declining"), blank=True, help_text=_("Required when the topic is declined; shown publicly.")
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topic_proposals",
        help_text=_("The session that takes up this topic."),
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    selection_notified_at = models.DateTimeField(_("proposer told of the selection"), null=True, blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("topic proposal")
        verbose_name_plural = _("topic proposals")

    def __str__(self):
        return self.title

    def clean(self):
        if self.status == self.Status.DECLINED and not self.decline_reason.strip():
            raise ValidationError({"decline_reason": _("Say why the topic is declined: the reason is shown publicly.")})

    @property
    def association_name(self):
        if self.association_id:
            return self.association.name
        profile = getattr(self.proposer, "member_profile", None) if self.proposer_id else None
        return profile.association_display if profile else ""

    association_name.fget.short_description = _("association")

    def vote_total(self):
        return self.votes.count()

    vote_total.short_description = _("votes")


class TopicVote(models.Model):
    topic = models.ForeignKey(TopicProposal, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="topic_votes"
    )
    created_at = models.DateTimeField(_("voted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["topic", "member"], name="events_one_vote_per_member")]

    def __str__(self):
        return f"{self.member} → {self.topic}"
