"""Kit indicators: exact figures on a small known data set (medians included, SQLite and
PostgreSQL), the exports (CSV, XLSX parsed with openpyxl) and what they say they cover,
bad filters, the permission and the query budget, the dashboard panel and the public
counters and map."""

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
from django.utils import timezone, translation

from community.associations.factories import AssociationFactory
from kits import indicators, indicators_export
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
    for export in ("csv", "xlsx"):
        response = client.get(URL, {"export": export, "table": "departements"})
        assert (response.status_code, response["Location"]) == (302, "/admin/")
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


def download(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def filename_of(response):
    return response["Content-Disposition"].removeprefix('attachment; filename="').removesuffix('"')


def read_csv(response):
    """(the description as {label: text}, the header, the rows): the file is UTF-8 with a
    BOM, its description, one blank line, then the table."""
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    blank = rows.index([])
    return dict(rows[:blank]), rows[blank + 1], rows[blank + 2 :]


def read_xlsx(response):
    return load_workbook(io.BytesIO(response.content))


ISO_PERIOD = {key: value.isoformat() for key, value in PERIOD.items()}


def test_csv_export_says_what_it_covers(dataset, editor, client, settings):
    settings.BASE_URL = "https://relais.example.org"
    response = download(client, **ISO_PERIOD, export="csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert filename_of(response) == "indicateurs-kits-2025-01-01_2025-03-31.csv"
    about, header, rows = read_csv(response)
    assert list(about) == [
        "Rapport",
        "Site",
        "Ce qui est compté",
        "Période",
        "Kit",
        "Association",
        "Département",
        "Exporté le",
    ]
    assert about["Rapport"] == "Indicateurs des kits"
    assert about["Site"] == "https://relais.example.org"
    assert about["Ce qui est compté"].startswith("Une ligne par kit : les déclarations faites pendant la période")
    assert about["Période"] == "du 1 janvier 2025 au 31 mars 2025"
    assert (about["Kit"], about["Association"], about["Département"]) == ("tous", "toutes", "tous")
    assert str(timezone.localdate().year) in about["Exporté le"]
    assert len(header) == 11
    assert header[:3] == ["Kit", "Association", "Déclarations"]
    body = {row[0]: row for row in rows}
    assert body["Kit témoin A"][1:] == ["Association témoin", "3", "2", "3", "1", "33.3", "20.0", "60", "30", "0"]
    assert body["Kit témoin B"][-1] == "1"


def test_csv_export_names_its_filters(dataset, editor, client):
    params = {
        "start": "2025-01-01",
        "kit": dataset["a"].pk,
        "association": dataset["association"].pk,
        "departement": "13",
        "table": "departements",
        "export": "csv",
    }
    response = download(client, **params)
    assert filename_of(response) == "indicateurs-departements-depuis-2025-01-01.csv"
    about, header, rows = read_csv(response)
    assert about["Période"] == "depuis le 1 janvier 2025"
    assert about["Kit"] == "Kit témoin A"
    assert about["Association"] == "Association témoin"
    assert about["Département"] == "13 Bouches-du-Rhône"
    assert about["Ce qui est compté"].startswith("Une ligne par département")
    assert header[0] == "Code"
    assert [row[:4] for row in rows] == [["13", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", "1"]]


def test_the_description_gives_the_local_date_and_time_of_the_export():
    exported_at = datetime.datetime(2025, 4, 2, 7, 30, tzinfo=datetime.UTC)
    with translation.override("fr"):
        about = dict(indicators_export.about({"end": datetime.date(2025, 3, 31)}, ("months",), exported_at))
    assert about["Exporté le"] == "2 avril 2025 09:30 (Europe/Paris)"
    assert about["Période"] == "jusqu'au 31 mars 2025"
    assert about["Ce qui est compté"].startswith("Une ligne par mois")


def test_xlsx_export_has_a_cover_and_one_sheet_per_table(dataset, editor, client, settings):
    settings.BASE_URL = "https://relais.example.org"
    response = download(client, **ISO_PERIOD, export="xlsx", table="departements")
    assert filename_of(response) == "indicateurs-departements-2025-01-01_2025-03-31.xlsx"
    workbook = read_xlsx(response)
    assert workbook.sheetnames == ["À propos", "Kits", "Mois", "Départements", "Régions"]
    assert workbook.active.title == "Départements"  # the table asked for
    assert [sheet.title for sheet in workbook.worksheets if sheet.sheet_view.tabSelected] == ["Départements"]

    cover = {}
    for label, text in workbook["À propos"].values:
        cover.setdefault(label, []).append(text)
    assert cover["Rapport"] == ["Indicateurs des kits"]
    assert cover["Site"] == ["https://relais.example.org"]
    assert cover["Période"] == ["du 1 janvier 2025 au 31 mars 2025"]
    assert (cover["Kit"], cover["Association"], cover["Département"]) == (["tous"], ["toutes"], ["tous"])
    assert len(cover["Exporté le"]) == 1
    counted = cover["Ce qui est compté"] + cover[None]  # one line per table, labelled once
    assert [text.split(" — ")[0] for text in counted] == ["Kits", "Mois", "Départements", "Régions"]

    kits = list(workbook["Kits"].values)
    assert kits[0][:3] == ("Kit", "Association", "Déclarations")
    assert {row[0]: row for row in kits[1:]}["Kit témoin A"][2:6] == (3, 2, 3, 1)
    departements = list(workbook["Départements"].values)
    assert len(departements[0]) == 8
    assert {row[0]: row for row in departements[1:]}["75"][1:4] == ("Paris", "Île-de-France", 2)
    assert list(workbook["Mois"].values)[1:] == [("2025-01", 2, 0), ("2025-02", 1, 1), ("2025-03", 2, 0)]
    assert len(list(workbook["Régions"].values)) == 5


def test_xlsx_export_without_a_period(dataset, editor, client):
    response = download(client, export="xlsx")
    assert filename_of(response) == "indicateurs-kits-toutes-dates.xlsx"
    workbook = read_xlsx(response)
    assert workbook.active.title == "Kits"
    cover = dict(row for row in workbook["À propos"].values if row[0])
    assert cover["Période"] == "toutes les dates"


def test_text_typed_by_editors_is_never_a_formula(make_kit, editor, client):
    kit = make_kit(title='=HYPERLINK("https://example.org","clic")')
    declare(kit, datetime.date(2025, 1, 10), 10)
    _about, _header, rows = read_csv(download(client, **ISO_PERIOD, export="csv"))
    assert rows[0][0] == '\'=HYPERLINK("https://example.org","clic")'
    cell = read_xlsx(download(client, **ISO_PERIOD, export="xlsx"))["Kits"]["A2"]
    assert (cell.data_type, cell.value) == ("s", kit.title)


def test_exports_of_an_empty_period_are_valid_empty_files(editor, client):
    params = {"start": "1990-01-01", "end": "1990-12-31"}
    about, header, rows = read_csv(download(client, **params, export="csv"))
    assert about["Période"] == "du 1 janvier 1990 au 31 décembre 1990"
    assert header and rows == []
    workbook = read_xlsx(download(client, **params, export="xlsx"))
    assert [len(list(workbook[name].values)) for name in ("Kits", "Mois", "Départements", "Régions")] == [1, 1, 1, 1]


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
    assert f"Bouches-du-Rhône (13)</a></th><td>0</td><td>{counts['13']}</td>" in content  # told, declared
    response = client.get("/actions-locales/", {"departement": "13"})
    assert "data-selected-departement" in response.content.decode()
    response = client.get("/en/local-actions/")
    if response.status_code == 200:
        assert 'href="/en/local-actions/?departement=13"' in response.content.decode()
