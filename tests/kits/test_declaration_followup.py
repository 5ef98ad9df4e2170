"""After the declaration: signed downloads, the person's page, reminders."""

import datetime
import io

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.test import Client

from home.factories import stream
from kits import daily
from kits.factories import ActionDeclarationFactory, checklist, step
from kits.models import ActionDeclaration, DeclarationStatus, KitDownload
from kits.signing import sign_download
from tests.kits.conftest import english_of

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def kit(make_kit):
    """A school kit with a checklist and two materials, translated into English."""
    return make_kit(
        title="Course solidaire du quartier",
        slug="course-solidaire-du-quartier",
        school=True,
        materials=2,
        body=stream(
            step("Préparer", "Réunissez l'équipe.", "3 semaines avant"),
            step("Courir", "Comptez les tours.", "3 h"),
            checklist("À prévoir", ["Tampons encreurs", "Eau et gobelets"]),
        ),
        english={
            "Course solidaire du quartier": "Neighbourhood charity run",
            "course-solidaire-du-quartier": "neighbourhood-charity-run",
        },
    )


@pytest.fixture
def other_kit(make_kit):
    return make_kit(title="Un autre kit", slug="un-autre-kit")


@pytest.fixture
def declaration(kit):
    return ActionDeclarationFactory(kit=kit, planned_date=datetime.date(2027, 1, 15), created_at=NOW)


def download_url(kit, declaration, material):
    return f"{kit.url}telecharger/{sign_download(declaration.token, material.pk)}/"


def test_signed_link_streams_the_file_as_an_attachment_and_records_the_download(client, kit, declaration):
    material = kit.materials.first()
    response = client.get(download_url(kit, declaration, material))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{material.document.filename}"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    download = KitDownload.objects.get()
    assert (download.declaration, download.material, download.downloaded_at) == (declaration, material, NOW)


def test_english_link_gives_the_english_material_of_the_same_declaration(client, kit, declaration):
    english = english_of(kit)
    material = english.materials.first()
    response = client.get(download_url(english, declaration, material))
    assert response.status_code == 200
    assert KitDownload.objects.get().material == material


def test_tampered_links_are_404(client, kit, declaration, other_kit):
    signed = sign_download(declaration.token, kit.materials.first().pk)
    assert client.get(f"{kit.url}telecharger/{signed[:-2]}xx/").status_code == 404
    value, timestamp, signature = signed.split("/")
    assert client.get(f"{kit.url}telecharger/{value}x/{timestamp}/{signature}/").status_code == 404
    forged = sign_download(declaration.token, other_kit.materials.first().pk)  # someone else's kit material
    assert client.get(f"{kit.url}telecharger/{forged}/").status_code == 404
    assert client.get(f"{kit.url}telecharger/{sign_download('guessed', kit.materials.first().pk)}/").status_code == 404
    assert not KitDownload.objects.exists()


def test_expired_link_offers_fresh_links_by_email(kit, declaration, django_capture_on_commit_callbacks):
    url = download_url(kit, declaration, kit.materials.first())
    client = Client(enforce_csrf_checks=True)
    with time_machine.travel(NOW + datetime.timedelta(days=57), tick=False):  # 23 January
        response = client.get(url)
        assert response.status_code == 410
        html = response.content.decode()
        assert "Ce lien a expiré" in html
        assert not KitDownload.objects.exists()
        assert client.post(url).status_code == 403  # no CSRF token
        token = response.cookies["csrftoken"].value
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"csrfmiddlewaretoken": token})
        assert response.status_code == 410
        assert "De nouveaux liens" in response.content.decode()
        assert [m.to for m in mail.outbox] == [[declaration.email]]
        fresh = "/".join(mail.outbox[0].body.split("telecharger/")[1].split("/")[:3])
        assert Client().get(f"{kit.url}telecharger/{fresh}/").status_code == 200


