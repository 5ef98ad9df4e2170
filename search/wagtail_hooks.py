from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import ZeroResultReportView

PERMISSION = "search.view_zeroresultquery"


@hooks.register("register_admin_urls")
def register_zero_results_urls():
    view = ZeroResultReportView.as_view()
    results = ZeroResultReportView.as_view(results_only=True)
    return [
        path("reports/searches-without-results/", view, name="search_zero_results"),
        path("reports/searches-without-results/results/", results, name="search_zero_results_results"),
    ]


class ZeroResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    return ZeroResultsMenuItem(
        _("Searches without results"),
        reverse("search_zero_results"),
        name="searches-without-results",
        icon_name="search",
        order=810,
    )
