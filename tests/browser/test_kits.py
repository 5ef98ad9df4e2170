"""A visitor finds a kit for pupils, reads its steps and opens a FAQ entry; an editor
sees the kit's quality panel in the admin."""

import re

from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from kits.models import KitPage
from tests.browser.conftest import SCREENSHOTS, check_page


def test_visitor_filters_by_audience_opens_a_kit_and_reads_it(page):
    page.goto("/kits/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kits d'action")
    check_page(page, "kits-index")

    page.get_by_label("Public", exact=True).select_option("pupils")
    page.get_by_role("button", name="Afficher les kits").click()
    expect(page).to_have_url(re.compile(r"/kits/\?.*audience=pupils"))
    expect(page.get_by_role("status")).to_have_text("2 kits")
    expect(page.get_by_label("Public", exact=True)).to_have_value("pupils")
    check_page(page, "kits-index-pupils")

    page.get_by_role("link", name="Course solidaire à l'école").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Course solidaire à l'école")
    expect(page.get_by_role("heading", name="Étape 1 Obtenir l'accord de l'école")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("^Étape 6"))).to_be_visible()
    expect(page.get_by_text("Milieu scolaire : un bénévole agréé est indispensable")).to_be_visible()

    answer = page.get_by_text("Prévoyez une date de repli dès le départ")
    expect(answer).to_be_hidden()
    question = page.locator("summary", has_text="Que faire s'il pleut ?")
    question.focus()
    page.keyboard.press("Enter")  # keyboard, as a visitor without a mouse would
    expect(answer).to_be_visible()
    check_page(page, "kit-page")
    # Printed, the kit is a clean guide: no navigation, every FAQ answer unfolded.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".kit-filters")).to_have_count(0)
    expect(page.get_by_text("Personne : les parrains donnent directement")).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.get_by_text("Personne : les parrains donnent directement")).to_be_hidden()


def test_english_visitor_reads_the_translated_kit(page):
    page.goto("/en/kits/?theme=solidarity")
    expect(page.get_by_role("status")).to_have_text("2 kits")
    page.get_by_role("link", name="Charity run at school").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Step 1 Get the school's agreement")).to_be_visible()
    check_page(page, "kit-page-en")


def test_editor_sees_the_quality_panel(page):
    User = get_user_model()
    if not User.objects.filter(username="kit-editor").exists():
        editor = User.objects.create_superuser("kit-editor", "kit-editor@example.org", "kit-editor-password")
        # The admin signs in through allauth, which wants a verified address.
        EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    kit = KitPage.objects.get(slug="affiches-prevention")

    page.goto("/admin/")
    page.get_by_label("E-mail", exact=True).fill("kit-editor@example.org")
    page.get_by_label("Mot de passe", exact=True).fill("kit-editor-password")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(f"/admin/pages/{kit.pk}/edit/")
    panel = page.locator("[data-kit-quality]")
    expect(panel).to_contain_text("Temps de lecture : 1 minute")
    expect(panel).to_contain_text("1 étape")
    expect(panel.locator('[data-verdict="too-short"]')).to_contain_text("Trop court")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-kit-quality.png"), full_page=True)

    page.goto("/admin/kits/")
    row = page.locator("tr", has_text="Affiches de prévention")
    expect(row.locator('[data-verdict="too-short"]')).to_have_text("trop court")
    page.screenshot(path=str(SCREENSHOTS / "admin-kit-listing.png"), full_page=True)
