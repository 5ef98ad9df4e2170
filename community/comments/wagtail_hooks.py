"""Moderating the feedback threads in the Wagtail admin: every comment, reported ones
first, filters by visibility, reports and page; hide or restore one or many (the rules
are community/comments/moderation.py)."""

import django_filters
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.db.models import Prefetch, Q
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from community.comments.moderation import COMMENTS
from community.comments.threads import is_visible, with_flag_counts
from core.moderation_admin import SentFromTheSitePolicy, register_moderation_admin


def excerpt(comment):
    return Truncator(comment.comment).chars(90)


def page_title(comment):
    page = comment.content_object
    return page.title if page is not None else "—"


def report_reasons(comment):
    """The reporters' reasons, oldest first, with their words: "Spam or advertising · Something
    else: “…”". Read from the flags prefetched by the listing's queryset."""
    parts = []
    for flag in comment.removal_flags:
        report = getattr(flag, "report", None)
        if report is None:
            continue
        label = str(report.get_reason_display())
        details = Truncator(report.details).chars(80)
        parts.append(gettext("%(reason)s: “%(details)s”") % {"reason": label, "details": details} if details else label)
    return " · ".join(parts) or "—"


def visibility(comment):
    return pgettext_lazy("comment", "Visible") if is_visible(comment) else pgettext_lazy("comment", "Hidden")


class CommentFilterSet(WagtailFilterSet):
    visibility = django_filters.ChoiceFilter(
        label=_("Visibility"),
        choices=[("visible", pgettext_lazy("comment", "Visible")), ("hidden", pgettext_lazy("comment", "Hidden"))],
        method="filter_visibility",
        empty_label=_("All"),
    )
    reported = django_filters.BooleanFilter(label=pgettext_lazy("comment", "Reported"), method="filter_reported")
    page = django_filters.ModelChoiceFilter(
        label=_("Page"),
        queryset=Page.objects.filter(depth__gt=2).order_by("title"),
        method="filter_page",
    )

    class Meta:
        model = XtdComment
        fields = []

    def filter_visibility(self, queryset, name, value):
        visible = Q(is_public=True, is_removed=False)
        return queryset.filter(visible) if value == "visible" else queryset.exclude(visible)

    def filter_reported(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(flag_count__gt=0) if value else queryset.filter(flag_count=0)

    def filter_page(self, queryset, name, value):
        return queryset.filter(object_pk=str(value.pk))


class ExcerptTitleColumn(TitleColumn):
    """The first column (link to the comment, row actions) shows the start of the text."""

    def get_value(self, instance):
        return excerpt(instance)


class CommentIndexView(IndexView):
    def _get_title_column(self, field_name, column_class=ExcerptTitleColumn, **kwargs):
        return super()._get_title_column(field_name, column_class, **kwargs)


class CommentViewSet(SnippetViewSet):
    model = XtdComment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    list_display = [
        "comment",  # the title column: links to the comment and carries the row buttons
        Column("user_name", label=_("Author")),
        Column("page", label=_("Page"), accessor=page_title),
        StatusTagColumn(
            "visibility",
            label=_("Visibility"),
            accessor=visibility,
            primary=is_visible,
        ),
        Column("flag_count", label=pgettext_lazy("comment", "Reports")),
        Column("report_reasons", label=_("Reasons given"), accessor=report_reasons),
        DateColumn("submit_date", label=_("Sent on")),
    ]
    filterset_class = CommentFilterSet
    search_fields = ["comment", "user_name", "user_email"]
    search_backend_name = None
    list_export = ["user_name", "user_email", "comment", "submit_date", "is_public", "is_removed", "flag_count"]
    panels = [
        FieldPanel("user_name", read_only=True),
        FieldPanel("user_email", read_only=True),
        FieldPanel("comment", read_only=True),
        FieldPanel("is_public"),
        FieldPanel("is_removed"),
    ]
    ordering = ["-flag_count", "-submit_date"]

    def get_queryset(self, request):
        # Reported comments first, then the newest.
        removal_flags = CommentFlag.objects.filter(flag=CommentFlag.SUGGEST_REMOVAL).select_related("report")
        return (
            with_flag_counts(XtdComment.objects.select_related("content_type", "user"))
            .prefetch_related(Prefetch("flags", queryset=removal_flags.order_by("flag_date"), to_attr="removal_flags"))
            .order_by("-flag_count", "-submit_date")
        )


register_permission_policy(XtdComment, SentFromTheSitePolicy(XtdComment))
register_snippet(CommentViewSet)
register_moderation_admin(
    COMMENTS,
    pending_query="?reported=true&visibility=visible",
)
