"""Cancelling asks first and can be undone for 30 days; a cancelled declaration's page is
consistent and its links stop, with a page that says why. Changing the date keeps the links
alive until a week after it and moves the reminder and the follow-up."""

import datetime
import io
import re

import pytest
import time_machine

from django.core import mail

from kits import daily
from kits.factories import ActionDeclarationFactory
from kits.models import ActionDeclaration, DeclarationStatus, KitDownload
from kits.services import resend_links_if_due
from kits.signing import sign_download

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def kit(make_kit):
    return make_kit(title="Collecte d'été", slug="collecte-ete-annulation")


@pytest.fixture
def declaration(kit):
    return ActionDeclarationFactory(
        kit=kit, planned_date=datetime.date(2027, 1, 15), created_at=NOW - datetime.timedelta(days=2)
    )


def my_url(kit, declaration):
    return f"{kit.url}mon-action/{declaration.token}/"


def download_url(kit, declaration):
    return f"{kit.url}telecharger/{sign_download(declaration.token, kit.materials.first().pk)}/"


def test_cancelling_asks_first_and_names_what_will_happen(client, kit, declaration):
    page = client.get(my_url(kit, declaration)).content.decode()
    assert f'href="{my_url(kit, declaration)}annuler/"' in page
    response = client.get(my_url(kit, declaration) + "annuler/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Annuler mon action ?" in html
    assert "15 janvier 2027" in html
    assert "vos liens de téléchargement ne fonctionneront plus" in html
    assert "aucun rappel" in html
    assert "ne comptera plus" in html
    assert "revenir en arrière pendant 30 jours" in html
    assert "Oui, annuler mon action" in html and "Non, garder mon action" in html
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.DECLARED  # looking is not cancelling


def test_cancelled_page_is_consistent_and_offers_undo(client, kit, declaration):
    response = client.post(my_url(kit, declaration) + "annuler/", follow=True)
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.CANCELLED and declaration.cancelled_at == NOW
    html = response.content.decode()
    assert "jusqu’au 27 décembre 2026" in html or "jusqu'au 27 décembre 2026" in html
    assert "Cette action est annulée" in html
    assert "rappel" not in html.split("Cette action est annulée")[1]  # no "reminder a week before"
    assert "aucun : l’action est annulée" in html or "aucun : l'action est annulée" in html
    assert "/telecharger/" not in html
    assert "Changer la date" not in html and "Arrêter les e-mails" not in html
    assert 'name="action" value="undo-cancel"' in html


def test_links_of_a_cancelled_declaration_stop_with_an_explanation(client, kit, declaration):
    url = download_url(kit, declaration)
    assert client.get(url).status_code == 200
    client.post(my_url(kit, declaration) + "annuler/")
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Ce lien ne fonctionne plus" in html
    assert "a été annulée" in html
    assert f'href="{kit.url}je-me-lance/"' in html
    assert f'href="{my_url(kit, declaration)}"' in html  # undo still possible
    assert KitDownload.objects.filter(declaration=declaration).count() == 1


def test_undo_within_30_days_brings_the_links_back_and_not_after(client, kit, declaration):
    client.post(my_url(kit, declaration) + "annuler/")
    with time_machine.travel(NOW + datetime.timedelta(days=29), tick=False):
        client.post(my_url(kit, declaration), {"action": "undo-cancel"})
        declaration.refresh_from_db()
        assert declaration.status == DeclarationStatus.DECLARED and declaration.cancelled_at is None
        assert client.get(download_url(kit, declaration)).status_code == 200
        client.post(my_url(kit, declaration) + "annuler/")
    with time_machine.travel(NOW + datetime.timedelta(days=29 + 31), tick=False):
        html = client.get(my_url(kit, declaration)).content.decode()
        assert 'value="undo-cancel"' not in html
        assert f'href="{kit.url}je-me-lance/"' in html
        client.post(my_url(kit, declaration), {"action": "undo-cancel"})
        declaration.refresh_from_db()
        assert declaration.status == DeclarationStatus.CANCELLED
        link_page = client.get(download_url(kit, declaration)).content.decode()
        assert f'href="{my_url(kit, declaration)}"' not in link_page


def test_declaring_the_same_action_again_after_cancelling_restores_it(
    client, kit, declaration, django_capture_on_commit_callbacks
):
    client.post(my_url(kit, declaration) + "annuler/")
    data = {
        "name": declaration.name,
        "email": declaration.email,
        "postcode": "75011",
        "planned_date": "2027-01-15",
        "audience": "general-public",
        "expected_participants": "30",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{kit.url}je-me-lance/", data)
    assert response.status_code == 302
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.DECLARED
    assert ActionDeclaration.objects.filter(kit=kit).count() == 1
    assert [m.to for m in mail.outbox if declaration.email in m.to] == [[declaration.email]]


def test_cancel_of_a_told_action_is_not_offered(client, kit, declaration):
    declaration.status = DeclarationStatus.REPORTED
    declaration.save()
    assert "annuler/" not in client.get(my_url(kit, declaration)).content.decode()
    client.post(my_url(kit, declaration) + "annuler/")
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.REPORTED


def test_links_live_until_a_week_after_a_later_date_and_say_so(
    client, kit, declaration, django_capture_on_commit_callbacks
):
    url = download_url(kit, declaration)
    client.post(my_url(kit, declaration), {"action": "change-date", "planned_date": "2027-03-01"})
    html = client.get(my_url(kit, declaration)).content.decode()
    assert "jusqu’au 8 mars 2027" in html or "jusqu'au 8 mars 2027" in html
    assert "30 jours" not in html
    with time_machine.travel(datetime.datetime(2027, 3, 8, 20, 0, tzinfo=datetime.UTC), tick=False):
        assert client.get(url).status_code == 200  # 101 days after it was sent
    with time_machine.travel(datetime.datetime(2027, 3, 9, 12, 0, tzinfo=datetime.UTC), tick=False):
        assert client.get(url).status_code == 410
    declaration.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        resend_links_if_due(declaration)
    body = mail.outbox[-1].body
    assert "jusqu'au 8 mars 2027" in body and "30 jours" not in body


def test_a_changed_date_moves_the_reminder_and_the_followup(
    client, kit, declaration, django_capture_on_commit_callbacks
):
    declaration.reminder_sent_at = NOW
    declaration.followup_sent_at = NOW
    declaration.save()
    client.post(my_url(kit, declaration), {"action": "change-date", "planned_date": "2027-03-01"})
    html = client.get(my_url(kit, declaration)).content.decode()
    assert "un rappel le 22 février 2027" in html
    assert "le 3 mars 2027" in html
    for day in (datetime.date(2027, 2, 22), datetime.date(2027, 3, 3)):
        mail.outbox.clear()
        with time_machine.travel(datetime.datetime.combine(day, datetime.time(8), tzinfo=datetime.UTC), tick=False):
            with django_capture_on_commit_callbacks(execute=True):
                daily.run(io.StringIO())
        assert [m.to for m in mail.outbox if declaration.email in m.to] == [[declaration.email]], day


def test_my_action_date_goes_to_my_calendar_without_the_secret_page(client, kit, declaration):
    html = client.get(my_url(kit, declaration)).content.decode()
    google = re.search(r'href="(https://calendar.google.com/[^"]+)"', html).group(1).replace("&amp;", "&")
    assert "dates=20270115%2F20270116" in google
    assert "outlook.live.com" in html and "allday=true" in html
    assert declaration.token not in google
