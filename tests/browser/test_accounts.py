"""A referent signs up, confirms the e-mail, waits for approval, an editor approves the
membership in the Wagtail admin, and the member signs in and downloads their data."""

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.core import mail

from community.associations.factories import AssociationFactory
from community.members.factories import UserFactory
from tests.browser.conftest import check_page

PASSWORD = "Un-mot-de-passe-solide-42"


@pytest.fixture
def editor(committed):
    AssociationFactory(name="Souffle Commun")  # in the sign-up form's list
    return UserFactory(
        is_staff=True, is_superuser=True, email="moderation@example.org", first_name="Mo", last_name="Dération"
    )


def test_sign_up_verify_wait_for_approval_then_download_my_data(page, browser, site_url, editor):
    mail.outbox.clear()

    # Sign-up, from the header link.
    page.goto("/")
    page.get_by_role("link", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se connecter")
    check_page(page, "account-login-fr")
    page.get_by_role("link", name="Créer un compte membre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Créer un compte membre")

    # A first try without the association's name: the error sits next to the field, typed values stay.
    page.get_by_label("Prénom", exact=True).fill("Nadia")
    page.get_by_label("Nom", exact=True).fill("Rahmani")
    page.get_by_label("E-mail", exact=True).fill("nadia.rahmani@example.org")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Votre association", exact=True).select_option(label="Mon association n’est pas dans la liste")
    page.get_by_label("Votre rôle dans l’association").fill("Coordinatrice")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.locator("#id_association_name_other_error")).to_have_text("Donnez le nom de votre association.")
    expect(page.get_by_label("Prénom", exact=True)).to_have_value("Nadia")
    check_page(page, "account-signup-errors-fr")

    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)  # passwords are never sent back
    page.get_by_label("Votre association", exact=True).select_option(label="Souffle Commun")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")
    check_page(page, "account-verification-sent-fr")

    # The verification link, from the e-mail (the live server shares this process).
    message = next(m for m in mail.outbox if m.to == ["nadia.rahmani@example.org"])
    link = re.search(r"https?://\S+/compte/confirm-email/\S+", message.body).group(0)
    page.goto(urlsplit(link).path)  # the link is on BASE_URL: its path on the live server
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Confirmer"))
    check_page(page, "account-confirm-email-fr")
    page.get_by_role("button", name="Confirmer").click()

    # Signed in, waiting for approval.
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")
    expect(page.get_by_text("Votre adhésion attend d’être validée")).to_be_visible()
    check_page(page, "account-pending-fr")
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()

    # An editor approves the membership in the Wagtail admin, signing in through the same form.
    admin = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": 1280, "height": 900}).new_page()
    admin.set_default_timeout(15_000)
    admin.goto("/admin/snippets/community/memberprofile/?status=pending")
    expect(admin).to_have_url(re.compile(r"/compte/login/\?next="))
    admin.get_by_label("E-mail", exact=True).fill("moderation@example.org")
    admin.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    admin.get_by_role("button", name="Se connecter").click()
    row = admin.get_by_role("row").filter(has_text="nadia.rahmani@example.org")
    row.get_by_role("link", name="Valider Nadia Rahmani").click()
    expect(admin.get_by_text("Ces personnes deviendront membres du réseau")).to_be_visible()
    admin.get_by_role("button", name="Oui, valider").click()
    expect(admin.get_by_text("1 membre validé et prévenu par e-mail.")).to_be_visible()
    admin.screenshot(path=str(__import__("pathlib").Path(__file__).parent / "screenshots" / "admin-members.png"))
    admin.context.close()
    approval = [m for m in mail.outbox if m.to == ["nadia.rahmani@example.org"]][-1]
    assert approval.subject == "[Relais] Votre adhésion est validée"

    # The member signs in and downloads their data.
    page.get_by_role("link", name="Se connecter").click()
    page.get_by_label("E-mail", exact=True).fill("nadia.rahmani@example.org")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_text("Vous êtes membre du réseau")).to_be_visible()
    expect(page.get_by_role("link", name="Mon espace")).to_be_visible()
    check_page(page, "account-member-area-fr")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger mes données").click()
    download = download_info.value
    assert download.suggested_filename.startswith("relais-my-data-")
    data = json.loads(open(download.path(), encoding="utf-8").read())  # noqa: SIM115
    assert data["account"]["email"] == "nadia.rahmani@example.org"
    assert data["account"]["last_name"] == "Rahmani"
    assert data["member_profile"]["association"] == "Souffle Commun"
    assert data["member_profile"]["status"] == "approved"

    # The other pages of the member area, checked too.
    for path, name in [
        ("/compte/profil/", "account-profile-fr"),
        ("/compte/password/change/", "account-password-change-fr"),
        ("/compte/email/", "account-email-fr"),
        ("/compte/supprimer/", "account-delete-fr"),
    ]:
        page.goto(path)
        check_page(page, name)
    page.get_by_label("Votre mot de passe").fill("pas-le-bon")
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(page.locator("#id_password_error")).to_have_text("Ce n’est pas votre mot de passe.")
    check_page(page, "account-delete-error-fr")


def test_member_area_pages_in_english(page):
    page.goto("/en/compte/signup/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Create a member account")
    check_page(page, "account-signup-en")
    page.goto("/en/compte/password/reset/")
    check_page(page, "account-password-reset-en")
