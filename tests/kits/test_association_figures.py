"""Association spaces, their figures: the indicators report, its dashboard panel and the
CSV and XLSX exports show association staff their associations' kits only, whatever the
URL parameters; the cover sheet names the association; the network keeps the whole view;
the report's query count does not grow with the number of associations."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.associations import staff
from community.associations.factories import AssociationFactory
from community.members.factories import UserFactory
from kits.factories import ActionDeclarationFactory, KitDownloadFactory
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)
from tests.kits.test_indicators import URL, read_csv, read_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(make_kit):  # noqa: F811
    a = AssociationFactory(name="Les Amis du Quartier", slug="amis-du-quartier")
    b = AssociationFactory(name="Bouge ta Ville", slug="bouge-ta-ville")
    a_staff, b_staff = UserFactory(), UserFactory()
    staff.grant(a_staff, a)
    staff.grant(b_staff, b)
    a_kit = make_kit(title="Collecte des Amis", association=a, materials=0)
    b_kit = make_kit(title="Course de Bouge", association=b, materials=0)
    for kit, count, territory in [(a_kit, 2, "75"), (b_kit, 3, "13")]:
        for _ in range(count):
            declaration = ActionDeclarationFactory(kit=kit, territory=territory)
            KitDownloadFactory(declaration=declaration, material=None)
    return {"a": a, "b": b, "a_staff": a_staff, "b_staff": b_staff, "a_kit": a_kit, "b_kit": b_kit}


WIDENING = [
    {},
    {"association": "{b}"},
    {"kit": "{b_kit}"},
    {"association": "{b}", "kit": "{b_kit}"},
    {"association": "", "kit": ""},
    {"departement": "13"},
    {"association": "999999"},
]


def params(figures, raw):
    values = {"b": figures["b"].pk, "b_kit": figures["b_kit"].pk}
    return {key: value.format(**values) for key, value in raw.items()}


@pytest.mark.parametrize("raw", WIDENING)
def test_the_report_shows_their_kits_whatever_the_parameters(client, figures, raw):
    client.force_login(figures["a_staff"])
    html = client.get(URL, params(figures, raw)).content.decode()
    assert "Course de Bouge" not in html and "Bouge ta Ville" not in html
    tables = html[html.index("</form>") :]  # past the filters' dropdowns
    assert "Provence" not in tables  # the région of B's declarations
    if raw in ({}, {"association": "", "kit": ""}):
        assert "Collecte des Amis" in html
        assert "Les chiffres des kits de votre association : Les Amis du Quartier." in html


@pytest.mark.parametrize("raw", WIDENING)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_hold_their_kits_whatever_the_parameters(client, figures, raw, fmt):
    client.force_login(figures["a_staff"])
    for table in ["kits", "departements", "months", "regions"]:
        response = client.get(URL, {**params(figures, raw), "export": fmt, "table": table})
        assert response.status_code == 200
        if fmt == "csv":
            about, header, rows = read_csv(response)
            text = repr(rows)
            assert about["Association"] == "Les Amis du Quartier"
        else:
            workbook = read_xlsx(response)
            cover = {label: value for label, value in workbook["À propos"].values}
            assert cover["Association"] == "Les Amis du Quartier"
            text = repr([list(sheet.values) for sheet in workbook.worksheets[1:]])
        assert "Course de Bouge" not in text and "Bouge ta Ville" not in text and "'13'" not in text


def test_their_kits_figures_are_exact(client, figures):
    client.force_login(figures["a_staff"])
    about, header, rows = read_csv(client.get(URL, {"export": "csv", "table": "kits"}))
    assert [(row[0], row[2]) for row in rows] == [("Collecte des Amis", "2")]
    client.force_login(figures["b_staff"])
    about, header, rows = read_csv(client.get(URL, {"export": "csv", "table": "kits"}))
    assert [(row[0], row[2]) for row in rows] == [("Course de Bouge", "3")]
    assert about["Association"] == "Bouge ta Ville"


def test_the_dashboard_panel_counts_their_kits(client, figures):
    client.force_login(figures["a_staff"])
    html = client.get("/admin/").content.decode()
    panel = html[html.index("data-kit-indicators-panel") :]
    assert "Déclarations : <strong>2</strong>" in panel
    assert "Les Amis du Quartier" in panel


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_the_network_keeps_the_whole_view_and_the_filter(client, figures, group):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert "Course de Bouge" in html and "Collecte des Amis" in html
    assert f'<option value="{figures["b"].pk}">Bouge ta Ville</option>' in html
    about, header, rows = read_csv(client.get(URL, {"export": "csv", "association": figures["b"].pk}))
    assert [row[0] for row in rows] == ["Course de Bouge"]
    assert about["Association"] == "Bouge ta Ville"


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_the_report_query_count_is_constant_whatever_the_number_of_associations(client, figures, make_kit):  # noqa: F811
    user = figures["a_staff"]
    client.force_login(user)
    count_queries(client)  # warm the caches
    two = count_queries(client)
    for n in range(8):
        association = AssociationFactory(name=f"Association budget {n}")
        staff.grant(user, association)
        kit = make_kit(title=f"Kit budget {n}", association=association, materials=0)
        ActionDeclarationFactory(kit=kit, created_at=datetime.datetime(2025, 1, 1 + n, tzinfo=datetime.UTC))
    count_queries(client)  # granting staff changed rights: the user is read again once (core.cached_users)
    ten = count_queries(client)
    assert two == ten
    html = client.get(URL).content.decode()
    assert "Kit budget 7" in html and "Course de Bouge" not in html
