"""A visitor opens a kit, says "Je me lance", corrects a wrong postcode, gets the links
and downloads a PDF; the e-mail with the same links is sent."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone

from kits.models import ActionDeclaration
from tests.browser import content
from tests.browser.conftest import check_page


@pytest.fixture(scope="module", autouse=True)
def kit(site_url, django_db_blocker):
    with django_db_blocker.unblock():
        return content.make_kit(
            "Collecte de produits d'hygiène",
            "collecte-produits-hygiene",
            themes=[content.themes()["solidarite"]],
            steps=[("Trouver un lieu", "Un commerce."), ("Collecter", "Un samedi."), ("Remettre", "À l'association.")],
        )


def test_visitor_declares_an_action_and_downloads_the_materials(page):
    mail.outbox = []
    page.goto("/kits/collecte-produits-hygiene/")
    check_page(page, "kit-page-with-cta")
    page.get_by_role("link", name="Je me lance").click()
    expect(page).to_have_url(re.compile(r"/kits/collecte-produits-hygiene/je-me-lance/$"))
    check_page(page, "declaration-form")

    planned = (timezone.localdate() + datetime.timedelta(days=45)).isoformat()
    page.get_by_label("Votre nom").fill("Inès Navigateur")
    page.get_by_label("Votre adresse e-mail").fill("ines.navigateur@example.org")
    page.get_by_label("Code postal du lieu de l'action").fill("99999")
    page.get_by_label("Date prévue de l'action").fill(planned)
    page.get_by_label("Public", exact=True).select_option("general-public")
    page.get_by_label("Nombre de participants attendus").fill("45")
    page.get_by_label(re.compile("^J'accepte que l'association")).check()
    page.get_by_role("button", name="Déclarer mon action et recevoir le kit").click()

    postcode = page.get_by_label("Code postal du lieu de l'action")
    expect(page.locator("#id_postcode_error")).to_contain_text("code postal français")
    expect(postcode).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Votre nom")).to_have_value("Inès Navigateur")
    expect(page.get_by_label("Nombre de participants attendus")).to_have_value("45")
    expect(page.get_by_label("Date prévue de l'action")).to_have_value(planned)
    check_page(page, "declaration-form-error")

    postcode.fill("97133")
    expect(page.get_by_label(re.compile("^J'accepte que l'association"))).to_be_checked()
    page.get_by_role("button", name="Déclarer mon action et recevoir le kit").click()
    expect(page.get_by_role("heading", name="Votre matériel")).to_be_visible()
    expect(page.get_by_text("Merci ! Votre action est déclarée")).to_be_visible()
    check_page(page, "declaration-thanks")

    declaration = ActionDeclaration.objects.get(email="ines.navigateur@example.org")
    assert declaration.territory == "977"
    link = page.locator(".declaration-links__list a").first
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert declaration.downloads.count() == 1

    sent = [message for message in mail.outbox if message.to == ["ines.navigateur@example.org"]]
    assert len(sent) == 1
    assert f"/kits/collecte-produits-hygiene/mon-action/{declaration.token}/" in sent[0].body
