"""Moderating the feedback threads in the Wagtail admin: every comment, reported ones
first, filters by visibility, reports and page; hide or restore one or many."""

import django_filters
from django_comments_xtd.models import XtdComment

from django.db.models import Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from community.comments.threads import with_flag_counts


def excerpt(comment):
    return Truncator(comment.comment).chars(90)


def page_title(comment):
    page = comment.content_object
    return page.title if page is not None else "—"


def visibility(comment):
    return _("Visible") if comment.is_public and not comment.is_removed else _("Hidden")


def set_visibility(comments, visible):
    """Hide (visible=False) or restore comments; returns how many changed."""
    if visible:
        return comments.filter(Q(is_public=False) | Q(is_removed=True)).update(is_public=True, is_removed=False)
    return comments.filter(is_public=True, is_removed=False).update(is_public=False)


class CommentFilterSet(WagtailFilterSet):
    visibility = django_filters.ChoiceFilter(
        label=_("Visibility"),
        choices=[("visible", _("Visible")), ("hidden", _("Hidden"))],
        method="filter_visibility",
        empty_label=_("All"),
    )
    reported = django_filters.BooleanFilter(label=_("Reported"), method="filter_reported")
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


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come from the site: moderators change them, nobody adds one here."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


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
            primary=lambda comment: comment.is_public and not comment.is_removed,
        ),
        Column("flag_count", label=_("Reports")),
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
        return with_flag_counts(XtdComment.objects.select_related("content_type", "user")).order_by(
            "-flag_count", "-submit_date"
        )


class CommentModerationBulkAction(SnippetBulkAction):
    models = [XtdComment]
    template_name = "community/admin/confirm_comment_moderation.html"
    visible = None

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", comment)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "hide": not self.visible}

    @classmethod
    def execute_action(cls, objects, **kwargs):
        changed = set_visibility(XtdComment.objects.filter(pk__in=[c.pk for c in objects]), cls.visible)
        return changed, 0


class HideCommentsBulkAction(CommentModerationBulkAction):
    display_name = _("Hide")
    action_type = "hide"
    aria_label = _("Hide the selected comments")
    action_priority = 10
    classes = {"serious"}
    visible = False

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d comment hidden.", "%(count)d comments hidden.", num_parent_objects) % {
            "count": num_parent_objects
        }


class RestoreCommentsBulkAction(CommentModerationBulkAction):
    display_name = _("Restore")
    action_type = "restore"
    aria_label = _("Show the selected comments again")
    action_priority = 20
    visible = True

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d comment restored.", "%(count)d comments restored.", num_parent_objects) % {
            "count": num_parent_objects
        }


def moderation_url(action, comment, next_url):
    url = reverse("wagtail_bulk_action", args=("django_comments_xtd", "xtdcomment", action))
    return f"{url}?{urlencode({'id': comment.pk, 'next': next_url})}"


def comment_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, XtdComment):
        return []
    next_url = next_url or reverse("wagtailsnippets_django_comments_xtd_xtdcomment:list")
    visible = snippet.is_public and not snippet.is_removed
    action, label, icon = ("hide", _("Hide"), "cross") if visible else ("restore", _("Restore"), "view")
    return [
        ListingButton(
            label,
            url=moderation_url(action, snippet, next_url),
            icon_name=icon,
            priority=5,
            attrs={"aria-label": f"{label} — {snippet.user_name}"},
        )
    ]


class ReportedCommentsPanel(Component):
    """On the admin dashboard: visible comments that members reported, with a link."""

    name = "reported_comments"
    template_name = "community/admin/reported_comments_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        can_moderate = policy_registry.get_by_type(XtdComment).user_has_permission(self.user, "change")
        count = 0
        if can_moderate:
            count = (
                with_flag_counts(XtdComment.objects.filter(is_public=True, is_removed=False))
                .filter(flag_count__gt=0)
                .count()
            )
        url = reverse("wagtailsnippets_django_comments_xtd_xtdcomment:list") + "?reported=true&visibility=visible"
        return {"count": count, "url": url}


register_permission_policy(XtdComment, CommentPermissionPolicy(XtdComment))
register_snippet(CommentViewSet)
hooks.register("register_bulk_action", HideCommentsBulkAction)
hooks.register("register_bulk_action", RestoreCommentsBulkAction)
hooks.register("register_snippet_listing_buttons", comment_buttons)


@hooks.register("construct_homepage_panels")
def add_reported_comments_panel(request, panels):
    panels.append(ReportedCommentsPanel(request.user))
