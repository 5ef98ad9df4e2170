"""Moderation of testimonials in the Wagtail admin: pending
first, filters by status, kit and date, search, preview, edit typos, approve or reject
(row buttons on one, bulk actions on many) with a reason; the author is told by e-mail."""

import django_filters

from django import forms
from django.contrib import messages
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.testimonials import services
from community.testimonials.models.testimonial import Testimonial


class TestimonialFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)

    class Meta:
        model = Testimonial
        fields = ["status", "kit", "territory"]


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    menu_label = _("Testimonials")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "title",
        "display_name",
        Column("kit", label=_("Kit"), accessor="kit"),
        Column("territory", label=_("Territory"), accessor="get_territory_display"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda testimonial: testimonial.status == Testimonial.Status.APPROVED,
        ),
        DateColumn("created_at", label=_("Received")),
    ]
    filterset_class = TestimonialFilterSet
    search_fields = ["title", "story", "display_name", "email", "association_other"]
    search_backend_name = None  # plain database lookups
    list_export = [
        "title",
        "display_name",
        "association_display",
        "kit",
        "territory",
        "action_date",
        "participants",
        "status",
    ]
    ordering = ["-created_at"]  # the e-mail to moderators links to ?status=pending

    def get_queryset(self, request):
        return Testimonial.objects.select_related("kit", "association")


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the author"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TestimonialDecisionBulkAction(SnippetBulkAction):
    models = [Testimonial]
    template_name = "community/admin/confirm_testimonial_decision.html"

    @classmethod
    def get_queryset(cls, model, object_ids):
        return Testimonial.objects.filter(pk__in=object_ids).select_related("kit")

    def check_perm(self, testimonial):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", testimonial)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "decision": self.action_type}


class ApproveTestimonialsBulkAction(TestimonialDecisionBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected testimonials")
    action_priority = 10

    def get_execution_context(self):
        return {"user": self.request.user, "request": self.request}

    @classmethod
    def execute_action(cls, objects, user=None, request=None, **kwargs):
        approved, refused = services.approve(objects, user)
        if refused and request is not None:
            messages.warning(
                request,
                _("Not approved, the photo needs its description (alt text) first: %(titles)s")
                % {"titles": ", ".join(testimonial.title for testimonial in refused)},
            )
        return len(approved), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return None
        return ngettext(
            "%(count)d testimonial approved; its author is told by e-mail.",
            "%(count)d testimonials approved; their authors are told by e-mail.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RejectTestimonialsBulkAction(TestimonialDecisionBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected testimonials")
    action_priority = 20
    classes = {"serious"}
    form_class = ReasonForm

    def get_execution_context(self):
        return {"user": self.request.user, "reason": self.cleaned_form.cleaned_data["reason"]}

    @classmethod
    def execute_action(cls, objects, user=None, reason="", **kwargs):
        return len(services.reject(objects, user, reason)), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d testimonial rejected; its author is told by e-mail.",
            "%(count)d testimonials rejected; their authors are told by e-mail.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


def decision_url(action, testimonial, next_url):
    url = reverse("wagtail_bulk_action", args=("community", "testimonial", action))
    return f"{url}?{urlencode({'id': testimonial.pk, 'next': next_url})}"


def decision_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Testimonial):
        return []
    next_url = next_url or reverse("wagtailsnippets_community_testimonial:list")
    buttons = []
    if snippet.status != Testimonial.Status.APPROVED:
        buttons.append(
            ListingButton(
                _("Approve"),
                url=decision_url("approve", snippet, next_url),
                icon_name="check",
                priority=5,
                attrs={"aria-label": _("Approve “%(title)s”") % {"title": snippet.title}},
            )
        )
    if snippet.status != Testimonial.Status.REJECTED:
        buttons.append(
            ListingButton(
                _("Reject"),
                url=decision_url("reject", snippet, next_url),
                icon_name="cross",
                priority=6,
                attrs={"aria-label": _("Reject “%(title)s”") % {"title": snippet.title}},
            )
        )
    return buttons


class PendingTestimonialsPanel(Component):
    """On the admin dashboard of those who may moderate: how many testimonials wait."""

    name = "pending_testimonials"
    template_name = "community/admin/pending_testimonials_panel.html"
    order = 55

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        can_moderate = policy_registry.get_by_type(Testimonial).user_has_permission(self.user, "change")
        count = Testimonial.objects.pending().count() if can_moderate else 0
        url = reverse("wagtailsnippets_community_testimonial:list") + "?status=pending"
        return {"count": count, "url": url}


@hooks.register("construct_homepage_panels")
def add_pending_panel(request, panels):
    panels.append(PendingTestimonialsPanel(request.user))


register_snippet(TestimonialViewSet)
hooks.register("register_bulk_action", ApproveTestimonialsBulkAction)
hooks.register("register_bulk_action", RejectTestimonialsBulkAction)
hooks.register("register_snippet_listing_buttons", decision_buttons)
