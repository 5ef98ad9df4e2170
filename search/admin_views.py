"""Admin → Reports → "Searches without results": the most frequent searches that found
nothing, per language, so editors know what content (or promotion) is missing."""

import django_filters

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import ZeroResultQuery


class ZeroResultFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All languages")
    )

    class Meta:
        model = ZeroResultQuery
        fields = ["language"]


class ZeroResultReportView(ReportView):
    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "search_zero_results"
    index_results_url_name = "search_zero_results_results"
    filterset_class = ZeroResultFilterSet
    model = ZeroResultQuery
    permission_policy = ModelPermissionPolicy(ZeroResultQuery)
    permission_required = "view"
    columns = [
        Column("query", label=_("Search")),
        Column("language", label=_("Language")),
        Column("count", label=_("Times searched")),
        DateColumn("last_seen", label=_("Last searched")),
        DateColumn("first_seen", label=_("First searched")),
    ]
    list_export = ["query", "language", "count", "last_seen", "first_seen"]
    export_headings = {
        "query": _("Search"),
        "language": _("Language"),
        "count": _("Times searched"),
        "last_seen": _("Last searched"),
        "first_seen": _("First searched"),
    }

    def get_queryset(self):
        return ZeroResultQuery.objects.order_by("-count", "-last_seen", "query")

    def get_filename(self):
        return "searches-without-results"
