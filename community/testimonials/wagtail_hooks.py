"""Moderation of testimonials in the Wagtail admin: pending
first, filters by status, kit and date, search, preview, edit typos, approve or reject
(row buttons on one, bulk actions on many) with a reason; the author is told by e-mail.
Association staff get the same screens narrowed to their associations' kits
(community/testimonials/permissions.py): the listing's queryset and its kit filter, the
policy every bulk action asks, and every view of one testimonial (`TheirTestimonial`)."""

import django_filters

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from community.associations.staff import association_scope
from community.testimonials import views
from community.testimonials.models.testimonial import Testimonial
from community.testimonials.moderation import TESTIMONIALS
from community.testimonials.permissions import TestimonialAdminForm, TestimonialPolicy, is_theirs
from core.moderation_admin import register_moderation_admin
from kits.models import KitPage


def kits_to_filter_by(request):
    """The kit filter's choices: their associations' kits for association staff."""
    kits = KitPage.objects.order_by("title")
    scope = association_scope(request.user) if request is not None else None
    return kits if scope is None else kits.filter(association_id__in=scope)


class TestimonialFilterSet(WagtailFilterSet):
    kit = django_filters.ModelChoiceFilter(label=_("Kit"), queryset=kits_to_filter_by)
    created_at = django_filters.DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)

    class Meta:
        model = Testimonial
        fields = ["status", "kit", "territory"]


class TheirTestimonial:
    """Every view of one testimonial (edit, preview, history, usage, delete, copy, inspect):
    another association's is refused (Wagtail sends the person back to the dashboard with
    its "no permission" message), whatever URL was typed."""

    def get_object(self, *args, **kwargs):
        testimonial = super().get_object(*args, **kwargs)
        if not is_theirs(self.request.user, testimonial):
            raise PermissionDenied
        return testimonial


class EditView(TheirTestimonial, snippet_views.EditView):
    pass


class DeleteView(TheirTestimonial, snippet_views.DeleteView):
    pass


class CopyView(TheirTestimonial, snippet_views.CopyView):
    pass


class HistoryView(TheirTestimonial, snippet_views.HistoryView):
    pass


class UsageView(TheirTestimonial, snippet_views.UsageView):
    pass


class InspectView(TheirTestimonial, snippet_views.InspectView):
    pass


class PreviewOnEditView(TheirTestimonial, snippet_views.PreviewOnEditView):
    pass


register_permission_policy(Testimonial, TestimonialPolicy(Testimonial))


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
    edit_handler = ObjectList(Testimonial.panels, base_form_class=TestimonialAdminForm)
    edit_view_class = EditView
    delete_view_class = DeleteView
    copy_view_class = CopyView
    history_view_class = HistoryView
    usage_view_class = UsageView
    inspect_view_class = InspectView
    preview_on_edit_view_class = PreviewOnEditView

    def get_queryset(self, request):
        return TESTIMONIALS.visible_to(Testimonial.objects.select_related("kit", "association"), request.user)


register_snippet(TestimonialViewSet)
register_moderation_admin(
    TESTIMONIALS,
    pending_query="?status=pending",
)


@hooks.register("register_admin_urls")
def private_photo_urls():
    # Pending photos, for moderators only (community/testimonials/photo_storage.py).
    return [path("testimonial-photos/<path:name>", views.private_photo, name="testimonial_private_photo")]
