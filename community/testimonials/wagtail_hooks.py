"""Moderation of testimonials in the Wagtail admin: pending
first, filters by status, kit and date, search, preview, edit typos, approve or reject
(row buttons on one, bulk actions on many) with a reason; the author is told by e-mail."""

import django_filters

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.testimonials.models.testimonial import Testimonial
from community.testimonials.moderation import TESTIMONIALS
from core.moderation import register_moderation
from core.moderation_admin import bulk_actions, listing_buttons


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


class PendingTestimonialsPanel(Component):
    """On the admin dashboard of those who may moderate: how many testimonials wait."""

    name = "pending_testimonials"
    template_name = "community/admin/pending_testimonials_panel.html"
    order = 55

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        can_moderate = policy_registry.get_by_type(Testimonial).user_has_permission(self.user, "change")
        count = TESTIMONIALS.pending().count() if can_moderate else 0
        url = reverse("wagtailsnippets_community_testimonial:list") + "?status=pending"
        return {"count": count, "url": url}


@hooks.register("construct_homepage_panels")
def add_pending_panel(request, panels):
    panels.append(PendingTestimonialsPanel(request.user))


register_snippet(TestimonialViewSet)
approve_action, reject_action = bulk_actions(register_moderation(TESTIMONIALS))
hooks.register("register_bulk_action", approve_action)
hooks.register("register_bulk_action", reject_action)
hooks.register("register_snippet_listing_buttons", listing_buttons(TESTIMONIALS))
