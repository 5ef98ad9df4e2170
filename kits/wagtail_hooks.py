"""Admin: the kit listing with its quality column, and the themes snippet."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import KitPage, Theme


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
