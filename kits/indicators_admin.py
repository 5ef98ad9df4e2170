"""The "Indicateurs des kits" report, its filters, exports and dashboard panel."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from community.associations.models import Association
from community.associations.staff import association_scope, scoped_associations
from core.territories import DEPARTEMENTS
from kits import indicators, indicators_export
from kits.indicators_export import TABLES
from kits.models import KitPage

PERMISSION = "kits.view_indicators"


class IndicatorFilterForm(forms.Form):
    # A context: Wagtail's redirects also say "From" and "To" ("Depuis", "Vers").
    start = forms.DateField(
        label=pgettext_lazy("period", "From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=pgettext_lazy("period", "To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kit = forms.ModelChoiceField(label=_("Kit"), required=False, queryset=KitPage.objects.none())
    association = forms.ModelChoiceField(label=_("Association"), required=False, queryset=Association.objects.none())
    departement = forms.ChoiceField(label=_("Département"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Declarations always point to the source-language kit: listing those kits is
        # cheap, where a join on the declarations took seconds at 100,000 rows.
        kits = KitPage.objects.filter(locale=Locale.get_default()).order_by("title")
        scope = association_scope(user)
        if scope is not None:
            # Association staff choose among their kits; another's is "not a valid choice".
            kits = kits.filter(association__in=scope)
        self.fields["kit"].queryset = kits
        self.fields["association"].queryset = scoped_associations(user)
        self.fields["departement"].choices = [("", "---------")] + [
            (code, f"{code} {name}") for code, name in DEPARTEMENTS.items()
        ]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start of the period comes after its end."))
        return data


class IndicatorsReportView(ReportView):
    page_title = _("Kit indicators")
    header_icon = "table"
    template_name = "kits/admin/indicators_report.html"
    index_url_name = "kits_indicators"
    paginate_by = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def table(self):
        table = self.request.GET.get("table")
        return table if table in TABLES else "kits"

    @cached_property
    def filter_form(self):
        return IndicatorFilterForm(self.request.GET or None, user=self.request.user)

    @cached_property
    def filters(self):
        return {**self.chosen_filters, **scope_filters(self.request.user)}

    @cached_property
    def chosen_filters(self):
        form = self.filter_form
        if not form.is_bound:
            return {}
        if form.is_valid():
            return form.cleaned_data
        if not self.is_export:
            messages.error(
                self.request,
                _("These filters cannot be applied; the report below is not filtered."),
            )
        return {}

    def get_queryset(self):
        return []

    def get(self, request, *args, **kwargs):
        filters = self.filters
        if self.is_export:
            # Not Wagtail's spreadsheet export: the file states what it covers (kits.indicators_export).
            return indicators_export.export_file(self.table, filters, request.GET.get("export"))
        departements = indicators.per_departement(filters)
        months = indicators.per_month(filters)
        kits = indicators.per_kit(filters)
        context = {
            "view": self,
            "page_title": self.page_title,
            "header_icon": self.header_icon,
            "breadcrumbs_items": [{"url": reverse("wagtailadmin_home"), "label": _("Home")}],
            "form": self.filter_form,
            "totals": indicators.totals(filters, kit_rows=kits, departement_rows=departements),
            "kits": kits,
            "departements": departements,
            "regions": indicators.per_region(departements),
            "months": months,
            "chart_width": max(48 * len(months), 48),
            "export_links": self.export_links(),
            "scope_names": filters.get("scope_names"),
        }
        return self.render_to_response(context)

    def render_to_response(self, context, **response_kwargs):
        return self.response_class(
            request=self.request, template=self.template_name, context=context, **response_kwargs
        )

    def export_links(self):
        links = {}
        for table in TABLES:
            params = self.request.GET.copy()
            params["table"] = table
            links[table] = {}
            for fmt in indicators_export.FORMATS:
                params["export"] = fmt
                links[table][fmt] = f"{self.request.path}?{params.urlencode()}"
        return links


def scope_filters(user):
    """{"scope": ids, "scope_names": names} for association staff, {} for the network."""
    scope = association_scope(user)
    if scope is None:
        return {}
    return {"scope": scope, "scope_names": list(scoped_associations(user).values_list("name", flat=True))}


class IndicatorsPanel(Component):
    """Dashboard: the headline numbers of the last twelve months, linking to the report."""

    name = "kit_indicators"
    order = 150
    template_name = "kits/admin/indicators_panel.html"

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        start = today.replace(year=today.year - 1) if not (today.month == 2 and today.day == 29) else today
        scope = scope_filters(parent_context["request"].user)
        return {
            "scope_names": scope.get("scope_names"),
            "totals": indicators.totals({"start": start, "end": today, **scope}),
            "report_url": reverse("kits_indicators") + f"?start={start.isoformat()}&end={today.isoformat()}",
        }
