"""A visitor finds a kit for pupils, reads its steps and opens a FAQ entry; an editor
sees the kit's quality panel in the admin."""

import re

import pytest
from playwright.sync_api import expect

from kits.choices import Audience
from kits.factories import KitDocumentFactory, KitMaterialFactory, KitPageFactory
from kits.models import KitIndexPage, KitPage
from tests.browser import content
from tests.browser.conftest import SCREENSHOTS, check_page

RAIN = ("Que faire s'il pleut ?", "Prévoyez une date de repli dès le départ, avec l'école.")
NOTE = "La course est encadrée par un bénévole formé par l'association, avec l'accord de la direction."
MONEY = ("Qui reçoit l'argent ?", "Personne : les parrains donnent directement à l'association.")


@pytest.fixture(scope="module", autouse=True)
def catalogue(site_url, django_db_blocker):
    """Two kits for pupils (one of them translated), a kit for everyone, and one too short."""
    with django_db_blocker.unblock():
        themes = content.themes()
        content.make_kit(
            "Course solidaire à l'école",
            "course-solidaire-ecole",
            audiences=[Audience.PUPILS],
            school_setting=True,
            accreditation_note=NOTE,
            themes=[themes["solidarite"], themes["sport"]],
            steps=[("Obtenir l'accord de l'école", "Rencontrez la direction.")]
            + [(f"Étape de la course {n}", "Ce qu'il faut faire.") for n in range(2, 7)],
            questions=[RAIN, MONEY],
            english={
                "Course solidaire à l'école": "Charity run at school",
                "course-solidaire-ecole": "charity-run-at-school",
                "Obtenir l'accord de l'école": "Get the school's agreement",
            },
        )
        content.make_kit(
            "Stand sécurité routière",
            "stand-securite-routiere",
            audiences=[Audience.PUPILS, Audience.GENERAL_PUBLIC],
            themes=[themes["securite-routiere"]],
            steps=[("Installer le stand", "Devant l'école."), ("Animer", "Un quiz."), ("Ranger", "Tout.")],
        )
        content.make_kit(
            "Collecte de produits d'hygiène",
            "collecte-produits-hygiene",
            themes=[themes["solidarite"], themes["sante"]],
            steps=[("Trouver un lieu", "Un commerce."), ("Collecter", "Un samedi."), ("Remettre", "À l'association.")],
            english={"Collecte de produits d'hygiène": "Hygiene product collection"},
        )
        short = KitPageFactory(
            parent=KitIndexPage.objects.get(locale__language_code="fr"),
            title="Affiches de prévention",
            slug="affiches-prevention",
            too_short=True,
        )
        KitMaterialFactory(page=short, document=KitDocumentFactory(title="Affiche"))
        content.publish(short)


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
    expect(page.get_by_text("Milieu scolaire : un·e bénévole habilité·e est indispensable", exact=True)).to_be_visible()
    expect(page.get_by_text(NOTE)).to_be_visible()

    answer = page.get_by_text(RAIN[1])
    expect(answer).to_be_hidden()
    question = page.locator("summary", has_text=RAIN[0])
    question.focus()
    page.keyboard.press("Enter")  # keyboard, as a visitor without a mouse would
    expect(answer).to_be_visible()
    check_page(page, "kit-page")
    # Printed, the kit is a clean guide: no navigation, every FAQ answer unfolded.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".kit-filters")).to_have_count(0)
    expect(page.get_by_text(MONEY[1])).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.get_by_text(MONEY[1])).to_be_hidden()


def test_english_visitor_reads_the_translated_kit(page):
    page.goto("/en/kits/?theme=solidarity")
    expect(page.get_by_role("status")).to_have_text("2 kits")
    page.get_by_role("link", name="Charity run at school").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Step 1 Get the school's agreement")).to_be_visible()
    check_page(page, "kit-page-en")


def test_editor_sees_the_quality_panel(page):
    content.staff("kit-editor@example.org", superuser=True)
    kit = KitPage.objects.get(slug="affiches-prevention")

    page.goto("/admin/")
    page.get_by_label("E-mail", exact=True).fill("kit-editor@example.org")
    page.get_by_label("Mot de passe", exact=True).fill(content.PASSWORD)
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
