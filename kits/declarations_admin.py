"""Admin → "Actions déclarées": the actions declared with the kits, the volunteers' contact
details, one record per action and its exports; and the log of who looked (decision 0030).

Who sees what (`declaration_scope`): superusers and "Protection des données" every
declaration; "Association staff" those of their associations' kits, whatever the URL
says; nobody else (Editors and Moderators included: the indicators are their figures).
Every page of the listing, record and export writes a `DeclarationAccess` row before the
data is rendered: if the row cannot be written, the request fails and shows nothing."""

import django_filters

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, Max, OuterRef
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from community.associations.models import Association, AssociationStaff
from core.territories import DEPARTEMENTS
from kits import services, spreadsheets
from kits.indicators_export import CONTENT_TYPES, CSV, XLSX, period
from kits.models.declaration_access import AccessKind, DeclarationAccess
from kits.models.declarations import ActionDeclaration, DeclarationStatus, KitDownload
from kits.models.pages import KitPage

PERMISSION = "kits.view_declarations"
EVERY_DECLARATION = "home.manage_personal_data"  # "Protection des données"
LOG_PERMISSION = "home.manage_personal_data"
PER_PAGE = 30


class ShownStatus:
    """The status shown to staff: "downloaded" is a declared action whose materials were
    downloaded at least once (derived from KitDownload, never stored)."""

    DECLARED = "declared"
    DOWNLOADED = "downloaded"
    REPORTED = "reported"
    CANCELLED = "cancelled"
    CHOICES = [
        (DECLARED, pgettext_lazy("declaration status", "Declared")),
        (DOWNLOADED, pgettext_lazy("declaration status", "Downloaded")),
        (REPORTED, pgettext_lazy("declaration status", "Reported")),
        (CANCELLED, pgettext_lazy("declaration status", "Cancelled")),
    ]
    LABELS = dict(CHOICES)

    @classmethod
    def of(cls, declaration):
        if declaration.status == DeclarationStatus.CANCELLED:
            return cls.CANCELLED
        if declaration.status == DeclarationStatus.REPORTED:
            return cls.REPORTED
        return cls.DOWNLOADED if declaration.downloaded else cls.DECLARED


# Who sees what -------------------------------------------------------------------------


def declaration_scope(user):
    """None (every declaration) or the frozenset of the user's associations' ids.

    Not `association_scope`: there, Editors and Moderators keep the whole network; here
    they hold nothing, so someone in Editors and "Association staff" sees their own
    associations' declarations (rights add up)."""
    if user.is_superuser or user.has_perm(EVERY_DECLARATION):
        return None
    return frozenset(AssociationStaff.objects.filter(user=user).values_list("association_id", flat=True))


def scope_names(scope):
    if scope is None:
        return ""
    return ", ".join(Association.objects.filter(pk__in=scope).order_by("name").values_list("name", flat=True))


def declarations_for(scope):
    """The declarations someone of `scope` may see, with "downloaded" annotated."""
    declarations = ActionDeclaration.objects.select_related("kit").annotate(
        downloaded=Exists(KitDownload.objects.filter(declaration=OuterRef("pk")))
    )
    if scope is not None:
        declarations = declarations.filter(kit__association_id__in=scope)
    return declarations


def may_view(user):
    return user.is_authenticated and user.has_perm(PERMISSION)


def shown_filters(query):
    """The parameters given, empty ones and Wagtail's own ("_w_filter_fragment") left out."""
    given = query.copy()
    for key in list(given):
        if key.startswith("_") or not any(given.getlist(key)):
            del given[key]
    return given.urlencode()


def log_access(request, kind, rows, scope, declaration=None):
    """The access row, written before the data is rendered (no row, no data)."""
    return DeclarationAccess.objects.create(
        user=request.user,
        user_email=request.user.email or request.user.get_username(),
        kind=kind,
        rows=rows,
        filters=shown_filters(request.GET)[:1000],
        scope=(scope_names(scope) if scope is not None else gettext("every association"))[:500],
        declaration=declaration,
    )


