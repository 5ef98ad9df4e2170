"""The indicators' CSV and XLSX files: a file sent on its own says what it counts — the
report, the site, what a row is, the period, the filters and when it was exported — and
its name carries the period. The XLSX holds every table, one sheet each, after a cover
sheet; the table asked for is the sheet it opens on."""

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from core.territories import DEPARTEMENTS
from kits import indicators, spreadsheets

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# The report's tables, in the order the report page shows them.
TABLES = {
    "kits": {
        "columns": [
            "title",
            "association",
            "declarations",
            "people",
            "downloads",
            "reported",
            "conversion",
            "median_days",
            "expected_participants",
            "reported_participants",
            "not_accredited",
        ],
        "filename": "indicateurs-kits",
        "sheet": pgettext_lazy("export sheet", "Kits"),
        "counts": gettext_lazy(
            "One row per kit: the declarations made in the period (cancelled ones left out), the unique "
            "people who made them, the downloads of the kit's materials, the actions reported afterwards "
            "and their participants."
        ),
    },
    "months": {
        "columns": ["label", "declarations", "reported"],
        "filename": "indicateurs-mois",
        "sheet": pgettext_lazy("export sheet", "Months"),
        "counts": gettext_lazy(
            "One row per month: the declarations made that month (cancelled ones left out) and how many "
            "of them have been reported since."
        ),
    },
    "departements": {
        "columns": [
            "code",
            "name",
            "region",
            "declarations",
            "people",
            "reported",
            "conversion",
            "expected_participants",
        ],
        "filename": "indicateurs-departements",
        "sheet": pgettext_lazy("export sheet", "Départements"),
        "counts": gettext_lazy(
            "One row per département where an action was declared: the declarations made in the period "
            "(cancelled ones left out), unique people, reported actions and expected participants."
        ),
    },
    "regions": {
        "columns": ["region", "departements", "declarations", "reported", "conversion", "expected_participants"],
        "filename": "indicateurs-regions",
        "sheet": pgettext_lazy("export sheet", "Régions"),
        "counts": gettext_lazy(
            "One row per région, the sum of its départements' rows; unique people are left out, since "
            "one person may act in several départements."
        ),
    },
}

HEADINGS = {
    "title": gettext_lazy("Kit"),
    "association": gettext_lazy("Association"),
    "declarations": gettext_lazy("Declarations"),
    "people": gettext_lazy("Unique people"),
    "downloads": gettext_lazy("Downloads"),
    "reported": gettext_lazy("Reported actions"),
    "conversion": gettext_lazy("Declared → reported (%)"),
    "median_days": gettext_lazy("Median days from declaration to action"),
    "expected_participants": gettext_lazy("Expected participants"),
    "reported_participants": gettext_lazy("Reported participants"),
    "not_accredited": gettext_lazy("School actions by volunteers not yet accredited"),
    "code": gettext_lazy("Code"),
    "name": gettext_lazy("Département"),
    "region": gettext_lazy("Région"),
    "departements": gettext_lazy("Départements"),
    "label": gettext_lazy("Month"),
}


# A cell starting with one of these is a formula to a spreadsheet: kit titles and
# association names are typed by editors, so the CSV quotes them (OWASP "CSV injection").
def rows(table, filters):
    if table == "departements":
        return indicators.per_departement(filters)
    if table == "regions":
        return indicators.per_region(indicators.per_departement(filters))
    if table == "months":
        return indicators.per_month(filters)
    return indicators.per_kit(filters)


def _day(value):
    return date_format(value, "DATE_FORMAT")


def period(filters):
    start, end = filters.get("start"), filters.get("end")
    if start and end:
        return pgettext("export", "from %(start)s to %(end)s") % {"start": _day(start), "end": _day(end)}
    if start:
        return pgettext("export", "since %(start)s") % {"start": _day(start)}
    if end:
        return pgettext("export", "until %(end)s") % {"end": _day(end)}
    return pgettext("export", "all dates")


def about(filters, tables=tuple(TABLES), exported_at=None):
    """The lines (label, text) that describe a file: one "what is counted" line per table."""
    filters = filters or {}
    exported_at = timezone.localtime(exported_at or timezone.now())
    several = len(tables) > 1
    counted = [
        f"{TABLES[table]['sheet']} — {TABLES[table]['counts']}" if several else str(TABLES[table]["counts"])
        for table in tables
    ]
    departement = filters.get("departement")
    return [
        (pgettext("export", "Report"), str(_("Kit indicators"))),
        (pgettext("export", "Site"), settings.BASE_URL),
        *[(pgettext("export", "What is counted") if n == 0 else "", text) for n, text in enumerate(counted)],
        (pgettext("export", "Period"), period(filters)),
        (pgettext("export", "Kit"), filters["kit"].title if filters.get("kit") else pgettext("export", "all kits")),
        (
            pgettext("export", "Association"),
            association_line(filters),
        ),
        (
            pgettext("export", "Département"),
            f"{departement} {DEPARTEMENTS.get(departement, '')}".strip()
            if departement
            else pgettext("export", "all départements"),
        ),
        (
            pgettext("export", "Exported on"),
            f"{date_format(exported_at, 'DATETIME_FORMAT')} ({settings.TIME_ZONE})",
        ),
    ]


def association_line(filters):
    if filters.get("association"):
        return filters["association"].name
    if filters.get("scope") is not None:  # association staff: what their file covers
        return ", ".join(filters.get("scope_names", [])) or pgettext("export", "no association")
    return pgettext("export", "all associations")


def filename(table, filters, fmt):
    """indicateurs-kits-2025-01-01_2025-03-31.csv, indicateurs-kits-toutes-dates.xlsx…"""
    start, end = filters.get("start"), filters.get("end")
    if start and end:
        span = f"{start.isoformat()}_{end.isoformat()}"
    elif start:
        span = f"depuis-{start.isoformat()}"
    elif end:
        span = f"jusqu-au-{end.isoformat()}"
    else:
        span = "toutes-dates"
    return f"{TABLES[table]['filename']}-{span}.{fmt}"


def headings(table):
    return [str(HEADINGS[column]) for column in TABLES[table]["columns"]]


def as_csv(table, filters, exported_at=None):
    """The cover for this table, then the table (kits.spreadsheets)."""
    cover = about(filters, tables=(table,), exported_at=exported_at)
    columns = TABLES[table]["columns"]
    return spreadsheets.csv_text(cover, headings(table), ([row[c] for c in columns] for row in rows(table, filters)))


def as_xlsx(table, filters, exported_at=None):
    """A cover sheet, then one sheet per table; it opens on `table`'s sheet."""
    workbook = spreadsheets.workbook_with_cover(about(filters, exported_at=exported_at))
    active = workbook.active
    departements = indicators.per_departement(filters)
    tables = {
        "kits": indicators.per_kit(filters),
        "months": indicators.per_month(filters),
        "departements": departements,
        "regions": indicators.per_region(departements),
    }
    for name, table_rows in tables.items():
        columns = TABLES[name]["columns"]
        sheet = spreadsheets.add_table(
            workbook, str(TABLES[name]["sheet"]), headings(name), ([row[c] for c in columns] for row in table_rows)
        )
        if name == table:
            active = sheet
    return spreadsheets.workbook_bytes(workbook, active)


def export_file(table, filters, fmt):
    """The HTTP response carrying one export; `fmt` is "csv" or "xlsx"."""
    table = table if table in TABLES else "kits"
    filters = filters or {}
    content = as_xlsx(table, filters) if fmt == XLSX else as_csv(table, filters)
    fmt = XLSX if fmt == XLSX else CSV
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename(table, filters, fmt)}"'
    return response
