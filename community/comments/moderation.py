"""Feedback threads, moderated the site's one way (core.moderation): a moderator hides a
comment (with a reason kept in the history), or keeps it, or shows a hidden one again.
What waits for a decision is what members reported and is still visible.

Keeping (or restoring) closes the comment's reports: each removal suggestion becomes a
`DISMISSED` flag, so the comment leaves the inbox, the reasons stay in the database and a
member may report it again if it deserves it later. Nobody is told: a report alerts the
team, it is not a case the reporter follows (the decision is in the admin history)."""

from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from community.comments.threads import is_visible, thread_section, with_flag_counts
from core.moderation import APPROVE, Moderation, Wording
from core.page_cache import invalidate

DISMISSED = "removal suggestion dismissed"  # a report closed by keeping the comment


class CommentModeration(Moderation):
    model = XtdComment
    date_field = "submit_date"
    inbox_title = _("Reported comments")
    approve = Wording(
        action="restore",
        label=_("Keep or restore"),
        title=_("Keep or restore comments"),
        intro=_(
            "These comments will stay on the site, or appear on it again, and their reports will be closed "
            "(whoever reported them is not told):"
        ),
        confirm=_("Yes, keep them"),
        done=ngettext_lazy("%(count)d comment kept on the site.", "%(count)d comments kept on the site.", "count"),
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
        if decision == APPROVE:
            return is_visible(obj) and not self.open_reports(obj)
        return not is_visible(obj)

    def open_reports(self, obj):
        """How many removal suggestions wait: the listings' annotation, else one query."""
        count = getattr(obj, "flag_count", None)
        return count if count is not None else obj.flags.filter(flag=CommentFlag.SUGGEST_REMOVAL).count()

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

    def after(self, obj, decision):
        if decision != APPROVE:
            return
        reports = obj.flags.filter(flag=CommentFlag.SUGGEST_REMOVAL)
        # One flag per (member, comment, kind): a reporter's earlier dismissed report gives way.
        obj.flags.filter(flag=DISMISSED, user_id__in=reports.values("user_id")).delete()
        reports.update(flag=DISMISSED)

    def describe(self, obj):
        return f"{obj.user_name} — {Truncator(obj.comment).chars(120)}"

    def button_label(self, obj, decision):
        return f"{self.wording(decision).label} — {obj.user_name}"


COMMENTS = CommentModeration()
