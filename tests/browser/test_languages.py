"""A visitor lands on the French home page, switches to English, and back."""

from playwright.sync_api import expect

from tests.browser.conftest import check_page


def test_home_in_french_then_english_then_back(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Agir pour une association, près de chez vous")
    check_page(page, "home-fr")

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{page.url.split('/en/')[0]}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Act for a charity, close to home")
    check_page(page, "home-en")

    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="About").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("À propos")
    assert page.url.endswith("/a-propos/")
    check_page(page, "about-fr")


def test_skip_link_reaches_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    skip.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_not_found_page_in_each_language(page):
    response = page.goto("/cette-page-n-existe-pas/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page introuvable")
    check_page(page, "not-found-fr")
    response = page.goto("/en/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
