"""Kit indicators: every figure is an SQL aggregate (GROUP BY), whatever the number of kits.

The report runs a constant number of queries: one per table (kits, downloads per kit,
départements, months) plus, on SQLite only, one ordered query for the medians
(SQLite has no percentile_cont, docs/traps.md)."""

from statistics import median

from django.db import connection
from django.db.models import Aggregate, Count, F, FloatField, Func, IntegerField, Q, Sum
from django.db.models.functions import Coalesce, TruncDate, TruncMonth

from core.territories import DEPARTEMENTS, region_for
from kits.models import ActionDeclaration, KitDownload, KitPage
from kits.models.declarations import Accreditation, DeclarationStatus

REPORTED = Q(status=DeclarationStatus.REPORTED)
# School kits record whether the person was a recognised accredited volunteer.
NOT_ACCREDITED = Q(accredited=Accreditation.NO)


class Median(Aggregate):
    """PostgreSQL's percentile_cont(0.5): the median of a numeric expression."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()
    allow_distinct = False


class DaysBetween(Func):
    """Whole days from the second date to the first one."""

    arity = 2
    output_field = IntegerField()
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def lead_days():
    """Days from the declaration (its local date) to the planned date of the action."""
    return DaysBetween(F("planned_date"), TruncDate("created_at"))


def _conditions(filters, prefix=""):
    """The report's filters as a Q on ActionDeclaration (or through `prefix`, on a
    model that points to it), cancelled declarations always left out."""
    filters = filters or {}
    condition = ~Q(**{f"{prefix}status": DeclarationStatus.CANCELLED})
    lookups = {
        "start": "created_at__date__gte",
        "end": "created_at__date__lte",
        "kit": "kit",
        "association": "kit__association",
        "departement": "territory",
    }
    for key, lookup in lookups.items():
        if filters.get(key):
            condition &= Q(**{f"{prefix}{lookup}": filters[key]})
    # Association staff: their associations' kits, whatever else is asked (None: the network).
    if filters.get("scope") is not None:
        condition &= Q(**{f"{prefix}kit__association__in": filters["scope"]})
    return condition


def declarations(filters=None):
    """Active (not cancelled) declarations narrowed by the report's filters."""
    return ActionDeclaration.objects.filter(_conditions(filters))


def downloads(filters=None):
    """Downloads of the same declarations, by a plain join (no IN subquery)."""
    return KitDownload.objects.filter(_conditions(filters, prefix="declaration__"))


