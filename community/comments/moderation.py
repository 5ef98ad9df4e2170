"""Feedback threads, moderated the site's one way (core.moderation): a moderator hides a
comment (with a reason kept in the history) or shows it again. What waits for a decision
is what members reported and is still visible."""

from django_comments_xtd.models import XtdComment

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from community.comments.threads import is_visible, thread_section, with_flag_counts
from core.moderation import APPROVE, Moderation, Wording
from core.page_cache import invalidate


class CommentModeration(Moderation):
    model = XtdComment
    date_field = "submit_date"
    inbox_title = _("Reported comments")
    approve = Wording(
        action="restore",
        label=_("Restore"),
        title=_("Restore comments"),
        intro=_("These comments will appear on the site again:"),
        confirm=_("Yes, restore"),
        done=ngettext_lazy("%(count)d comment restored.", "%(count)d comments restored.", "count"),
        no_permission=_("You don't have permission to change these comments"),
        icon="view",
    )
    decline = Wording(
        action="hide",
        label=_("Hide"),
        title=_("Hide comments"),
        intro=_("These comments will no longer appear on the site (their replies stay, without them):"),
        confirm=_("Yes, hide"),
        done=ngettext_lazy("%(count)d comment hidden.", "%(count)d comments hidden.", "count"),
        no_permission=_("You don't have permission to change these comments"),
        icon="cross",
    )

    def pending(self, user=None):
        queryset = with_flag_counts(XtdComment.objects.filter(is_public=True, is_removed=False)).filter(
            flag_count__gt=0
        )
        return self.visible_to(queryset, user) if user is not None else queryset

    def has_decision(self, obj, decision):
        return is_visible(obj) == (decision == APPROVE)

    def apply(self, obj, decision, user, reason, now):
        obj.is_public = decision == APPROVE
        if decision == APPROVE:
            obj.is_removed = False
        return ["is_public", "is_removed"]

    def save(self, obj, fields):
        # Not obj.save(): comments-xtd's pre_save would hide the replies with the comment,
        # and they stay. An update sends no signal: the page cache is told by hand.
        XtdComment.objects.filter(pk=obj.pk).update(**{name: getattr(obj, name) for name in fields})
        invalidate(thread_section(obj.object_pk))

    def describe(self, obj):
        return f"{obj.user_name} — {Truncator(obj.comment).chars(120)}"

    def button_label(self, obj, decision):
        return f"{self.wording(decision).label} — {obj.user_name}"


COMMENTS = CommentModeration()
