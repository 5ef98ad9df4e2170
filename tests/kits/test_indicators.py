"""Kit indicators: exact figures on a small known data set (medians included, SQLite and
PostgreSQL), the exports (CSV, XLSX parsed with openpyxl), bad filters, the permission and
the query budget, the dashboard panel and the public counters and map."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.associations.factories import AssociationFactory
from kits import indicators
from kits.factories import ActionDeclarationFactory, KitDownloadFactory
from kits.models.declarations import Accreditation, DeclarationStatus

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
URL = "/admin/reports/kit-indicators/"


def at(day):
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=PARIS)


def declare(kit, created, lead, territory="75", email=None, **fields):
    extra = {"email": email} if email else {}
    return ActionDeclarationFactory(
        kit=kit,
        created_at=at(created),
        planned_date=created + datetime.timedelta(days=lead),
        territory=territory,
        **extra,
        **fields,
    )


@pytest.fixture
def dataset(make_kit):
    """Kit A: three active declarations (two by the same person), one reported, one
    cancelled (ignored); leads 10, 20, 40 days → median 20. Kit B: leads 5 and 8 → 6.5."""
    association = AssociationFactory(name="Association témoin")
    kit_a = make_kit(title="Kit témoin A", association=association)
    kit_b = make_kit(title="Kit témoin B")
    first = declare(kit_a, datetime.date(2025, 1, 10), 10, email="a@example.org", expected_participants=10)
    declare(kit_a, datetime.date(2025, 1, 20), 20, email="a@example.org", expected_participants=20)
    third = declare(
        kit_a,
        datetime.date(2025, 2, 5),
        40,
        territory="13",
        status=DeclarationStatus.REPORTED,
        expected_participants=30,
    )
    declare(kit_a, datetime.date(2025, 2, 6), 3, status=DeclarationStatus.CANCELLED, expected_participants=99)
    declare(kit_b, datetime.date(2025, 3, 1), 5, territory="2A", expected_participants=12, accredited=Accreditation.NO)
    declare(kit_b, datetime.date(2025, 3, 2), 8, territory="971", expected_participants=8, accredited=Accreditation.YES)
    KitDownloadFactory.create_batch(2, declaration=first)
    KitDownloadFactory(declaration=third)
    return {"a": kit_a, "b": kit_b, "association": association}


PERIOD = {"start": datetime.date(2025, 1, 1), "end": datetime.date(2025, 3, 31)}


def check_figures(dataset):
    rows = {row["title"]: row for row in indicators.per_kit(PERIOD)}
    a, b = rows["Kit témoin A"], rows["Kit témoin B"]
    assert a["association"] == "Association témoin"
    assert (a["declarations"], a["people"], a["downloads"], a["reported"]) == (3, 2, 3, 1)
    assert a["conversion"] == 33.3
    assert a["median_days"] == 20.0
    assert (a["expected_participants"], a["reported_participants"]) == (60, 30)
    assert (b["declarations"], b["people"], b["downloads"], b["reported"]) == (2, 2, 0, 0)
    assert b["median_days"] == 6.5
    assert b["conversion"] == 0.0
    assert (a["not_accredited"], b["not_accredited"]) == (0, 1)

    departements = {row["code"]: row for row in indicators.per_departement(PERIOD)}
    assert departements["75"]["declarations"] == 2
    assert departements["75"]["people"] == 1
    assert departements["13"]["reported"] == 1
    assert departements["2A"]["region"] == "Corse"
    regions = {row["region"]: row for row in indicators.per_region(indicators.per_departement(PERIOD))}
    assert regions["Île-de-France"]["declarations"] == 2
    assert regions["Guadeloupe"]["declarations"] == 1
    months = [(row["label"], row["declarations"], row["reported"]) for row in indicators.per_month(PERIOD)]
    assert months == [("2025-01", 2, 0), ("2025-02", 1, 1), ("2025-03", 2, 0)]
    totals = indicators.totals(PERIOD)
    assert (totals["declarations"], totals["people"], totals["downloads"], totals["departements"]) == (5, 4, 3, 4)
    assert totals["not_accredited"] == 1


def test_figures_on_a_known_data_set(dataset):
    check_figures(dataset)


@pytest.mark.postgres
def test_figures_on_postgresql_use_percentile_cont(dataset):
    assert connection.vendor == "postgresql"
    check_figures(dataset)


def test_filters_narrow_the_figures(dataset):
    by_kit = indicators.per_kit({**PERIOD, "kit": dataset["b"]})
    assert [row["title"] for row in by_kit] == ["Kit témoin B"]
    by_association = indicators.per_kit({**PERIOD, "association": dataset["association"]})
    assert [row["title"] for row in by_association] == ["Kit témoin A"]
    by_territory = indicators.per_kit({**PERIOD, "departement": "13"})
    assert [(row["title"], row["declarations"]) for row in by_territory] == [("Kit témoin A", 1)]
    january = indicators.totals({"start": datetime.date(2025, 1, 1), "end": datetime.date(2025, 1, 31)})
    assert january["declarations"] == 2


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("indicators-editor", "ed@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_editors_and_moderators_hold_the_permission():
    for name in ("Editors", "Moderators"):
        assert Group.objects.get(name=name).permissions.filter(codename="view_indicators").exists()


def test_report_page_shows_the_tables(dataset, editor, client):
    response = client.get(URL, {"start": "2025-01-01", "end": "2025-03-31"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Kit témoin A" in content
    assert 'data-table="departements"' in content
    assert "<svg" in content
    assert "2025-02" in content


def test_staff_without_the_permission_is_refused(client):
    user = get_user_model().objects.create_user("no-indicators", "no@example.org", "pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail turns PermissionDenied into a redirect to the dashboard, with a message.
    response = client.get(URL)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.get(URL, {"export": "csv"}).status_code == 302
    client.logout()
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_nonsense_filters_show_a_message_and_the_unfiltered_report(dataset, editor, client):
    response = client.get(URL, {"start": "2025-03-31", "end": "2025-01-01"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Kit témoin A" in content
    assert "ne peuvent pas" in content or "cannot be applied" in content
    response = client.get(URL, {"kit": "999999"})
    assert response.status_code == 200
    assert "Kit témoin B" in response.content.decode()


def test_csv_export(dataset, editor, client):
    response = client.get(URL, {**{k: v.isoformat() for k, v in PERIOD.items()}, "export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="indicateurs-kits.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, body = rows[0], {row[0]: row for row in rows[1:]}
    assert len(header) == 11
    a = body["Kit témoin A"]
    assert a[1:] == ["Association témoin", "3", "2", "3", "1", "33.3", "20.0", "60", "30", "0"]
    assert body["Kit témoin B"][-1] == "1"


def test_xlsx_exports_of_each_table(dataset, editor, client):
    params = {k: v.isoformat() for k, v in PERIOD.items()}
    response = client.get(URL, {**params, "export": "xlsx", "table": "departements"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert len(values[0]) == 8
    codes = {row[0]: row for row in values[1:]}
    assert codes["75"][1:4] == ("Paris", "Île-de-France", 2)
    response = client.get(URL, {**params, "export": "xlsx", "table": "months"})
    months = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)
    assert months[1:] == [("2025-01", 2, 0), ("2025-02", 1, 1), ("2025-03", 2, 0)]
    response = client.get(URL, {**params, "export": "xlsx", "table": "regions"})
    assert len(list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)) == 5


def test_exports_of_an_empty_period_are_valid_empty_files(editor, client):
    params = {"start": "1990-01-01", "end": "1990-12-31"}
    response = client.get(URL, {**params, "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    response = client.get(URL, {**params, "export": "xlsx"})
    assert len(list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)) == 1


def count_report_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_query_count_is_constant_whatever_the_number_of_kits(make_kit, editor, client):
    def seed(count):
        for n in range(count):
            kit = make_kit(title=f"Kit budget {count}-{n}", materials=0)
            declaration = declare(kit, datetime.date(2025, 1, 1 + n % 28), 10, territory=f"{10 + n % 80}")
            KitDownloadFactory(declaration=declaration, material=None)

    seed(5)
    count_report_queries(client)  # warm the caches
    five = count_report_queries(client)
    seed(25)
    thirty = count_report_queries(client)
    assert five == thirty
    assert five <= 25


def test_dashboard_panel(dataset, editor, client):
    response = client.get("/admin/")
    assert b"data-kit-indicators-panel" in response.content
    assert reverse("kits_indicators").encode() in response.content


def test_home_counters_leave_cancelled_declarations_out(dataset, client):
    expected = indicators.public_counts()
    response = client.get("/")
    content = response.content.decode()
    assert "data-impact-counters" in content
    assert f"<strong>{expected['actions']}</strong>" in content
    assert f"<strong>{expected['departements']}</strong>" in content
    from kits.models import ActionDeclaration

    active = ActionDeclaration.objects.exclude(status=DeclarationStatus.CANCELLED)
    people = sum(d.reported_participants or d.expected_participants for d in active)
    assert expected == {
        "actions": active.count(),
        "people": people,
        "departements": active.values("territory").distinct().count(),
    }
    assert f"<strong>{expected['people']}</strong>" in content


def test_local_actions_page_shows_the_map_and_its_table(dataset, client):
    counts = indicators.actions_by_territory()
    response = client.get("/actions-locales/")
    content = response.content.decode()
    assert 'data-departement="2A"' in content
    assert 'data-departement="988"' in content
    assert 'href="/actions-locales/?departement=13"' in content
    assert "<table data-actions-table>" in content
    assert f"Bouches-du-Rhône (13)</a></th><td>{counts['13']}</td>" in content
    response = client.get("/actions-locales/", {"departement": "13"})
    assert "data-selected-departement" in response.content.decode()
    response = client.get("/en/local-actions/")
    if response.status_code == 200:
        assert 'href="/en/local-actions/?departement=13"' in response.content.decode()
