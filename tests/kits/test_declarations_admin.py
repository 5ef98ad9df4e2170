"""Admin → "Actions déclarées" (decision 0030): association staff see the declarations of
their associations' kits only, whatever the URL parameters — listing, record typed by
address, CSV and XLSX; "Protection des données" sees every one; Editors, Moderators and
everyone else are refused. Every page, record and export writes one access row with the
number of rows shown; the log is for data protection, and its rows go after a year. The
listing's query count does not grow with the number of declarations."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community.associations import staff
from community.associations.factories import AssociationFactory
from community.members.factories import UserFactory
from core import personal_data
from kits import declarations_admin
from kits.factories import ActionDeclarationFactory, KitDownloadFactory
from kits.models import AccessKind, DeclarationAccess, DeclarationStatus
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)
from tests.kits.test_indicators import read_csv, read_xlsx

pytestmark = pytest.mark.django_db

URL = "/admin/declarations/"
LOG_URL = "/admin/reports/declaration-access/"
DATA_PROTECTION = "Protection des données"


def member_of(*groups):
    user = UserFactory()
    user.groups.set(Group.objects.filter(name__in=groups))
    assert user.groups.count() == len(groups)
    return user


def refused(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def declared(make_kit):  # noqa: F811
    a = AssociationFactory(name="Les Amis du Quartier", slug="amis-du-quartier")
    b = AssociationFactory(name="Bouge ta Ville", slug="bouge-ta-ville")
    a_staff, b_staff = UserFactory(email="alice@amis.example.org"), UserFactory()
    staff.grant(a_staff, a)
    staff.grant(b_staff, b)
    a_kit = make_kit(title="Collecte des Amis", association=a)
    a_other = make_kit(title="Troc des Amis", association=a, materials=0)
    b_kit = make_kit(title="Course de Bouge", association=b, materials=0)
    a_rows = [
        ActionDeclarationFactory(kit=a_kit, name="Agathe Amie", email="agathe@example.org", territory="75"),
        ActionDeclarationFactory(kit=a_other, name="Armand Ami", email="armand@example.org", territory="35"),
    ]
    KitDownloadFactory(declaration=a_rows[0])
    b_rows = [
        ActionDeclarationFactory(kit=b_kit, name="Basile Bougeur", email="basile@example.org", territory="13"),
        ActionDeclarationFactory(kit=b_kit, name="Berthe Bougeuse", email="berthe@example.org", territory="75"),
    ]
    return {
        "a": a,
        "b": b,
        "a_staff": a_staff,
        "b_staff": b_staff,
        "a_kit": a_kit,
        "a_other": a_other,
        "b_kit": b_kit,
        "a_rows": a_rows,
        "b_rows": b_rows,
    }


B_NAMES = ("Basile Bougeur", "Berthe Bougeuse", "basile@example.org", "berthe@example.org", "Course de Bouge")

WIDENING = [
    {},
    {"kit": "{b_kit}"},
    {"kit": "999999"},
    {"territory": "13"},
    {"territory": "75"},
    {"q": "Basile"},
    {"q": "example.org"},
    {"shown_status": "declared"},
    {"planned_date_from": "2000-01-01", "planned_date_to": "2100-01-01"},
    {"planned_date_from": "not-a-date"},
    {"association": "{b}"},
    {"p": "2"},
    {"ordering": "name"},
]


def params(declared, raw):
    values = {"b": declared["b"].pk, "b_kit": declared["b_kit"].pk}
    return {key: value.format(**values) for key, value in raw.items()}


@pytest.mark.parametrize("raw", WIDENING)
def test_association_staff_see_their_declarations_whatever_the_parameters(client, declared, raw):
    client.force_login(declared["a_staff"])
    for url in (URL, reverse("kits_declarations_results")):
        response = client.get(url, params(declared, raw))
        assert response.status_code == 200
        html = response.content.decode()
        for name in B_NAMES:
            assert name not in html, (raw, name)
    if raw in ({}, {"q": "example.org"}):
        assert "Agathe Amie" in html and "Armand Ami" in html and "agathe@example.org" in html


def test_the_listing_shows_who_contact_where_when_kit_and_status(client, declared):
    a_rows = declared["a_rows"]
    ActionDeclarationFactory(kit=declared["a_kit"], name="Colette Annulée", status=DeclarationStatus.CANCELLED)
    ActionDeclarationFactory(kit=declared["a_kit"], name="Rémi Raconté", status=DeclarationStatus.REPORTED)
    client.force_login(declared["a_staff"])
    html = client.get(URL).content.decode()
    assert "Les Amis du Quartier" in html  # the scope is named
    for text in ("Agathe Amie", "agathe@example.org", "Paris (75)", "Collecte des Amis", "Troc des Amis"):
        assert text in html
    assert reverse("kits_declaration", args=[a_rows[0].pk]) in html
    # Newest first; the statuses, "downloaded" derived from the download.
    assert html.index("Rémi Raconté") < html.index("Colette Annulée") < html.index("Armand Ami")
    assert html.index("Armand Ami") < html.index("Agathe Amie")
    row = html[html.index("Agathe Amie") :]
    assert "Téléchargée" in row[: row.index("</tr>")]
    row = html[html.index("Armand Ami") :]
    assert "Déclarée" in row[: row.index("</tr>")]
    row = html[html.index("Colette Annulée") :]
    assert "Annulée" in row[: row.index("</tr>")]
    row = html[html.index("Rémi Raconté") :]
    assert "Racontée" in row[: row.index("</tr>")]


@pytest.mark.parametrize(
    "raw, shown",
    [
        ({"kit": "{a_other}"}, {"Armand Ami"}),
        ({"territory": "75"}, {"Agathe Amie"}),
        ({"q": "agathe"}, {"Agathe Amie"}),
        ({"q": "35"}, {"Armand Ami"}),  # the postcode's département… and a postcode search
        ({"shown_status": "downloaded"}, {"Agathe Amie"}),
        ({"shown_status": "declared"}, {"Armand Ami"}),
    ],
)
def test_the_filters_and_search_narrow_the_list(client, declared, raw, shown):
    declared["a_rows"][1].postcode = "35000"
    declared["a_rows"][1].save()
    client.force_login(declared["a_staff"])
    values = {"a_other": declared["a_other"].pk}
    html = client.get(URL, {key: value.format(**values) for key, value in raw.items()}).content.decode()
    assert {name for name in ("Agathe Amie", "Armand Ami") if name in html} == shown


def test_the_period_filters_the_planned_date(client, declared):
    today = timezone.localdate()
    late = ActionDeclarationFactory(
        kit=declared["a_kit"], name="Lucie Lointaine", planned_date=today + datetime.timedelta(days=200)
    )
    client.force_login(declared["a_staff"])
    after = (today + datetime.timedelta(days=100)).isoformat()
    html = client.get(URL, {"planned_date_from": after}).content.decode()
    assert late.name in html and "Agathe Amie" not in html


def test_another_associations_kit_in_the_filter_gives_nothing(client, declared):
    client.force_login(declared["a_staff"])
    html = client.get(URL, {"kit": declared["b_kit"].pk}).content.decode()
    assert "Agathe Amie" not in html and "Basile Bougeur" not in html
    assert DeclarationAccess.objects.get().rows == 0


def test_their_record_opens_and_anothers_is_not_found(client, declared):
    client.force_login(declared["a_staff"])
    mine = declared["a_rows"][0]
    response = client.get(reverse("kits_declaration", args=[mine.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Agathe Amie", "agathe@example.org", "Collecte des Amis", "Téléchargée", "Paris (75)"):
        assert text in html
    assert "data-declaration-downloads" in html
    for other in declared["b_rows"]:
        assert client.get(reverse("kits_declaration", args=[other.pk])).status_code == 404
        assert client.post(reverse("kits_declaration", args=[other.pk]), {"action": "resend"}).status_code == 404
    assert client.get(reverse("kits_declaration", args=[999999])).status_code == 404
    # Only the record shown was logged.
    assert list(DeclarationAccess.objects.values_list("kind", "rows", "declaration_id")) == [
        (AccessKind.DETAIL, 1, mine.pk)
    ]


def test_the_record_sends_the_links_again_through_the_service(client, declared, django_capture_on_commit_callbacks):
    declaration = declared["a_rows"][0]
    declaration.links_sent_at = timezone.now() - datetime.timedelta(days=2)
    declaration.save()
    client.force_login(declared["a_staff"])
    url = reverse("kits_declaration", args=[declaration.pk])
    assert "data-resend-links" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url, {"action": "resend"})
    assert response.status_code == 302 and response["Location"] == url
    assert len(callbacks) == 1  # the links e-mail, queued on commit
    declaration.refresh_from_db()
    assert timezone.now() - declaration.links_sent_at < datetime.timedelta(minutes=1)
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(url, {"action": "resend"})
    assert callbacks == []  # not twice within the hour


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("raw", [{}, {"kit": "{b_kit}"}, {"territory": "13"}, {"q": "Basile"}, {"association": "{b}"}])
def test_exports_hold_their_declarations_whatever_the_parameters(client, declared, raw, fmt):
    client.force_login(declared["a_staff"])
    response = client.get(URL, {**params(declared, raw), "export": fmt})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="actions-declarees-')
    if fmt == "csv":
        about, header, rows = read_csv(response)
        assert about["Association"] == "Les Amis du Quartier"
        assert about["Rapport"] == "Actions déclarées" and "Exporté le" in about
        assert "Nom" in header and "E-mail" in header
        names = {row[0] for row in rows}
    else:
        workbook = read_xlsx(response)
        cover = {row[0]: row[1] for row in workbook.worksheets[0].iter_rows(values_only=True)}
        assert cover["Association"] == "Les Amis du Quartier"
        names = {row[0] for row in list(workbook.active.iter_rows(values_only=True))[1:]}
    assert not names & {"Basile Bougeur", "Berthe Bougeuse"}
    if raw == {}:
        assert names == {"Agathe Amie", "Armand Ami"}
    access = DeclarationAccess.objects.get()
    assert (access.kind, access.rows, access.user) == (AccessKind.EXPORT, len(names), declared["a_staff"])


def test_the_export_cover_says_what_it_covers(client, declared):
    client.force_login(declared["a_staff"])
    response = client.get(URL, {"export": "csv", "kit": declared["a_kit"].pk, "territory": "75"})
    about, header, rows = read_csv(response)
    assert about["Rapport"] == "Actions déclarées"
    assert about["Kit"] == "Collecte des Amis"
    assert about["Département"].startswith("75")
    assert about["Dates prévues"] == "toutes les dates"
    assert "Exporté le" in about and about["Lignes"] == "1"
    assert [row[0] for row in rows] == ["Agathe Amie"]
    downloads = header.index("Téléchargements")
    assert rows[0][downloads] == "1"


def test_the_csv_never_starts_a_formula(client, declared):
    ActionDeclarationFactory(kit=declared["a_kit"], name="=HYPERLINK(1)")
    client.force_login(declared["a_staff"])
    _about, _header, rows = read_csv(client.get(URL, {"export": "csv"}))
    assert "'=HYPERLINK(1)" in {row[0] for row in rows}


def test_data_protection_sees_every_declaration(client, declared):
    client.force_login(member_of(DATA_PROTECTION))
    html = client.get(URL).content.decode()
    for name in ("Agathe Amie", "Armand Ami", "Basile Bougeur", "Berthe Bougeuse"):
        assert name in html
    assert client.get(reverse("kits_declaration", args=[declared["b_rows"][0].pk])).status_code == 200
    _about, _header, rows = read_csv(client.get(URL, {"export": "csv"}))
    assert len(rows) == 4


def test_a_staff_member_also_in_data_protection_sees_every_declaration(client, declared):
    declared["a_staff"].groups.add(Group.objects.get(name=DATA_PROTECTION))
    client.force_login(declared["a_staff"])
    assert "Basile Bougeur" in client.get(URL).content.decode()


@pytest.mark.parametrize("groups", [("Editors",), ("Moderators",), ("Site administrators",), ()])
def test_the_network_groups_and_everyone_else_are_refused(client, declared, groups):
    user = member_of(*groups)
    if not groups:
        user.user_permissions.add(*Group.objects.get(name="Editors").permissions.filter(codename="access_admin"))
    client.force_login(user)
    assert refused(client.get(URL))
    assert refused(client.get(URL, {"export": "csv"}))
    assert refused(client.get(reverse("kits_declarations_results")))
    assert refused(client.get(reverse("kits_declaration", args=[declared["a_rows"][0].pk])))
    assert refused(client.get(LOG_URL))
    assert "declared-actions" not in client.get("/admin/").content.decode()
    assert not DeclarationAccess.objects.exists()


def test_an_editor_who_is_also_association_staff_sees_only_their_associations(client, declared):
    declared["a_staff"].groups.add(Group.objects.get(name="Editors"))
    client.force_login(declared["a_staff"])
    html = client.get(URL).content.decode()
    assert "Agathe Amie" in html and "Basile Bougeur" not in html


def test_an_anonymous_visitor_is_sent_to_the_login(client, declared):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_menu_offers_the_list_to_those_who_may_see_it(client, declared):
    client.force_login(declared["a_staff"])
    assert "declared-actions" in client.get("/admin/").content.decode()


def test_each_page_record_and_export_writes_one_access_row(client, declared):
    client.force_login(declared["a_staff"])
    client.get(URL, {"territory": "75"})
    client.get(reverse("kits_declaration", args=[declared["a_rows"][1].pk]))
    client.get(URL, {"export": "xlsx"})
    client.get(reverse("kits_declarations_results"), {"q": "Armand"})
    rows = list(DeclarationAccess.objects.order_by("pk").values_list("kind", "rows", "filters", "user_email", "scope"))
    assert rows == [
        ("list", 1, "territory=75", "alice@amis.example.org", "Les Amis du Quartier"),
        ("detail", 1, "", "alice@amis.example.org", "Les Amis du Quartier"),
        ("export", 2, "export=xlsx", "alice@amis.example.org", "Les Amis du Quartier"),
        ("list", 1, "q=Armand", "alice@amis.example.org", "Les Amis du Quartier"),
    ]


def test_a_listing_page_logs_the_rows_it_shows(client, declared):
    for _ in range(declarations_admin.PER_PAGE + 3):
        ActionDeclarationFactory(kit=declared["a_kit"])
    client.force_login(declared["a_staff"])
    client.get(URL)
    client.get(URL, {"p": 2})
    assert list(DeclarationAccess.objects.order_by("pk").values_list("rows", flat=True)) == [
        declarations_admin.PER_PAGE,
        5,
    ]


def test_without_its_log_row_the_data_is_not_shown(client, declared, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the log table is gone")

    monkeypatch.setattr(DeclarationAccess.objects, "create", broken)
    client.raise_request_exception = False
    client.force_login(declared["a_staff"])
    for response in (
        client.get(URL),
        client.get(URL, {"export": "csv"}),
        client.get(reverse("kits_declaration", args=[declared["a_rows"][0].pk])),
    ):
        assert response.status_code == 500
        assert b"Agathe" not in response.content


def test_the_access_log_is_for_data_protection(client, declared):
    client.force_login(declared["a_staff"])
    client.get(URL, {"q": "Agathe"})
    assert refused(client.get(LOG_URL))
    client.force_login(member_of(DATA_PROTECTION))
    html = client.get(LOG_URL).content.decode()
    assert "alice@amis.example.org" in html and "q=Agathe" in html and "Les Amis du Quartier" in html
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    assert client.get(LOG_URL).status_code == 200


def test_the_daily_purge_deletes_access_rows_after_a_year(declared, settings):
    now = timezone.now()
    old = DeclarationAccess.objects.create(
        user_email="old@example.org", kind=AccessKind.LIST, rows=3, at=now - datetime.timedelta(days=366)
    )
    recent = DeclarationAccess.objects.create(
        user_email="recent@example.org", kind=AccessKind.LIST, rows=3, at=now - datetime.timedelta(days=364)
    )
    assert "kit_declaration_access" in personal_data.retention_rules()
    assert personal_data.purge(now=now, dry_run=True)["kit_declaration_access"] == 1
    assert personal_data.purge(now=now)["kit_declaration_access"] == 1
    assert list(DeclarationAccess.objects.all()) == [recent]
    assert not DeclarationAccess.objects.filter(pk=old.pk).exists()


def test_the_migration_gave_the_permission_to_staff_and_data_protection_only():
    holders = set(Group.objects.filter(permissions__codename="view_declarations").values_list("name", flat=True))
    assert holders == {"Association staff", DATA_PROTECTION}


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_listing_query_count_is_constant(client, declared):
    client.force_login(declared["a_staff"])
    client.get(URL)  # warm the caches (locales, site)
    one = queries_for(client, URL + "?territory=35")
    for _ in range(30):
        declaration = ActionDeclarationFactory(kit=declared["a_kit"], territory="35")
        KitDownloadFactory(declaration=declaration)
    assert queries_for(client, URL + "?territory=35") == one
    assert queries_for(client, URL + "?territory=35&export=csv") <= one
    data_protection = member_of(DATA_PROTECTION)
    client.force_login(data_protection)
    client.get(URL)
    assert queries_for(client, URL) <= one + 1


def test_the_record_shows_the_linked_testimonial_and_no_resend_once_cancelled(client, declared):
    from tests.community.testimonial_helpers import make_testimonial

    declaration = declared["a_rows"][1]
    make_testimonial(title="Le troc a réuni tout le quartier", declaration=declaration, kit=declared["a_other"])
    client.force_login(declared["a_staff"])
    url = reverse("kits_declaration", args=[declaration.pk])
    html = client.get(url).content.decode()
    assert "Le troc a réuni tout le quartier" in html
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)  # who may moderate it gets the link to it
    assert "/admin/snippets/community/testimonial/edit/" in client.get(url).content.decode()
    client.force_login(declared["a_staff"])
    declaration.status = DeclarationStatus.CANCELLED
    declaration.save()
    html = client.get(url).content.decode()
    assert "data-resend-links" not in html and "Annulée" in html
    sent = declaration.links_sent_at
    assert refused(client.post(url, {"action": "resend"}))
    declaration.refresh_from_db()
    assert declaration.links_sent_at == sent


def test_data_protection_finds_the_log_in_the_reports_menu(client):
    client.force_login(member_of(DATA_PROTECTION))
    html = client.get("/admin/").content.decode()
    assert LOG_URL in html and URL in html
