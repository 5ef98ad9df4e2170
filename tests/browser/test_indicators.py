"""An editor opens the kit indicators, filters a period and downloads the CSV (named after
the period, saying what it covers above the table); a visitor sees the map of actions and
follows a département to its local actions."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from kits.factories import ActionDeclarationFactory
from tests.browser import content
from tests.browser.conftest import SCREENSHOTS, check_page


@pytest.fixture(scope="module", autouse=True)
def declared(site_url, django_db_blocker):
    """One kit, declared once in the Bouches-du-Rhône."""
    with django_db_blocker.unblock():
        kit = content.make_kit(
            "Ramassage de déchets",
            "ramassage-dechets",
            steps=[("Choisir un lieu", "Une plage."), ("Ramasser", "Avec des gants."), ("Peser", "Et trier.")],
        )
        ActionDeclarationFactory(kit=kit, email="carte@example.org", territory="13")


def test_editor_filters_the_indicators_and_downloads_the_csv(page):
    content.staff("indicators-editor@example.org", group="Editors")

    page.goto("/admin/")
    page.get_by_label("E-mail", exact=True).fill("indicators-editor@example.org")
    page.get_by_label("Mot de passe", exact=True).fill(content.PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    expect(page.locator("[data-kit-indicators-panel]")).to_be_visible()
    page.get_by_role("link", name="Ouvrir les indicateurs des kits").click()

    today = timezone.localdate()
    start = today - datetime.timedelta(days=30)
    page.get_by_label("Du", exact=True).fill(start.isoformat())
    page.get_by_label("Au", exact=True).fill(today.isoformat())
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url(re.compile(r"start="))
    expect(page.get_by_role("heading", name="Indicateurs des kits")).to_be_visible()
    expect(page.locator('table[data-table="departements"]')).to_contain_text("Bouches-du-Rhône (13)")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-kit-indicators.png"), full_page=True)

    with page.expect_download() as download_info:
        page.locator('[data-export="kits-csv"]').click()
    download = download_info.value
    assert download.suggested_filename == f"indicateurs-kits-{start.isoformat()}_{today.isoformat()}.csv"
    text = open(download.path(), encoding="utf-8-sig").read()  # with a BOM, for spreadsheets
    lines = text.splitlines()  # what the file covers, a blank line, the table
    blank = lines.index("")
    assert lines[0] == "Rapport,Indicateurs des kits"
    assert any(line.startswith("Période,du ") for line in lines[:blank])
    assert lines[blank + 1].startswith("Kit,Association,Déclarations")


def test_visitor_sees_the_map_and_follows_a_departement(page):
    page.goto("/actions-locales/")
    expect(page.get_by_role("heading", name="Actions locales par département")).to_be_visible()
    expect(page.locator("[data-actions-table]")).to_contain_text("Bouches-du-Rhône (13)")
    check_page(page, "actions-map")
    page.locator('a[data-departement="13"]').click()
    page.wait_for_url(re.compile(r"departement=13"))
    expect(page.locator("[data-selected-departement]")).to_contain_text("Bouches-du-Rhône (13)")
    check_page(page, "actions-map-departement")
    page.goto("/")
    expect(page.locator("[data-impact-counters]")).to_contain_text("département")
    check_page(page, "home-impact-counters")
