"""Admin: the kit listing with its quality column, the quality panel's live figures, the
themes snippet, and the rule that a kit's material is never served by Wagtail's document
URL to people outside the admin."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kits.indicators_admin import IndicatorsPanel, IndicatorsReportView
from kits.models import KitMaterial, KitPage, Theme
from kits.quality_admin import live_quality


class QualityColumn(Column):
    cell_template_name = "kits/admin/quality_column.html"


class KitListingView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("materials")


class KitListingViewSet(PageListingViewSet):
    model = KitPage
    index_view_class = KitListingView
    icon = "clipboard-list"
    menu_label = _("Kits")
    menu_order = 150
    add_to_admin_menu = True
    name = "kits"
    columns = [
        *PageListingViewSet.columns,
        QualityColumn("quality", label=_("Quality"), width="22%"),
    ]


@hooks.register("register_admin_viewset")
def register_kit_listing():
    return KitListingViewSet("kits")


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Kit themes")
    menu_order = 160
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(ThemeViewSet)


@hooks.register("register_admin_urls")
def register_indicators_url():
    return [path("reports/kit-indicators/", IndicatorsReportView.as_view(), name="kits_indicators")]


@hooks.register("register_admin_urls")
def register_live_quality_url():
    return [path("kits/quality/<str:of>/<int:pk>/", live_quality, name="kits_quality")]


class IndicatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("kits.view_indicators")


@hooks.register("register_reports_menu_item")
def register_indicators_menu_item():
    return IndicatorsMenuItem(
        _("Kit indicators"), reverse("kits_indicators"), name="kit-indicators", icon_name="table", order=800
    )


@hooks.register("construct_homepage_panels")
def add_indicators_panel(request, panels):
    if request.user.has_perm("kits.view_indicators"):
        panels.append(IndicatorsPanel())


@hooks.register("before_serve_document")
def materials_only_through_signed_links(document, request):
    """/documents/<id>/<file> serves a kit's material only to staff who manage documents;
    visitors get it through the signed links of their declaration (kits.views.download),
    whatever collection the file sits in."""
    if not KitMaterial.objects.filter(document=document).exists():
        return None
    policy = policy_registry.get_by_type(get_document_model())
    if policy.user_has_any_permission_for_instance(request.user, ["change", "choose"], document):
        return None
    raise Http404