# The listing --------------------------------------------------------------------------


def kits_offered(request):
    """The kit filter's choices: source-language kits of the person's scope, so another
    association's kit is "not a valid choice"."""
    kits = KitPage.objects.filter(locale=Locale.get_default()).order_by("title")
    scope = declaration_scope(request.user) if request is not None else frozenset()
    return kits if scope is None else kits.filter(association_id__in=scope)


class DeclarationFilterSet(WagtailFilterSet):
    kit = django_filters.ModelChoiceFilter(label=_("Kit"), queryset=kits_offered)
    territory = django_filters.ChoiceFilter(
        label=_("Département"), choices=[(code, f"{code} {name}") for code, name in DEPARTEMENTS.items()]
    )
    planned_date = django_filters.DateFromToRangeFilter(label=_("Planned date"), widget=DateRangePickerWidget)
    shown_status = django_filters.ChoiceFilter(label=_("Status"), choices=ShownStatus.CHOICES, method="by_status")

    class Meta:
        model = ActionDeclaration
        fields = ["kit", "territory", "planned_date"]

    def by_status(self, queryset, name, value):
        if value == ShownStatus.DOWNLOADED:
            return queryset.filter(status=DeclarationStatus.DECLARED, downloaded=True)
        if value == ShownStatus.DECLARED:
            return queryset.filter(status=DeclarationStatus.DECLARED, downloaded=False)
        return queryset.filter(status=value)


