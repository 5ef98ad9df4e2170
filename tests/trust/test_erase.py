"""The "Données personnelles" admin tool and members' own erasure: every record kept
about an e-mail address is listed, exported as JSON and erased (anonymised where the
figures need the rows), with the indicators unchanged and a hashed security log."""

import json
from datetime import date

import pytest

from django.contrib.auth.models import Group, Permission

from community.members.factories import MemberFactory
from events.factories import RegistrationFactory
from events.models import Registration
from kits import indicators
from kits.factories import ActionDeclarationFactory
from kits.models import ActionDeclaration
from tests.events.conftest import event_index, make_event  # noqa: F401  (fixtures)
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

URL = "/admin/personal-data/"
EMAIL = "Jeanne.Martin@example.org"


@pytest.fixture
def records(make_kit, make_event):  # noqa: F811
    kit = make_kit(title="Kit de Jeanne")
    declarations = [
        ActionDeclarationFactory(kit=kit, email=EMAIL, name="Jeanne <b>Martin</b>", planned_date=date(2027, 5, day))
        for day in (3, 4)
    ]
    event = make_event(title="Petit Déj à venir", slug="petit-dej-a-venir")  # four weeks from now
    registration = RegistrationFactory(
        event=event, email=EMAIL.lower(), name="Jeanne Martin", status=Registration.Status.CONFIRMED
    )
    return declarations, registration


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("dpo", "dpo@example.org", "pw-dpo-123456", is_staff=False)
    user.groups.add(Group.objects.get(name="Protection des données"))  # home/migrations/0005
    return user


def test_tool_needs_the_permission(client, django_user_model):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(URL).status_code == 302  # Wagtail refuses: back to the dashboard
    assert client.post(URL, {"email": EMAIL, "action": "erase", "confirm": "on"}).status_code in (302, 403)


def test_find_export_and_erase_everything_about_an_address(client, officer, records, caplog):
    declarations, registration = records
    client.force_login(officer)
    totals_before = indicators.totals()

    response = client.post(URL, {"email": EMAIL, "action": "search"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-source="kit_declarations"' in html and 'data-source="event_registrations"' in html
    assert "Jeanne &lt;b&gt;Martin&lt;/b&gt;" in html  # shown escaped

    response = client.post(URL, {"email": EMAIL, "action": "export"})
    assert response["Content-Disposition"].startswith("attachment;")
    exported = json.loads(response.content)
    assert len(exported["records"]["kit_declarations"]) == 2
    assert exported["records"]["event_registrations"][0]["name"] == "Jeanne Martin"

    response = client.post(URL, {"email": EMAIL, "action": "erase"})  # not confirmed: nothing happens
    assert "Tick this box" in response.content.decode() or "Cochez" in response.content.decode()
    assert ActionDeclaration.objects.filter(email=EMAIL).count() == 2

    with caplog.at_level("INFO", logger="relais.security"):
        response = client.post(URL, {"email": EMAIL, "action": "erase", "confirm": "on"})
    assert response.status_code == 200
    assert "data-nothing-found" in response.content.decode()
    assert not ActionDeclaration.objects.filter(email__iexact=EMAIL).exists()
    assert ActionDeclaration.objects.filter(pk__in=[d.pk for d in declarations], name="—").count() == 2
    registration.refresh_from_db()
    assert registration.name == "—" and registration.status == Registration.Status.CANCELLED
    assert indicators.totals() == totals_before
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "personal data erased" in logged
    assert "jeanne" not in logged.lower()  # the address is hashed


def test_member_sees_and_erases_records_kept_under_a_verified_address(client, records):
    from allauth.account.models import EmailAddress

    member = MemberFactory(approved=True).user
    member.set_password("pw-member-123456")
    member.email = EMAIL.lower()
    member.save()
    EmailAddress.objects.filter(user=member).delete()
    EmailAddress.objects.create(user=member, email=EMAIL.lower(), verified=True, primary=True)
    client.force_login(member)
    html = client.get("/compte/").content.decode()
    assert "data-records-by-email" in html and 'data-count="2"' in html

    assert client.post("/compte/mes-donnees/effacer/", {"password": "wrong"}).status_code == 200
    assert ActionDeclaration.objects.filter(email=EMAIL).count() == 2
    response = client.post("/compte/mes-donnees/effacer/", {"password": "pw-member-123456"})
    assert response.status_code == 302
    assert not ActionDeclaration.objects.filter(email__iexact=EMAIL).exists()
    member.refresh_from_db()  # the account stays


def test_unverified_address_reaches_nothing(client, records):
    from allauth.account.models import EmailAddress

    member = MemberFactory(approved=True).user
    EmailAddress.objects.filter(user=member).delete()
    EmailAddress.objects.create(user=member, email=EMAIL.lower(), verified=False, primary=False)
    client.force_login(member)
    export = json.loads(client.get("/compte/mes-donnees/").content)
    assert export["records_by_email"] == {}
