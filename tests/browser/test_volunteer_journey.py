"""The volunteer's whole journey, at 390 and 1280 px, reading the e-mails from the outbox and
following their links: home → kit → "Je me lance" → "Télécharger tout" → a later date →
cancel (confirmation, dead link explained, undo) → after the date, "Racontez comment ça
s'est passé" with the form pre-filled."""

import datetime
import io
import re
import zipfile
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from community.associations.factories import AssociationFactory
from kits.factories import KitDocumentFactory, KitMaterialFactory, KitPageFactory
from kits.models import ActionDeclaration, KitIndexPage
from tests.browser.conftest import check_page

TITLE = "Collecte de produits d'hygiène"


@pytest.fixture(scope="module")
def kit(site_url, django_db_blocker):
    with django_db_blocker.unblock():
        kit = KitPageFactory(
            parent=KitIndexPage.objects.get(locale__language_code="fr"),
            title=TITLE,
            slug="parcours-collecte-hygiene",
            association=AssociationFactory(name="Hygiène pour tous"),
        )
        for label in ("Affiche à imprimer", "Guide de la collecte"):
            KitMaterialFactory(page=kit, label=label, document=KitDocumentFactory(title=f"{label} parcours"))
        kit.save_revision().publish()
        kit.refresh_from_db()
        return kit


@pytest.fixture
def database(django_db_blocker):
    """The test reads what the live server wrote (and moves a date, as time passing would)."""
    with django_db_blocker.unblock():
        yield


def look(tab, name):
    """axe, the screenshot, and no sideways scrolling at this width."""
    check_page(tab, name)
    scroll, inner = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{tab.url} is {scroll} px wide in {inner} px"


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def french_date(day):
    with override("fr"):
        return date_format(day, "DATE_FORMAT")


@pytest.mark.parametrize("device", ["phone", "page"])
def test_volunteer_goes_from_a_kit_to_the_materials_then_to_the_story(request, device, kit, database):
    tab = request.getfixturevalue(device)
    width = "390" if device == "phone" else "1280"
    email = f"volontaire.{width}@example.org"
    mail.outbox = []

    tab.goto(kit.url)
    look(tab, f"journey-{width}-1-kit")
    tab.get_by_role("link", name="Je me lance").first.click()  # on a phone, the early one
    planned = timezone.localdate() + datetime.timedelta(days=10)
    tab.get_by_label("Votre nom").fill("Inès Parcours")
    tab.get_by_label("Votre adresse e-mail").fill(email)
    tab.get_by_label("Code postal du lieu de l'action").fill("69003")
    tab.get_by_label("Date prévue de l'action").fill(planned.isoformat())
    tab.get_by_label("Public", exact=True).select_option("general-public")
    tab.get_by_label("Nombre de participants attendus").fill("25")
    tab.get_by_label(re.compile("^J'accepte que l'association")).check()
    tab.get_by_role("button", name="Déclarer mon action et recevoir le kit").click()
    expect(tab.get_by_role("heading", name="Votre matériel")).to_be_visible()
    look(tab, f"journey-{width}-2-materials")

    # All the materials in one click.
    with tab.expect_download() as info:
        tab.get_by_role("link", name="Télécharger tout").click()
    assert info.value.suggested_filename == "collecte-de-produits-dhygiene.zip"
    with open(info.value.path(), "rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        assert len(archive.namelist()) == 2 and archive.testzip() is None
    declaration = ActionDeclaration.objects.get(email=email)
    assert declaration.downloads.count() == 1

    # The first e-mail reads as written and carries the same links.
    (links_mail,) = mails_to(email)
    assert links_mail.subject == f"[Relais] Votre kit : {TITLE}"
    assert "&amp;#x27;" not in links_mail.alternatives[0][0]  # escaped once in HTML, not twice
    assert "Télécharger tout" in links_mail.body
    person = path_of(re.search(r"https?://\S+/mon-action/\S+/", links_mail.body).group(0))
    material_link = path_of(re.search(r"https?://\S+/telecharger/\S+/", links_mail.body).group(0))

    # A later date: the links live until a week after it, and the page says so.
    tab.goto(person)
    later = timezone.localdate() + datetime.timedelta(days=40)
    tab.get_by_label("Date prévue de l'action").fill(later.isoformat())
    tab.get_by_role("button", name="Changer la date").click()
    expect(tab.get_by_text("La date de votre action est modifiée.")).to_be_visible()
    expect(tab.get_by_text(f"jusqu'au {french_date(later + datetime.timedelta(days=7))}")).to_be_visible()
    look(tab, f"journey-{width}-3-new-date")

    # Cancelling asks first, says what will happen, and can be undone.
    tab.get_by_role("link", name="Annuler mon action…").click()
    expect(tab.get_by_role("heading", name="Annuler mon action ?")).to_be_visible()
    expect(tab.get_by_text("vos liens de téléchargement ne fonctionneront plus")).to_be_visible()
    look(tab, f"journey-{width}-4-cancel-confirm")
    tab.get_by_role("button", name="Oui, annuler mon action").click()
    expect(tab.get_by_text("Cette action est annulée")).to_be_visible()
    expect(tab.get_by_text("rappel une semaine avant")).to_have_count(0)
    look(tab, f"journey-{width}-5-cancelled")
    response = tab.goto(material_link)
    assert response.status == 410
    expect(tab.get_by_role("heading", name="Ce lien ne fonctionne plus")).to_be_visible()
    expect(tab.get_by_role("link", name="Déclarer à nouveau une action")).to_be_visible()
    look(tab, f"journey-{width}-6-link-cancelled")
    tab.get_by_role("link", name="Voir mon action").click()
    tab.get_by_role("button", name="Annuler l'annulation").click()
    expect(tab.get_by_text("Votre action est de nouveau déclarée")).to_be_visible()

    # After the date, the person's page leads to the story form, pre-filled.
    ActionDeclaration.objects.filter(pk=declaration.pk).update(
        planned_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    tab.goto(person)
    look(tab, f"journey-{width}-7-after-the-date")
    tab.get_by_role("link", name="Racontez comment ça s’est passé").click()
    expect(tab.get_by_label("Kit utilisé")).to_have_value(str(kit.pk))
    expect(tab.get_by_label("Votre adresse e-mail")).to_have_value(email)
    look(tab, f"journey-{width}-8-story-form")