class DeclarationAccessMixin:
    """Who may open the declarations' views, and what they cover (`scope`)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def scope(self):
        return declaration_scope(self.request.user)


class CellColumn(Column):
    """A cell carrying its column's label (data-label): on a phone the rows stack as cards
    and each value is shown under its label (kits/admin/declarations/index.html)."""

    cell_template_name = "kits/admin/declarations/text_cell.html"

    def __init__(self, name, template=None, **kwargs):
        super().__init__(name, **kwargs)
        if template:
            self.cell_template_name = f"kits/admin/declarations/{template}_cell.html"


class DeclarationsView(DeclarationAccessMixin, ReportView):
    page_title = _("Declared actions")
    header_icon = "group"
    template_name = "kits/admin/declarations/index.html"
    results_template_name = "kits/admin/declarations/index_results.html"
    index_url_name = "kits_declarations"
    index_results_url_name = "kits_declarations_results"
    filterset_class = DeclarationFilterSet
    is_searchable = True
    search_fields = ["name", "email", "postcode", "organisation"]
    search_backend_name = None  # plain database lookups, on the scoped rows
    paginate_by = PER_PAGE
    list_export = ["name"]  # Wagtail's download buttons; the files are ours (as_spreadsheet)
    table_classname = "listing kit-declarations"
    columns = [
        CellColumn("name", template="name", label=_("Who")),
        CellColumn("email", template="contact", label=_("Contact")),
        CellColumn("territory", template="where", label=_("Where")),
        CellColumn("planned_date", template="date", label=_("Planned date")),
        CellColumn("kit", label=_("Kit")),
        CellColumn("shown_status", template="status", label=_("Status")),
        CellColumn("created_at", template="declared", label=_("Declared on")),
    ]

    def get_base_queryset(self):
        return declarations_for(self.scope)

    def order_queryset(self, queryset):
        return queryset.order_by("-created_at", "-pk")  # newest first

    def filter_queryset(self, queryset):
        if self.filters and not self.filters.is_valid():
            # Another association's kit, a malformed date…: nothing rather than everything.
            return queryset.none()
        return super().filter_queryset(queryset)

    def decorate_paginated_queryset(self, object_list):
        for declaration in object_list:
            declaration.shown_status = ShownStatus.of(declaration)
            declaration.shown_status_label = ShownStatus.LABELS[declaration.shown_status]
            declaration.is_active_action = declaration.shown_status in (ShownStatus.DECLARED, ShownStatus.DOWNLOADED)
        return object_list

    def get(self, request, *args, **kwargs):
        self.object_list = self.get_filtered_queryset()
        if self.is_export:
            return self.as_spreadsheet(self.object_list, request.GET.get("export"))
        context = self.get_context_data()
        context["object_list"] = self.decorate_paginated_queryset(list(context["object_list"]))
        log_access(request, AccessKind.LIST, len(context["object_list"]), self.scope)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["scope_names"] = None if self.scope is None else scope_names(self.scope)
        return context

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = list(
            queryset.select_related("kit__association").annotate(
                download_count=Count("downloads"), last_download_at=Max("downloads__downloaded_at")
            )
        )
        log_access(self.request, AccessKind.EXPORT, len(rows), self.scope)
        cover = self.cover(len(rows))
        fmt = XLSX if spreadsheet_format == XLSX else CSV
        content = as_xlsx(cover, rows) if fmt == XLSX else as_csv(cover, rows)
        response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{self.export_filename_for(fmt)}"'
        return response

    def export_filename_for(self, fmt):
        return f"actions-declarees-{timezone.localdate().isoformat()}.{fmt}"

    def cover(self, count):
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        dates = data.get("planned_date")
        territory = data.get("territory")
        status = data.get("shown_status")
        exported_at = timezone.localtime()
        return [
            (pgettext("export", "Report"), gettext("Declared actions")),
            (pgettext("export", "Site"), settings.BASE_URL),
            (
                pgettext("export", "What is counted"),
                gettext(
                    "One row per action declared with a kit (“Je me lance”): who runs it, their contact "
                    "details, where and when, its status and the downloads of the kit's materials. "
                    "Personal data: keep this file only as long as you need it."
                ),
            ),
            (
                pgettext("export", "Planned dates"),
                period({"start": dates.start, "end": dates.stop} if dates else {}),
            ),
            (pgettext("export", "Kit"), data["kit"].title if data.get("kit") else pgettext("export", "all kits")),
            (
                pgettext("export", "Association"),
                pgettext("export", "all associations")
                if self.scope is None
                else scope_names(self.scope) or pgettext("export", "no association"),
            ),
            (
                pgettext("export", "Département"),
                f"{territory} {DEPARTEMENTS.get(territory, '')}".strip()
                if territory
                else pgettext("export", "all départements"),
            ),
            (pgettext("export", "Status"), str(ShownStatus.LABELS[status]) if status else pgettext("export", "all")),
            (pgettext("export", "Search"), self.search_query or "—"),
            (pgettext("export", "Rows"), str(count)),
            (
                pgettext("export", "Exported on"),
                f"{date_format(exported_at, 'DATETIME_FORMAT')} ({settings.TIME_ZONE})",
            ),
            (pgettext("export", "Exported by"), self.request.user.email),
        ]


EXPORT_COLUMNS = [
    (_("Name"), lambda d: d.name),
    (_("E-mail"), lambda d: d.email),
    (_("Organisation"), lambda d: d.organisation),
    (_("Postcode"), lambda d: d.postcode),
    (_("Département"), lambda d: d.get_territory_display()),
    (_("Planned date"), lambda d: d.planned_date.isoformat()),
    (_("Kit"), lambda d: d.kit.title),
    (_("Association"), lambda d: d.kit.association.name if d.kit.association else ""),
    (_("Status"), lambda d: str(ShownStatus.LABELS[ShownStatus.of(d)])),
    (_("Audience"), lambda d: str(d.get_audience_display())),
    (_("Expected participants"), lambda d: d.expected_participants),
    (_("Reported participants"), lambda d: d.reported_participants),
    (_("Downloads"), lambda d: d.download_count),
    (_("Last download"), lambda d: _when(d.last_download_at)),
    (_("Declared on"), lambda d: _when(d.created_at)),
    (_("Language"), lambda d: d.language),
]


def _when(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _table(rows):
    return [str(heading) for heading, _value in EXPORT_COLUMNS], (
        [value(declaration) for _heading, value in EXPORT_COLUMNS] for declaration in rows
    )


def as_csv(cover, rows):
    """As the indicators' CSV (kits.spreadsheets): a BOM, the cover, a blank line, the table."""
    return spreadsheets.csv_text(cover, *_table(rows))


