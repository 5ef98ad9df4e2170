"""An administrator puts a kit forward on the home page through the real admin: the home
page's "Kits mis en avant" panel, Wagtail's page chooser, Publish; visitors see it first."""

import re

import pytest
from playwright.sync_api import expect

from home.models import HomePage
from kits.factories import KitPageFactory
from kits.models import KitIndexPage
from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp


@pytest.fixture(scope="module")
def kits(site_url, django_db_blocker):
    with django_db_blocker.unblock():
        index = KitIndexPage.objects.get(locale__language_code="fr")
        made = []
        for title in ("Disco-soupe du marché", "Course des familles", "Atelier vélo", "Troc de livres"):
            kit = KitPageFactory(parent=index, title=title)
            kit.save_revision().publish()
            made.append(kit)
        return made


def test_administrator_features_a_kit_on_the_home_page(page, kits, django_db_blocker, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    admin, secret = staff_with_totp(django_db_blocker, "admin-accueil@example.org", is_staff=True, is_superuser=True)
    with django_db_blocker.unblock():
        home = HomePage.objects.get(locale__language_code="fr")
    sign_in(page, admin, secret, next_url=f"/admin/pages/{home.pk}/edit/")

    page.locator("#id_featured_kits-ADD").click()
    page.locator("[id^='inline_child_featured_kits-'] [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal")
    expect(modal.get_by_role("link", name="Disco-soupe du marché")).to_be_visible()
    expect(modal.get_by_role("link", name="Kits d'action")).to_have_count(0)  # kits only, not their index
    modal.get_by_role("link", name="Disco-soupe du marché").click()
    expect(modal).to_be_hidden()
    expect(page.locator("[id^='inline_child_featured_kits-']").first).to_contain_text("Disco-soupe du marché")
    check_page(page, "admin-home-featured-kits", region="[id^='inline_child_featured_kits-']")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("footer button[name='action-publish']").first.click()
    expect(page.locator(".messages")).to_contain_text(re.compile("publiée|mise à jour"))

    visitor = page.context.browser.new_context(locale="fr-FR", base_url=page.url.split("/admin")[0]).new_page()
    visitor.goto("/")
    cards = visitor.locator(".home-kits .card__title")
    expect(cards.first).to_have_text("Disco-soupe du marché")  # first, before the latest ones
    expect(cards).to_have_count(3)
    check_page(visitor, "home-featured-kits-1280")
    visitor.context.close()