def test_expired_link_resend_is_rate_limited(client, kit, declaration, django_capture_on_commit_callbacks):
    url = download_url(kit, declaration, kit.materials.first())
    with time_machine.travel(NOW + datetime.timedelta(days=57), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            statuses = [client.post(url).status_code for _ in range(6)]
    assert statuses == [410] * 5 + [429]
    assert len(mail.outbox) == 1  # at most once an hour


def test_link_within_thirty_days_still_works(client, kit, declaration):
    url = download_url(kit, declaration, kit.materials.first())
    with time_machine.travel(NOW + datetime.timedelta(days=29), tick=False):
        assert client.get(url).status_code == 200


def test_person_page_by_token_and_guessed_token_is_404(client, kit, declaration, other_kit):
    response = client.get(f"{kit.url}mon-action/{declaration.token}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert declaration.name in response.content.decode()
    assert client.get(f"{kit.url}mon-action/{declaration.token[:-1]}x/").status_code == 404
    assert client.get(f"{other_kit.url}mon-action/{declaration.token}/").status_code == 404


def test_person_page_says_a_reported_action_is_told(client, kit, declaration):
    """ "Reported" is a declaration status here ("Racontée"), not a reported comment ("Signalé")."""
    declaration.status = DeclarationStatus.REPORTED
    declaration.save()
    html = client.get(f"{kit.url}mon-action/{declaration.token}/").content.decode()
    assert "<dd>Racontée</dd>" in html
    assert "Signalé" not in html
    english = english_of(kit)
    assert "<dd>Reported</dd>" in client.get(f"{english.url}mon-action/{declaration.token}/").content.decode()


def test_person_changes_the_date_with_the_same_rules(client, kit, declaration):
    url = f"{kit.url}mon-action/{declaration.token}/"
    response = client.post(url, {"action": "change-date", "planned_date": "2026-11-01"})
    assert 'id="id_planned_date_error"' in response.content.decode()
    declaration.reminder_sent_at = NOW
    declaration.save()
    assert client.post(url, {"action": "change-date", "planned_date": "2027-03-01"}).status_code == 302
    declaration.refresh_from_db()
    assert declaration.planned_date == datetime.date(2027, 3, 1)
    assert declaration.reminder_sent_at is None


def test_person_cancels_and_stops_emails(client, kit, declaration):
    url = f"{kit.url}mon-action/{declaration.token}/"
    assert client.post(url, {"action": "cancel"}).status_code == 302  # one click no longer cancels
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.DECLARED
    assert client.post(url + "annuler/").status_code == 302
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.CANCELLED
    assert "/telecharger/" not in client.get(url).content.decode()
    declaration.status = DeclarationStatus.DECLARED
    declaration.save()
    client.post(url, {"action": "stop-emails"})
    declaration.refresh_from_db()
    assert declaration.emails_opt_out


def reminder_setup(kit):
    due = ActionDeclarationFactory(
        kit=kit, planned_date=datetime.date(2026, 12, 4), created_at=NOW - datetime.timedelta(days=20)
    )
    cancelled = ActionDeclarationFactory(
        kit=kit,
        planned_date=datetime.date(2026, 12, 4),
        created_at=NOW - datetime.timedelta(days=20),
        status="cancelled",
    )
    opted_out = ActionDeclarationFactory(
        kit=kit,
        planned_date=datetime.date(2026, 12, 3),
        created_at=NOW - datetime.timedelta(days=20),
        emails_opt_out=True,
    )
    later = ActionDeclarationFactory(
        kit=kit, planned_date=datetime.date(2026, 12, 20), created_at=NOW - datetime.timedelta(days=20)
    )
    english = ActionDeclarationFactory(
        kit=kit, planned_date=datetime.date(2026, 12, 2), created_at=NOW - datetime.timedelta(days=20), language="en"
    )
    return due, cancelled, opted_out, later, english


def test_reminders_go_seven_days_before_once_each(kit, django_capture_on_commit_callbacks):
    due, cancelled, opted_out, later, english = reminder_setup(kit)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        assert daily.run(out) == 2
    assert "2 reminder" in out.getvalue()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([due.email, english.email])
    french = next(m for m in mail.outbox if m.to == [due.email])
    assert "Votre action dans une semaine" in french.subject
    assert "Tampons encreurs" in french.body  # the kit's checklist
    assert f"mon-action/{due.token}/" in french.body
    assert "/e-mails/desabonner/" in french.extra_headers["List-Unsubscribe"]  # one click (RFC 8058)
    assert (
        "Your action in a week: Neighbourhood charity run"
        in next(m for m in mail.outbox if m.to == [english.email]).subject
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert daily.run(io.StringIO()) == 0
        call_command("send_kit_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 2
    due.refresh_from_db()
    assert due.reminder_sent_at == NOW


def test_reminder_command_next_week_reaches_the_later_action(kit, django_capture_on_commit_callbacks):
    *_, later, _english = reminder_setup(kit)
    with time_machine.travel(NOW + datetime.timedelta(days=16), tick=False):
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_kit_reminders", stdout=out)
    assert [m.to for m in mail.outbox] == [[later.email]]
    assert "1 reminder" in out.getvalue()


def test_declarations_count_on_the_source_kit(client, kit, django_capture_on_commit_callbacks):
    data = {
        "name": "Camille Martin",
        "email": "camille@example.org",
        "postcode": "75011",
        "planned_date": "2027-01-15",
        "audience": "pupils",
        "expected_participants": "40",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(english_of(kit).url + "je-me-lance/", data).status_code == 302
    assert ActionDeclaration.objects.get().kit_id == kit.pk
    assert ActionDeclaration.objects.filter(kit__locale__language_code="en").count() == 0