def as_xlsx(cover, rows):
    """A cover sheet, then the declarations' sheet (the one it opens on)."""
    workbook = spreadsheets.workbook_with_cover(cover)
    sheet = spreadsheets.add_table(workbook, pgettext("export sheet", "Declarations"), *_table(rows))
    return spreadsheets.workbook_bytes(workbook, sheet)


# One record --------------------------------------------------------------------------


class DeclarationRecordView(DeclarationAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """Everything kept about one action, to help the person; "Send the links again" reuses
    services.resend_links_if_due (its interval included)."""

    template_name = "kits/admin/declarations/record.html"
    header_icon = "user"

    @cached_property
    def declaration(self):
        # Another association's declaration is not found: a typed URL learns nothing.
        declaration = get_object_or_404(
            declarations_for(self.scope).select_related("kit__association"), pk=self.kwargs["pk"]
        )
        declaration.shown_status = ShownStatus.of(declaration)
        return declaration

    def get_page_title(self):
        return self.declaration.name

    def get_page_subtitle(self):
        return self.declaration.kit.title

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("kits_declarations"), "label": _("Declared actions")},
            {"url": "", "label": self.declaration.name},
        ]

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        log_access(request, AccessKind.DETAIL, 1, self.scope, declaration=self.declaration)
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        declaration = self.declaration
        if request.POST.get("action") != "resend" or declaration.is_cancelled:
            raise PermissionDenied
        if services.resend_links_if_due(declaration):
            messages.success(
                request,
                _("The e-mail with the download links is on its way to %(email)s.") % {"email": declaration.email},
            )
        else:
            messages.warning(request, _("The links were sent less than an hour ago: not sent again yet."))
        return redirect("kits_declaration", pk=declaration.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        declaration = self.declaration
        context.update(
            {
                "declaration": declaration,
                "status_label": ShownStatus.LABELS[declaration.shown_status],
                "downloads": list(declaration.downloads.select_related("material").order_by("-downloaded_at")),
                # The testimonial's row points here (community.testimonials, a string FK): read
                # through its related name, never imported.
                "testimonials": list(declaration.testimonials.order_by("-created_at")),
                "may_moderate": self.request.user.has_perm("community.change_testimonial"),
                "emails_to_come": declaration.emails_to_come(),
                "links_valid_until": declaration.links_valid_until(timezone.localdate(declaration.links_sent_at))
                if declaration.links_sent_at
                else None,
            }
        )
        return context


# The access log ---------------------------------------------------------------------


class AccessFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("What"), choices=AccessKind.choices)
    at = django_filters.DateFromToRangeFilter(label=_("When"), widget=DateRangePickerWidget)

    class Meta:
        model = DeclarationAccess
        fields = ["kind", "at"]


class AccessLogView(ReportView):
    """Read-only: "Protection des données" and superusers."""

    page_title = _("Access to declarations")
    header_icon = "history"
    index_url_name = "kits_declaration_access"
    index_results_url_name = "kits_declaration_access_results"
    filterset_class = AccessFilterSet
    is_searchable = True
    search_fields = ["user_email", "filters", "scope"]
    search_backend_name = None
    paginate_by = 50
    template_name = "kits/admin/declarations/access_log.html"
    table_classname = "listing kit-declarations"
    columns = [
        CellColumn("at", template="when", label=_("When")),
        CellColumn("user_email", label=_("Who")),
        CellColumn("kind", label=_("What"), accessor="get_kind_display"),
        CellColumn("rows", label=_("Rows shown")),
        CellColumn("scope", label=_("Associations covered")),
        CellColumn("filters", label=_("Filters"), classname="kit-declarations__query"),
        CellColumn("declaration", template="record", label=_("Record")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_authenticated and request.user.has_perm(LOG_PERMISSION)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return DeclarationAccess.objects.all()

    def order_queryset(self, queryset):
        return queryset.order_by("-at", "-pk")
