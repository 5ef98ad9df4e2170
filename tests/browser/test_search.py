"""A visitor types in the header search box, picks a suggestion with the keyboard, then
searches, filters the results by type and by theme; every page passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from events.factories import thursday_morning
from home.localization import translate
from tests.browser import content
from tests.browser.conftest import check_page


@pytest.fixture(scope="module", autouse=True)
def findable(site_url, django_db_blocker):
    """Two kits and two sessions that speak of volunteers, one kit translated into English."""
    with django_db_blocker.unblock():
        themes = content.themes()
        content.make_kit(
            "Collecte de produits d'hygiène",
            "collecte-produits-hygiene",
            summary="Une collecte menée par des bénévoles devant un commerce.",
            themes=[themes["solidarite"], themes["sante"]],
            steps=[("Trouver un lieu", "Un commerce."), ("Collecter", "Avec les bénévoles."), ("Remettre", "Tout.")],
            english={
                "Collecte de produits d'hygiène": "Hygiene product collection",
                "collecte-produits-hygiene": "hygiene-product-collection",
                "Une collecte menée par des bénévoles devant un commerce.": "A collection run by volunteers.",
            },
        )
        content.make_kit(
            "Course solidaire",
            "course-solidaire",
            summary="Des bénévoles et des coureurs pour une cause.",
            themes=[themes["sport"]],
            steps=[("Tracer", "Le parcours."), ("Courir", "Ensemble."), ("Remercier", "Les bénévoles.")],
        )
        for weeks, title in [(2, "Petit Déj : accueillir les bénévoles"), (5, "Petit Déj : fidéliser les bénévoles")]:
            event = content.make_event(title, f"petit-dej-{weeks}", start=thursday_morning(weeks))
            translate(event, "en", {title: "Petit Déj: volunteers"})


def test_pick_a_suggestion_with_the_keyboard(page):
    page.goto("/")
    box = page.get_by_role("combobox", name="Rechercher sur le site")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("coll", delay=40)
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    option = listbox.get_by_role("option", name=re.compile("Collecte de produits d'hygiène"))
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    check_page(page, "search-suggestions")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")  # reopens the same suggestions
    expect(listbox).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/kits/collecte-produits-hygiene/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Collecte de produits d'hygiène")


def test_search_then_filter_by_type_and_theme(page):
    page.goto("/")
    box = page.get_by_role("combobox", name="Rechercher sur le site")
    box.fill("bénévoles")
    box.press("Enter")  # no suggestion chosen: the form is submitted
    expect(page).to_have_url(re.compile(r"/recherche/\?q=b%C3%A9n%C3%A9voles$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Recherche")
    results_title = page.locator("#search-results-title")
    expect(results_title).to_contain_text("résultats pour « bénévoles »")
    expect(page.locator(".search-result mark").first).to_be_visible()
    check_page(page, "search-results")

    facets = page.get_by_role("navigation", name="Affiner")
    facets.get_by_role("link", name=re.compile(r"^Sessions \d+$")).click()
    expect(page).to_have_url(re.compile(r"type=event"))
    types = page.locator(".search-result .search-result__type .tag")
    expect(types.first).to_have_text("Session")
    assert set(types.all_inner_texts()) == {"Session"}
    check_page(page, "search-results-sessions")

    page.get_by_role("link", name="Tous").click()
    facets.get_by_role("link", name=re.compile(r"^Santé \d+$")).click()
    expect(page).to_have_url(re.compile(r"type=kit.*theme=sante"))
    assert set(page.locator(".search-result .search-result__type .tag").all_inner_texts()) == {"Kit"}
    expect(facets.get_by_text("Retirer « Thème : Santé »")).to_be_visible()
    check_page(page, "search-results-kits-health")


def test_empty_search_and_english_page(page):
    page.goto("/recherche/")
    expect(page.get_by_role("heading", name="Kits les plus utilisés")).to_be_visible()
    expect(page.get_by_role("heading", name="Prochaine session")).to_be_visible()
    check_page(page, "search-empty")
    page.goto("/en/recherche/?q=colection")
    expect(page.get_by_text("Did you mean:")).to_be_visible()
    page.get_by_role("link", name="collection").click()
    expect(page.locator(".search-result").first).to_be_visible()
    check_page(page, "search-english")


def test_results_on_a_phone(phone):
    phone.goto("/recherche/?q=collecte")
    expect(phone.locator("#search-results-title")).to_contain_text("1 résultat pour « collecte »")
    box = phone.get_by_role("combobox", name="Rechercher sur le site")
    expect(box).to_be_hidden()  # behind the header's menu on a phone
    phone.locator(".site-menu__toggle").click()
    expect(box).to_be_visible()
    box_width = box.bounding_box()["width"]
    assert box_width >= 180, box_width  # its own row: room to type, even at 390 px
    check_page(phone, "search-results-phone")