def _rate(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


def _funnel(**extra):
    return {
        "declarations": Count("id"),
        "people": Count("email_hash", distinct=True),
        "reported": Count("id", filter=REPORTED),
        "not_accredited": Count("id", filter=NOT_ACCREDITED),
        "expected_total": Sum("expected_participants"),
        # Reported actions count the participants their testimonial reported (older rows: expected).
        "reported_total": Sum(Coalesce("reported_participants", "expected_participants"), filter=REPORTED),
        **extra,
    }


def _participants(row):
    row["expected_participants"] = row.pop("expected_total") or 0
    row["reported_participants"] = row.pop("reported_total") or 0


def per_kit(filters=None):
    """One row per kit: the funnel from declaration to report, with the median lead time.
    Grouped by the kit's id alone (a narrow sort); titles come in one more query."""
    base = declarations(filters)
    postgres = connection.vendor == "postgresql"
    extra = {"median_days": Median(lead_days())} if postgres else {}
    rows = list(base.values("kit").annotate(**_funnel(**extra)).order_by())
    kits = KitPage.objects.filter(pk__in=[row["kit"] for row in rows])
    names = {kit["pk"]: kit for kit in kits.values("pk", "title", "association__name")}
    download_counts = dict(downloads(filters).values_list("declaration__kit").annotate(count=Count("id")).order_by())
    if not postgres:
        days = {}
        for kit, value in base.annotate(days=lead_days()).values_list("kit", "days").order_by("kit", "days"):
            days.setdefault(kit, []).append(value)
    for row in rows:
        row["title"] = names[row["kit"]]["title"]
        row["association"] = names[row["kit"]]["association__name"] or ""
        row["downloads"] = download_counts.get(row["kit"], 0)
        _participants(row)
        row["conversion"] = _rate(row["reported"], row["declarations"])
        value = row["median_days"] if postgres else median(days[row["kit"]])
        row["median_days"] = round(float(value), 1) if value is not None else None
    rows.sort(key=lambda row: (-row["declarations"], row["title"]))
    return rows


def per_departement(filters=None):
    rows = list(declarations(filters).values("territory").annotate(**_funnel()).order_by("-declarations", "territory"))
    for row in rows:
        code = row["territory"]
        row["code"] = code
        row["name"] = DEPARTEMENTS.get(code, code)
        row["region"] = region_for(code) or "—"
        _participants(row)
        row["conversion"] = _rate(row["reported"], row["declarations"])
    return rows


def per_region(departement_rows):
    """Folds the département rows (already aggregated in SQL) into régions: unique people
    are not additive across départements, so the région table leaves them out."""
    regions = {}
    for row in departement_rows:
        region = regions.setdefault(
            row["region"],
            {"region": row["region"], "declarations": 0, "reported": 0, "expected_participants": 0, "departements": 0},
        )
        region["declarations"] += row["declarations"]
        region["reported"] += row["reported"]
        region["expected_participants"] += row["expected_participants"]
        region["departements"] += 1
    rows = sorted(regions.values(), key=lambda r: (-r["declarations"], r["region"]))
    for row in rows:
        row["conversion"] = _rate(row["reported"], row["declarations"])
    return rows


def per_month(filters=None):
    rows = list(
        declarations(filters)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(declarations=Count("id"), reported=Count("id", filter=REPORTED))
        .order_by("month")
    )
    top = max((row["declarations"] for row in rows), default=0)
    for index, row in enumerate(rows):
        row["label"] = row["month"].strftime("%Y-%m")
        row["height"] = round(160 * row["declarations"] / top) if top else 0
        row["y"] = 180 - row["height"]
        row["x"] = 48 * index + 6
    return rows


def totals(filters=None, kit_rows=None, departement_rows=None):
    """Headline figures. Given the tables already computed for the report page, the
    additive figures are summed from them; only unique people need one more query."""
    if kit_rows is None or departement_rows is None:
        return _totals_alone(filters)
    figures = {
        key: sum(row[key] for row in departement_rows)
        for key in ("declarations", "reported", "not_accredited", "expected_participants")
    }
    figures["people"] = declarations(filters).aggregate(people=Count("email_hash", distinct=True))["people"]
    figures["departements"] = len(departement_rows)
    figures["downloads"] = sum(row["downloads"] for row in kit_rows)
    figures["conversion"] = _rate(figures["reported"], figures["declarations"])
    return figures


def _totals_alone(filters):
    """The headline figures in one aggregate and a count (the dashboard panel)."""
    figures = declarations(filters).aggregate(
        declarations=Count("id"),
        people=Count("email_hash", distinct=True),
        reported=Count("id", filter=REPORTED),
        not_accredited=Count("id", filter=NOT_ACCREDITED),
        departements=Count("territory", distinct=True),
        expected_total=Sum("expected_participants"),
    )
    figures["expected_participants"] = figures.pop("expected_total") or 0
    figures["downloads"] = downloads(filters).count()
    figures["conversion"] = _rate(figures["reported"], figures["declarations"])
    return figures


def public_counts():
    """The home page's counters, cancelled actions left out: actions, the people they reach
    (the count told in the story once approved, else the one planned) and territories."""
    counts = ActionDeclaration.objects.active().aggregate(
        actions=Count("id"),
        people=Sum(Coalesce("reported_participants", "expected_participants")),
        departements=Count("territory", distinct=True),
    )
    counts["people"] = counts["people"] or 0
    return counts


def actions_by_territory():
    return dict(ActionDeclaration.objects.active().values_list("territory").annotate(n=Count("id")).order_by())


def per_kit_since(filters, periods):
    """{kit id: {period: {"declarations", "downloads", "reported"}}} for each period of
    `periods` ({name: first day}), counted by the declaration's date as in the report:
    one aggregate over the declarations and one over the downloads, whatever the number of
    kits and periods. `filters` narrows as the report does (its `start` should be the
    earliest period's)."""

    def since(day, prefix=""):
        return Q(**{f"{prefix}created_at__date__gte": day})

    counts = {}
    for name, day in periods.items():
        counts[f"{name}__declarations"] = Count("id", filter=since(day))
        counts[f"{name}__reported"] = Count("id", filter=since(day) & REPORTED)
    rows = declarations(filters).values("kit").annotate(**counts).order_by()
    download_counts = {
        f"{name}__downloads": Count("id", filter=since(day, "declaration__")) for name, day in periods.items()
    }
    downloaded = {
        row.pop("declaration__kit"): row
        for row in downloads(filters).values("declaration__kit").annotate(**download_counts).order_by()
    }
    figures = {}
    for row in rows:
        kit = row.pop("kit")
        row.update(downloaded.get(kit, {}))
        figures[kit] = {
            name: {figure: row.get(f"{name}__{figure}", 0) for figure in ("declarations", "downloads", "reported")}
            for name in periods
        }
    return figures
