"""Admin: the kit listing with its quality column, the quality panel's live figures, the
themes snippet, and the rule that a kit's material is never served by Wagtail's document
URL to people outside the admin."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from community.associations.staff import association_scope
from home.wagtail_hooks import guarded_update_translations
from kits.declarations_admin import LOG_PERMISSION as ACCESS_LOG_PERMISSION
from kits.declarations_admin import AccessLogView, DeclarationRecordView, DeclarationsView
from kits.declarations_admin import may_view as may_view_declarations
from kits.indicators_admin import IndicatorsPanel, IndicatorsReportView
from kits.models import KitMaterial, KitPage, Theme
from kits.permissions import foreign_kit, foreign_kit_ids, not_their_kits
from kits.quality_admin import live_quality

submit_page_translation = SubmitPageTranslationView.as_view()


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


@hooks.register("construct_page_chooser_queryset")
def choosers_leave_out_other_associations_kits(pages, request):
    return not_their_kits(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explorer_leaves_out_other_associations_kits(parent_page, pages, request):
    # The explorer's own queryset already comes from the policy; its search asks this hook.
    return not_their_kits(pages, request.user)


class TheirPagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count, without the other associations' kits (Wagtail counts
    every page under the explorable root)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["total_pages"] -= Page.objects.filter(pk__in=foreign_kit_ids(self.request.user)).count()
        return context


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail adds its items
def count_only_their_pages(request, summary_items):
    if association_scope(request.user) is None:
        return
    for index, item in enumerate(summary_items):
        if type(item) is PagesSummaryItem:
            summary_items[index] = TheirPagesSummaryItem(request)


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


def guarded_submit_translation(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if isinstance(page, KitPage) and foreign_kit(request.user, page):
        raise PermissionDenied
    return submit_page_translation(request, page_id=page_id)


def guarded_kit_update_translations(request, translation_source_id):
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    instance = source.get_source_instance()
    if isinstance(instance, KitPage) and foreign_kit(request.user, instance):
        raise PermissionDenied
    return guarded_update_translations(request, translation_source_id=translation_source_id)


@hooks.register("register_admin_urls", order=-2)
def register_guarded_kit_translations():
    # Before home's guard (order=-1), which this one hands over to.
    return [
        path("localize/submit/page/<int:page_id>/", guarded_submit_translation),
        path("localize/update/<int:translation_source_id>/", guarded_kit_update_translations),
    ]


# The declared actions and their access log (kits/declarations_admin.py, decision 0030) ------


@hooks.register("register_admin_urls")
def register_declarations_urls():
    return [
        path("declarations/", DeclarationsView.as_view(), name="kits_declarations"),
        path("declarations/results/", DeclarationsView.as_view(results_only=True), name="kits_declarations_results"),
        path("declarations/<int:pk>/", DeclarationRecordView.as_view(), name="kits_declaration"),
        path("reports/declaration-access/", AccessLogView.as_view(), name="kits_declaration_access"),
        path(
            "reports/declaration-access/results/",
            AccessLogView.as_view(results_only=True),
            name="kits_declaration_access_results",
        ),
    ]


class DeclarationsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_declarations(request.user)


@hooks.register("register_admin_menu_item")
def register_declarations_menu_item():
    return DeclarationsMenuItem(
        _("Declared actions"), reverse("kits_declarations"), name="declared-actions", icon_name="group", order=155
    )


class AccessLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ACCESS_LOG_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_access_log_menu_item():
    return AccessLogMenuItem(
        _("Access to declarations"),
        reverse("kits_declaration_access"),
        name="declaration-access",
        icon_name="history",
        order=820,
    )
