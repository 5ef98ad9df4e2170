"""Moderation of testimonials in the Wagtail admin: pending
first, filters by status, kit and date, search, preview, edit typos, approve or reject
(row buttons on one, bulk actions on many) with a reason; the author is told by e-mail."""

import django_filters

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.testimonials import views
from community.testimonials.models.testimonial import Testimonial
from community.testimonials.moderation import TESTIMONIALS
from core.moderation_admin import register_moderation_admin


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


register_snippet(TestimonialViewSet)
register_moderation_admin(
    TESTIMONIALS,
    pending_query="?status=pending",
)


@hooks.register("register_admin_urls")
def private_photo_urls():
    # Pending photos, for moderators only (community/testimonials/photo_storage.py).
    return [path("testimonial-photos/<path:name>", views.private_photo, name="testimonial_private_photo")]
